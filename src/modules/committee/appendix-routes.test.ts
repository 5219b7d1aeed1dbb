/**
 * Appendices, embedded components, packs as PDFs and the public search,
 * through the pages: an author uploads files and embeds the indicator
 * report, an audit round summary and the missing key data table; the clerk
 * publishes (a public PDF must be read and let through with a reason); the
 * public site offers only public appendices, the PDF of the public pack, and
 * finds public papers, never Part 2.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  agent,
  emailOf,
  signedIn,
  startTestApp,
  type TestContext,
} from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';
import { chromiumPath } from '../../platform/documents/pdf';
import { casePeople, caseReferrals } from '../cases/schema';
import { qaRounds, qaTemplateVersions } from '../qa/schema';

let ctx: TestContext;
let clerk: Agent;
let senior: Agent;
let manager: Agent;
let member: Agent;
let meetingId: string;
let publicItem: string;
let privateItem: string;
let roundId: string;
const ID = '([0-9a-f-]{36})';

const locationId = (res: { headers: Record<string, unknown> }, pattern: RegExp) => {
  const m = String(res.headers.location).match(pattern);
  if (!m) throw new Error(`unexpected redirect ${String(res.headers.location)}`);
  return m[1]!;
};

function multipart(
  fields: Record<string, string>,
  file?: { name: string; type: string; data: Buffer | Uint8Array },
) {
  const boundary = '----oversight-appendix-test';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="appendixFile"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      Buffer.from(file.data),
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

const upload = (
  a: Agent,
  itemId: string,
  fields: Record<string, string>,
  file?: Parameters<typeof multipart>[1],
) => {
  const m = multipart({ _csrf: a.csrf(), ...fields }, file);
  return a.send('POST', `/committee-business/items/${itemId}/report/appendix-file`, m.payload, {
    'content-type': m.type,
  });
};

async function pdfOf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([612, 792]);
  return doc.save();
}

const reportForm = (subject: string, summary: string) => ({
  subject,
  reportOf: 'Director of Children’s Services',
  author: 'Head of Quality Assurance',
  summary,
  recommendations: 'Members are asked to:\n- note the report',
  mainReport: 'Return home interviews are on time.',
});

async function throughSignOff(itemId: string) {
  await manager.post(`/committee-business/items/${itemId}/report/send`, {
    signOffBy: ctx.org.userIds.senior_leader,
  });
  await senior.post(`/committee-business/items/${itemId}/report/sign-off`);
  expect((await clerk.post(`/committee-business/items/${itemId}/report/accept`)).statusCode).toBe(302);
}

beforeAll(async () => {
  ctx = await startTestApp();
  const db = ctx.oversight.database.db;
  const organisationId = ctx.org.organisationId;
  // Two referrals in 2026-27 Q2: a count the published indicator report must hide.
  const [ann] = await db
    .insert(casePeople)
    .values({ organisationId, sourceId: 'P-5521', rowHash: 'h', forename: 'Orla', surname: 'Penhallow' })
    .returning();
  await db.insert(caseReferrals).values([
    { organisationId, personId: ann!.id, sourceId: 'R1', rowHash: 'h', referralDate: '2026-08-01' },
    { organisationId, personId: ann!.id, sourceId: 'R2', rowHash: 'h', referralDate: '2026-09-01' },
  ]);
  const [version] = await db
    .insert(qaTemplateVersions)
    .values({
      organisationId,
      templateId: randomUUID(),
      version: 1,
      name: 'Case file audit',
      definition: { sections: [] } as never,
      createdAt: ctx.clock.now(),
    })
    .returning();
  const [round] = await db
    .insert(qaRounds)
    .values({
      organisationId,
      name: 'Autumn audit round',
      type: 'internal',
      startDate: '2026-09-01',
      endDate: '2026-10-31',
      templateVersionId: version!.id,
      auditorIds: [],
      sampling: {},
      eligibleCount: 3,
      excluded: [],
      createdAt: ctx.clock.now(),
    })
    .returning();
  roundId = round!.id;
  clerk = await signedIn(ctx, emailOf(ctx.org, 'committee_clerk'));
  senior = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
  manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
  member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
  const officer = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
  await officer.post('/indicators/report/commentary?quarter=2026-07-01', { overall: 'A steady quarter.' });
  expect((await senior.post('/indicators/report/sign-off?quarter=2026-07-01', {})).statusCode).toBe(302);

  const c = await clerk.post('/committee-business/new', {
    name: 'Safeguarding Sub-Committee',
    memberCount: '7',
    quorum: '3',
    duties: '1. To oversee the safeguarding of children',
    frequency: 'Quarterly',
    clerkUserId: ctx.org.userIds.committee_clerk,
  });
  const committeeId = locationId(c, new RegExp(`/committee-business/${ID}$`));
  await clerk.post(`/committee-business/${committeeId}/members`, {
    userId: ctx.org.userIds.committee_member,
    role: 'member',
    'termStart-day': '1',
    'termStart-month': '5',
    'termStart-year': '2026',
  });
  const m = await clerk.post(`/committee-business/${committeeId}/meetings`, {
    'date-day': '10',
    'date-month': '12',
    'date-year': '2026',
    startTime: '14:00',
    venue: 'Committee Room 1',
  });
  meetingId = locationId(m, new RegExp(`/committee-business/meetings/${ID}$`));
  await clerk.post(`/committee-business/meetings/${meetingId}/standard-items`);
  await clerk.post(`/committee-business/meetings/${meetingId}/items`, {
    title: 'Missing children and audit',
    fromOfficer: 'Director of Children’s Services',
    purpose: 'information',
    part: '1',
  });
  await clerk.post(`/committee-business/meetings/${meetingId}/items`, {
    title: 'Placement review',
    fromOfficer: 'Director of Children’s Services',
    purpose: 'information',
    part: '2',
    paragraphs: ['1'],
  });
  const page = await clerk.get(`/committee-business/meetings/${meetingId}`);
  [publicItem, privateItem] = [
    ...page.body.matchAll(/\/committee-business\/items\/([0-9a-f-]{36})\/report/g),
  ].map((x) => x[1]!) as [string, string];
}, 300_000);

afterAll(() => ctx?.close());

describe('appendices and embedded components', () => {
  it('an author uploads files and embeds the indicator report, an audit round and the missing key data', async () => {
    await manager.post(
      `/committee-business/items/${publicItem}/report`,
      reportForm('Missing children and audit', 'Return home interviews within 72 hours rose.'),
    );
    const page = await manager.get(`/committee-business/items/${publicItem}/report`);
    expect(page.body).toContain('kpis.quarterly-report|2026-07-01');
    expect(page.body).toContain(`qa.round-summary|${roundId}`);
    expect(page.body).toContain('missing.key-data|2026');
    for (const [component, title] of [
      ['kpis.quarterly-report|2026-07-01', 'Performance indicators'],
      [`qa.round-summary|${roundId}`, 'Audit round'],
      ['missing.key-data|2026', 'Missing key data'],
    ])
      expect(
        (
          await manager.post(`/committee-business/items/${publicItem}/report/appendices`, {
            component,
            title,
            visibility: 'public',
          })
        ).statusCode,
      ).toBe(302);

    // Refused, saying why.
    const none = await upload(manager, publicItem, { fileTitle: 'Letter', fileVisibility: 'public' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose the file to upload');
    const macro = await upload(
      manager,
      publicItem,
      { fileTitle: 'Macro', fileVisibility: 'public' },
      { name: 'm.xlsm', type: 'application/octet-stream', data: Buffer.from('x') },
    );
    expect(macro.statusCode).toBe(400);
    expect(macro.body).toContain('The appendix must be a PDF, Word (.docx), Excel (.xlsx) or CSV file');
    const noTitle = await upload(
      manager,
      publicItem,
      { fileTitle: '', fileVisibility: '' },
      { name: 'a.csv', type: 'text/csv', data: Buffer.from('a,b\n') },
    );
    expect(noTitle.body).toContain('Enter the appendix title');
    expect(noTitle.body).toContain('Choose whether the appendix is public or non-public');

    const ok = [
      await upload(
        manager,
        publicItem,
        { fileTitle: 'Inspection letter', fileVisibility: 'public' },
        { name: 'letter.pdf', type: 'application/pdf', data: await pdfOf(3) },
      ),
      await upload(
        manager,
        publicItem,
        { fileTitle: 'Team figures', fileVisibility: 'public' },
        { name: 'teams.csv', type: 'text/csv', data: Buffer.from('Team,Visits\nNorth,12\n') },
      ),
      await upload(
        manager,
        publicItem,
        { fileTitle: 'Case list', fileVisibility: 'non-public' },
        { name: 'cases.csv', type: 'text/csv', data: Buffer.from('Child\nOrla Penhallow\n') },
      ),
    ];
    expect(ok.map((r) => r.statusCode)).toEqual([302, 302, 302]);
    const listed = await manager.get(`/committee-business/items/${publicItem}/report`);
    expect(listed.body).toContain('Appendix 6: Case list (non-public)');
    const link = /href="(\/committee-business\/appendices\/[0-9a-f-]{36})">cases.csv/.exec(listed.body)![1]!;
    const file = await manager.get(link);
    expect(file.headers['content-disposition']).toBe('attachment; filename="cases.csv"');
    expect(file.body).toContain('Orla Penhallow');
    const audit = await rawRows<{ action: string }>(
      ctx.oversight.database.db,
      sql`select action from access_audit where action = 'committee.appendix.non-public.read'`,
    );
    expect(audit).toHaveLength(1);

    await throughSignOff(publicItem);
    await manager.post(
      `/committee-business/items/${privateItem}/report`,
      reportForm('Placement review', 'A review.'),
    );
    await throughSignOff(privateItem);
  });

  it('a public PDF the service cannot read blocks publication until the clerk lets it through with a reason', async () => {
    const check = await clerk.get(`/committee-business/meetings/${meetingId}/publish`);
    expect(check.body).toContain('A public PDF appendix the service cannot read');
    expect(check.body).toContain('letter.pdf');
    // The non-public CSV names a child, but it is not public.
    expect(check.body).not.toContain('Orla Penhallow');
    expect((await clerk.post(`/committee-business/meetings/${meetingId}/publish`)).statusCode).toBe(400);
    const key = /name="key" value="([^"]*letter\.pdf[^"]*)"/
      .exec(check.body)![1]!
      .replace(/&#39;|&quot;|&amp;/g, (e) => ({ '&#39;': "'", '&quot;': '"', '&amp;': '&' })[e]!);
    const let_ = await clerk.post(`/committee-business/meetings/${meetingId}/overrides`, {
      key,
      reason: 'Read by the clerk: an Ofsted letter, no child named',
    });
    expect(let_.statusCode).toBe(302);
    expect((await clerk.post(`/committee-business/meetings/${meetingId}/publish`)).statusCode).toBe(302);
  });

  it('the public pack shows the embedded components suppressed and links only public appendices', async () => {
    const pack = await clerk.get(`/committee-business/meetings/${meetingId}/packs/1/public`);
    expect(pack.body).toContain('Indicators, 2026-27 Q2');
    expect(pack.body).toContain('[c]');
    expect(pack.body).toContain('Autumn audit round');
    expect(pack.body).toMatch(/Cases eligible: \[c\]/);
    expect(pack.body).toContain('Missing children: key data, 2026-27');
    expect(pack.body).toContain('teams.csv');
    expect(pack.body).not.toContain('cases.csv');
    const np = await member.get(`/committee-business/meetings/${meetingId}/packs/1/non-public`);
    const link = /href="([^"]+)" download>Download appendix \d+: cases.csv/.exec(np.body)![1]!;
    expect((await member.get(link)).body).toContain('Orla Penhallow');
    expect((await manager.get(link)).statusCode).toBe(404);
  });

  it('the public site offers public appendices only, and searches public papers by words and date', async () => {
    const visitor = agent(ctx);
    const page = await visitor.get(`/committees/oak/meetings/${meetingId}`);
    expect(page.statusCode).toBe(200);
    const csv = /href="(\/committees\/oak\/meetings\/[^"]+)" download>Download appendix \d+: teams.csv/.exec(
      page.body,
    )![1]!;
    expect((await visitor.get(csv)).body).toContain('North,12');
    expect(page.body).not.toContain('cases.csv');
    const appendixIds = await rawRows<{ id: string; file_name: string }>(
      ctx.oversight.database.db,
      sql`select id, file_name from committee_report_appendices where file_name is not null`,
    );
    const secret = appendixIds.find((a) => a.file_name === 'cases.csv')!.id;
    expect((await visitor.get(`/committees/oak/meetings/${meetingId}/appendices/${secret}`)).statusCode).toBe(
      404,
    );
    expect((await visitor.get(`/committees/wst/meetings/${meetingId}/appendices/${secret}`)).statusCode).toBe(
      404,
    );

    const found = await visitor.get('/committees/oak/search?q=interviews+72');
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('1 paper found');
    expect(found.body).toContain(`/committees/oak/meetings/${meetingId}#item-`);
    expect((await visitor.get('/committees/oak/search?q=placement')).body).toContain('No papers found');
    const later = await visitor.get(
      '/committees/oak/search?q=interviews&from-day=1&from-month=1&from-year=2027',
    );
    expect(later.body).toContain('No papers found');
    const bad = await visitor.get('/committees/oak/search?q=x&from-day=31&from-month=2&from-year=2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect((await visitor.get('/committees/wst/search?q=interviews')).body).toContain('No papers found');
  });

  it.runIf(chromiumPath())(
    'prints the public and full packs as PDFs with the uploaded PDF merged in',
    async () => {
      const visitor = agent(ctx);
      const pub = await visitor.get(`/committees/oak/meetings/${meetingId}/pack.pdf`);
      expect(pub.headers['content-type']).toBe('application/pdf');
      const pubPdf = await PDFDocument.load(pub.rawPayload);
      const letterPages = pubPdf.getPages().filter((p) => Math.round(p.getSize().width) === 612);
      expect(letterPages).toHaveLength(3);
      const full = await member.get(`/committee-business/meetings/${meetingId}/packs/1/pdf/full`);
      expect(full.headers['content-type']).toBe('application/pdf');
      expect((await PDFDocument.load(full.rawPayload)).getPageCount()).toBeGreaterThan(pubPdf.getPageCount());
      expect(
        (await manager.get(`/committee-business/meetings/${meetingId}/packs/1/pdf/full`)).statusCode,
      ).toBe(404);
    },
    120_000,
  );
});
