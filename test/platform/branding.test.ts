import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/platform/permissions';
import { accessAudit } from '../../src/platform/schema';
import { type Agent, agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
const agents = new Map<Role, Agent>();

beforeAll(async () => {
  ctx = await startTestApp();
  for (const role of ROLES) agents.set(role, await signedIn(ctx, emailOf(ctx.org, role)));
}, 120_000);
afterAll(async () => ctx?.close());

const admin = () => agents.get('administrator')!;

/** What only a central government service on GOV.UK may show. */
const GOVUK_BRAND = [
  'GOV.UK',
  'Crown copyright',
  'Open Government Licence',
  'nationalarchives.gov.uk',
  'govuk-header__logotype',
  'govuk-footer__crown',
  'govuk-footer__licence-logo',
  'govuk-logo-dot',
  // The Tudor crown's path in govuk-frontend's logo.
  'M33.1,9.8',
  '/assets/images/favicon.ico',
];

function expectNoGovukBrand(html: string, where: string) {
  for (const text of GOVUK_BRAND) expect(html, `${where} shows ${text}`).not.toContain(text);
}

/** A multipart body as a browser sends it, the CSRF token an ordinary field. */
function multipartBody(
  fields: Record<string, string>,
  file?: { filename: string; type: string; data: Buffer },
) {
  const boundary = '----oversightbrandingtest';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function uploadLogo(
  a: Agent,
  file: { filename: string; type: string; data: Buffer } | undefined,
  options: { csrf?: boolean } = {},
) {
  const { payload, contentType } = multipartBody(options.csrf === false ? {} : { _csrf: a.csrf() }, file);
  const cookie = [...a.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  return ctx.app.inject({
    method: 'POST',
    url: '/admin/branding/logo',
    payload,
    headers: { cookie, 'content-type': contentType },
  });
}

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('the council’s own service, never GOV.UK’s', () => {
  it('shows no crown, GOV.UK, Crown copyright or licence on signed-out pages', async () => {
    const visitor = agent(ctx);
    for (const url of ['/sign-in', '/accessibility']) {
      const res = await visitor.get(url);
      expect(res.statusCode).toBe(200);
      expectNoGovukBrand(res.body, url);
      expect(res.body).toContain('govuk-service-navigation__service-name');
      expect(res.body).toContain('href="/accessibility"');
      // No one is signed in: nothing says what is protectively marked.
      expect(res.body).not.toContain('data-protective-marking');
    }
    // A failed form and a refused change are pages too.
    const refused = await visitor.post(
      '/sign-in',
      { email: 'x@example.org', password: 'x' },
      { csrf: false },
    );
    expect(refused.statusCode).toBe(403);
    expectNoGovukBrand(refused.body, 'the CSRF page');
  });

  it('shows every role the organisation’s name and marking and no GOV.UK brand, on pages, errors and refusals', async () => {
    for (const role of ROLES) {
      const a = agents.get(role)!;
      for (const url of ['/', '/account', '/accessibility', '/no-such-page', '/admin/branding']) {
        const res = await a.get(url);
        expectNoGovukBrand(res.body, `${role} ${url}`);
        expect(res.body, `${role} ${url}`).toContain('OFFICIAL-SENSITIVE');
        expect(res.body, `${role} ${url}`).toContain('Oakhaven Borough Council');
        expect(res.body, `${role} ${url}`).toContain('govuk-generic-header');
      }
      expect((await a.get('/no-such-page')).statusCode).toBe(404);
      expect((await a.get('/admin/branding')).statusCode).toBe(role === 'administrator' ? 200 : 403);
    }
  });

  it('sets text in Arial, not in GOV.UK’s own typeface', async () => {
    for (const url of ['/vendor/govuk/govuk-frontend.min.css', '/vendor/moj/moj-frontend.min.css']) {
      const res = await agent(ctx).get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(res.body).toContain('font-family:arial,sans-serif');
      expect(res.body).not.toContain('GDS Transport');
    }
  });

  it('marks the page at the top and at the foot, and the print stylesheet prints the marking', async () => {
    const home = (await admin().get('/')).body;
    expect(home.match(/Protective marking: <\/span>OFFICIAL-SENSITIVE/g)).toHaveLength(2);
    expect(home.indexOf('data-protective-marking')).toBeLessThan(home.indexOf('govuk-service-navigation'));
    const css = (await admin().get('/public/app.css')).body;
    expect(css).toMatch(/@media print \{\s*\.app-protective-marking \{\s*display: block;/);
  });
});

describe('the administrator’s branding settings', () => {
  it('changes the marking on every page of the organisation, and audits the change', async () => {
    const res = await admin().post('/admin/branding', { protectiveMarking: 'OFFICIAL', feedbackUrl: '' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/admin/branding');
    const page = (await agents.get('practitioner')!.get('/')).body;
    expect(page).toContain('Protective marking: </span>OFFICIAL<');
    expect(page).not.toContain('OFFICIAL-SENSITIVE');
    // Another organisation keeps its own marking.
    const other = await signedIn(ctx, emailOf(ctx.other, 'practitioner'));
    expect((await other.get('/')).body).toContain('OFFICIAL-SENSITIVE');
    const events = await ctx.oversight.database.db
      .select()
      .from(accessAudit)
      .where(
        and(
          eq(accessAudit.action, 'branding.update'),
          eq(accessAudit.organisationId, ctx.org.organisationId),
        ),
      );
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toBe('protective marking from "OFFICIAL-SENSITIVE" to "OFFICIAL"');
    expect(events[0]!.userId).toBe(ctx.org.userIds.administrator);
    await admin().post('/admin/branding', { protectiveMarking: 'OFFICIAL-SENSITIVE' });
  });

  it('explains a missing or unusable marking and a feedback address that is not a web page', async () => {
    const empty = await admin().post('/admin/branding', { protectiveMarking: '  ', feedbackUrl: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('govuk-error-summary');
    expect(empty.body).toContain('Enter the protective marking, like OFFICIAL-SENSITIVE');
    expect(empty.body).toMatch(/<title>Error: /);
    for (const feedbackUrl of ['javascript:alert(1)', 'ftp://example.org/x', 'not a link']) {
      const res = await admin().post('/admin/branding', { protectiveMarking: 'OFFICIAL', feedbackUrl });
      expect(res.statusCode, feedbackUrl).toBe(400);
      expect(res.body).toContain('Enter a full web address starting with https://');
    }
    const markup = await admin().post('/admin/branding', { protectiveMarking: '<b>OFFICIAL</b>' });
    expect(markup.statusCode).toBe(400);
    // Nothing was saved.
    expect((await admin().get('/')).body).toContain('OFFICIAL-SENSITIVE');
  });

  it('puts the feedback link in the phase banner only when one is set', async () => {
    expect((await admin().get('/')).body).not.toContain('data-feedback-link');
    await admin().post('/admin/branding', {
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      feedbackUrl: 'https://forms.example.org/oversight',
    });
    const page = (await agents.get('team_manager')!.get('/')).body;
    const banner = page.slice(
      page.indexOf('govuk-phase-banner'),
      page.indexOf('</div>', page.indexOf('govuk-phase-banner__text')),
    );
    expect(banner).toContain('href="https://forms.example.org/oversight"');
    expect(banner).toContain('give your feedback');
    await admin().post('/admin/branding', { protectiveMarking: 'OFFICIAL-SENSITIVE', feedbackUrl: '' });
    expect((await admin().get('/')).body).not.toContain('forms.example.org');
  });

  it('refuses changes from everyone but the administrator', async () => {
    for (const role of ROLES.filter((r) => r !== 'administrator')) {
      const a = agents.get(role)!;
      expect((await a.post('/admin/branding', { protectiveMarking: 'NOT' })).statusCode, role).toBe(403);
      expect(
        (await uploadLogo(a, { filename: 'l.png', type: 'image/png', data: PNG })).statusCode,
        role,
      ).toBe(403);
    }
    expect((await admin().get('/')).body).toContain('OFFICIAL-SENSITIVE');
  });
});

describe('the organisation’s logo', () => {
  it('takes a PNG, shows it in every page’s header and serves it as nothing but an image', async () => {
    const res = await uploadLogo(admin(), { filename: 'oakhaven.png', type: 'image/png', data: PNG });
    expect(res.statusCode).toBe(302);
    const page = (await agents.get('practitioner')!.get('/')).body;
    const src = page.match(/<img class="app-organisation-logo" src="([^"]+)"/)?.[1];
    expect(src).toMatch(new RegExp(`^/organisation-logo/${ctx.org.organisationId}\\?v=\\d+$`));
    const logo = await agent(ctx).get(src!.replace('&amp;', '&'));
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    expect(logo.rawPayload.equals(PNG)).toBe(true);
    // The other organisation has none.
    expect((await agent(ctx).get(`/organisation-logo/${ctx.other.organisationId}`)).statusCode).toBe(404);
    const events = await ctx.oversight.database.db
      .select()
      .from(accessAudit)
      .where(eq(accessAudit.action, 'branding.logo'));
    expect(events.map((e) => e.organisationId)).toEqual([ctx.org.organisationId]);
  });

  it('refuses SVG, files that are not images, files too large and an empty upload, saying why', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const cases: Array<[{ filename: string; type: string; data: Buffer } | undefined, string]> = [
      [{ filename: 'logo.svg', type: 'image/svg+xml', data: svg }, 'SVG files are not accepted'],
      [{ filename: 'logo.png', type: 'image/png', data: svg }, 'SVG files are not accepted'],
      [
        { filename: 'logo.png', type: 'image/png', data: Buffer.from('GIF89a not a png at all') },
        'must be a PNG or JPEG',
      ],
      [
        { filename: 'big.png', type: 'image/png', data: Buffer.concat([PNG, Buffer.alloc(300 * 1024)]) },
        'must be smaller than 200KB',
      ],
      [
        { filename: '', type: 'application/octet-stream', data: Buffer.alloc(0) },
        'Select a PNG or JPEG file',
      ],
      [undefined, 'Select a PNG or JPEG file'],
    ];
    for (const [file, message] of cases) {
      const res = await uploadLogo(admin(), file);
      expect(res.statusCode, message).toBe(400);
      expect(res.body).toContain('govuk-error-summary');
      expect(res.body).toContain(message);
    }
    // The logo uploaded before is still the one shown.
    const logo = await agent(ctx).get(`/organisation-logo/${ctx.org.organisationId}`);
    expect(logo.rawPayload.equals(PNG)).toBe(true);
  });

  it('needs the CSRF token in the form', async () => {
    const res = await uploadLogo(
      admin(),
      { filename: 'l.png', type: 'image/png', data: PNG },
      { csrf: false },
    );
    expect(res.statusCode).toBe(403);
  });

  it('can be removed, leaving the organisation’s name', async () => {
    expect((await admin().post('/admin/branding/logo/remove')).statusCode).toBe(302);
    const page = (await admin().get('/')).body;
    expect(page).not.toContain('app-organisation-logo');
    expect(page).toContain('<span class="app-organisation-name">Oakhaven Borough Council</span>');
    expect((await agent(ctx).get(`/organisation-logo/${ctx.org.organisationId}`)).statusCode).toBe(404);
  });
});
