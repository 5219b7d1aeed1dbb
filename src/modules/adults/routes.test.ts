import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { dateFields } from '../../../test/helpers/forms';
import { multipart } from '../../../test/modules/plans-fixture';
import { rawRows } from '../../platform/db/client';
import * as adults from './service';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

const HEADER =
  'Concern ID,Person ID,Date concern received,Source of concern,Section 42 decision,Date of decision,Enquiry type,Date enquiry started,Date enquiry concluded,Type of abuse,Location of abuse,Source of risk,Asked about outcomes,Outcomes achieved,Risk outcome';

const auditActions = async () =>
  (
    await rawRows<{ action: string; organisation_id: string }>(
      ctx.oversight.database.db,
      sql`select action, organisation_id from access_audit where action like 'adult-concern.%' order by at, id`,
    )
  ).map((r) => r.action);

const goodForm = {
  reference: 'F-1',
  personRef: 'AD000001',
  ...dateFields('receivedOn', '2026-10-01'),
  source: 'police',
  s42Decision: 'yes',
  ...dateFields('decisionOn', '2026-10-02'),
  enquiryType: 's42',
  ...dateFields('enquiryStartedOn', '2026-10-03'),
  abuseTypes: ['neglect', 'financial'],
  location: 'own-home',
};

describe('the adults’ safeguarding register', () => {
  it('takes a concern by form, saying what to put right, and audits every read and change', async () => {
    const officer = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    expect((await officer.get('/adults/concerns/new')).statusCode).toBe(200);
    const bad = await officer.post('/adults/concerns', {
      personRef: 'AD000001',
      ...dateFields('receivedOn', '2026-10-01'),
      'decisionOn-day': '31',
      'decisionOn-month': '2',
      'decisionOn-year': '2026',
      source: 'carrier-pigeon',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Enter the concern ID');
    expect(bad.body).toContain('Select who raised the concern');
    expect(bad.body).toContain('The date of the section 42 decision must be a real date');
    // The error summary follows the page order: the concern ID first.
    expect(bad.body.indexOf('href="#reference"')).toBeLessThan(bad.body.indexOf('href="#source"'));

    const contradictory = await officer.post('/adults/concerns', { ...goodForm, s42Decision: 'no' });
    expect(contradictory.statusCode).toBe(400);
    expect(contradictory.body).toContain('A section 42 enquiry needs a section 42 decision of yes');

    const saved = await officer.post('/adults/concerns', goodForm);
    expect(saved.statusCode).toBe(302);
    const page = await officer.get(saved.headers.location!);
    expect(page.body).toContain('Safeguarding concern F-1');
    expect(page.body).toContain('Neglect and acts of omission, Financial or material abuse');

    const duplicate = await officer.post('/adults/concerns', goodForm);
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('The concern ID F-1 is already in the register');

    const id = saved.headers.location!.split('/').at(-1)!;
    const changed = await officer.post(`/adults/concerns/${id}`, {
      ...goodForm,
      ...dateFields('enquiryConcludedOn', '2026-11-01'),
      riskOutcome: 'reduced',
      outcomesAsked: 'expressed',
      outcomesAchieved: 'partly',
    });
    expect(changed.statusCode).toBe(302);
    expect((await officer.get(`/adults/concerns/${id}`)).body).toContain('Risk reduced');
    expect(await auditActions()).toEqual([
      'adult-concern.create',
      'adult-concern.view',
      'adult-concern.update',
      'adult-concern.view',
    ]);
  });

  it('imports a SAC-style CSV all at once, or lists every problem by row and saves nothing', async () => {
    const officer = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    const upload = (csv: string) => {
      const { body, contentType } = multipart(
        { _csrf: officer.csrf() },
        { field: 'file', filename: 'sac.csv', contentType: 'text/csv', data: Buffer.from(csv) },
      );
      return officer.send('POST', '/adults/import', body, { 'content-type': contentType });
    };
    const bad = await upload(
      `${HEADER}\nC-1,AD1,2026-07-01,Police,Yes,2026-07-02,Section 42,2026-07-03,,Neglect,Own home,,,,\nC-2,AD2,2026-13-01,Police,,,,,,,,,,,\n`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The file has 1 problem: nothing was saved');
    expect(bad.body).toMatch(
      /<td class="govuk-table__cell">3<\/td><td class="govuk-table__cell">Date concern received<\/td>/,
    );
    const before = await adults.listConcerns(
      ctx.oversight.database.db,
      { ...ctxOf(), organisationId: ctx.org.organisationId },
      { personRef: 'AD1' },
      { limit: 10, offset: 0 },
    );
    expect(before.total).toBe(0);

    const good = await upload(
      `${HEADER}\nC-1,AD1,2026-07-01,Police,Yes,2026-07-02,Section 42,2026-07-03,,Neglect,Own home,,,,\nC-2,AD2,01/08/2026,Health staff,No,02/08/2026,,,,,,,,,\nF-1,AD000001,2026-10-01,Police,Yes,2026-10-02,Other,2026-10-03,,,,,,,\n`,
    );
    expect(good.statusCode).toBe(200);
    expect(good.body).toContain('2 concerns added and 1 replaced');
    expect(good.body).toContain(
      'Row 4: The section 42 decision is yes but the enquiry is recorded as another',
    );
    expect((await auditActions()).at(-1)).toBe('adult-concern.import');
  });

  it('lists concerns a page at a time with filters', async () => {
    const officer = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const lists = async () => (await auditActions()).filter((a) => a === 'adult-concern.list').length;
    const listsBefore = await lists();
    const all = await officer.get('/adults/concerns');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Showing 1 to 3 of 3 concerns');
    const open = await officer.get('/adults/concerns?enquiry=open&abuseType=neglect');
    expect(open.body).toContain('Showing 1 to 1 of 1 concerns');
    expect(open.body).toContain('>C-1<');
    const july = await officer.get('/adults/concerns?received=2026-07-01&decision=yes');
    expect(july.body).toContain('>C-1<');
    expect(july.body).not.toContain('>C-2<');
    expect((await lists()) - listsBefore).toBe(3);
  });

  it('is for the roles that see the whole service: never committee roles, practitioners or another organisation', async () => {
    const [concern] = (
      await adults.listConcerns(
        ctx.oversight.database.db,
        { ...ctxOf(), organisationId: ctx.org.organisationId },
        {},
        { limit: 1, offset: 0 },
      )
    ).rows;
    for (const role of ['committee_member', 'committee_clerk', 'practitioner', 'administrator']) {
      const a = await signedIn(ctx, emailOf(ctx.org, role));
      expect((await a.get('/adults/concerns')).statusCode, role).toBe(403);
      expect((await a.get(`/adults/concerns/${concern!.id}`)).statusCode, role).toBe(403);
    }
    const leader = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    expect((await leader.get(`/adults/concerns/${concern!.id}`)).statusCode).toBe(200);
    expect((await leader.get('/adults/concerns/new')).statusCode).toBe(403);
    expect((await leader.post('/adults/concerns', goodForm)).statusCode).toBe(403);
    const elsewhere = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    expect((await elsewhere.get(`/adults/concerns/${concern!.id}`)).statusCode).toBe(404);
    expect((await elsewhere.post(`/adults/concerns/${concern!.id}`, goodForm)).statusCode).toBe(404);
    expect((await elsewhere.get('/adults/concerns')).body).toContain('No concerns match these filters');
  });
});

function ctxOf() {
  return { userId: null, ip: null, userAgent: null, requestId: null, at: ctx.clock.now() };
}
