/**
 * The children missing education register end to end. Today is Monday
 * 16 November 2026, 09:00 (GMT). Amara Testwell (P1 of the small extract) is
 * on the demo practitioner's caseload; Lior Penhallow (P3) is not. Amara's
 * first day of absence is Tuesday 10 November: school day 2 is Wednesday 11,
 * day 3 Thursday 12 and day 4 Friday 13, all passed. The education
 * service's lists (kept with the register) are tested at the end.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { dateFields } from '../../../test/helpers/forms';
import { rawRows } from '../../platform/db/client';
import { smallExtract } from '../cases/fixtures';
import { cmeCases } from './cme-schema';
import { importExtractAsAdministrator } from './test-fixture';

let ctx: TestContext;
let amara: string;
let lior: string;
let caseId: string;

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const audit = (action: string) =>
  rawRows<{ record_id: string | null; detail: string | null }>(
    ctx.oversight.database.db,
    sql`select record_id, detail from access_audit where action = ${action} order by at, id`,
  );
const referral = {
  school: 'Oakhaven Academy',
  reporterKind: 'school',
  reportedBy: 'Designated safeguarding lead',
  ...dateFields('reportedOn', '2026-11-12'),
  ...dateFields('firstAbsentOn', '2026-11-10'),
  reason: 'stopped_attending',
};

beforeAll(async () => {
  ctx = await startTestApp();
  await importExtractAsAdministrator(ctx, smallExtract());
  const rows = await rawRows<{ id: string; source_id: string }>(
    ctx.oversight.database.db,
    sql`select id, source_id from case_people where organisation_id = ${ctx.org.organisationId}`,
  );
  amara = rows.find((r) => r.source_id === 'P1')!.id;
  lior = rows.find((r) => r.source_id === 'P3')!.id;
}, 180_000);
afterAll(async () => ctx?.close());

describe('recording a child missing education', () => {
  it('says what is missing or wrong, and keeps what was typed', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await priya.get(`/children/${amara}/cme/new`)).statusCode).toBe(200);
    const empty = text((await priya.post(`/children/${amara}/cme`, { school: 'Oakhaven Academy' })).body);
    expect(empty).toContain('There is a problem');
    expect(empty).toContain('Select who reported it');
    expect(empty).toContain('Enter the first day of absence');
    expect(empty).toContain('Select the reason');
    const later = await priya.post(`/children/${amara}/cme`, {
      ...referral,
      ...dateFields('firstAbsentOn', '2026-11-13'),
    });
    expect(later.statusCode).toBe(400);
    expect(text(later.body)).toContain(
      'The first day of absence must be on or before the date it was reported',
    );
    expect(later.body).toContain('value="Oakhaven Academy"');
  });

  it('records the case from the child’s record, with its clocks overdue, audited', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await priya.get(`/children/${amara}`)).body).toContain(`/children/${amara}/cme/new`);
    const res = await priya.post(`/children/${amara}/cme`, referral);
    expect(res.statusCode).toBe(302);
    caseId = res.headers.location!.split('/').at(-1)!;
    expect(res.headers.location).toBe(`/missing/cme/${caseId}`);
    const page = text((await priya.get(`/missing/cme/${caseId}`)).body);
    expect(page).toContain('Missing education from 10 November 2026');
    expect(page).toContain('Parents contacted (day 1) by the end of 10 November 2026 Not recorded Overdue');
    expect(page).toContain('Home visit (day 3) by the end of 12 November 2026 Not recorded Overdue');
    expect(page).toContain('Police welfare check (unresolved at day 3) by the end of 13 November 2026');
    expect((await audit('missing.cme.record')).map((a) => a.record_id)).toEqual([amara]);
    expect((await audit('missing.cme.view')).at(-1)).toEqual({ record_id: amara, detail: `case ${caseId}` });
    const record = text((await priya.get(`/children/${amara}`)).body);
    expect(record).toContain('Missing education');
    expect(record).toContain('Oakhaven Academy, absent from 10 November 2026');
  });

  it('lists it as open and overdue, not closed', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect(text((await priya.get('/missing/cme?show=overdue')).body)).toContain('Amara Testwell');
    expect(text((await priya.get('/missing/cme')).body)).toContain('1 case');
    expect(text((await priya.get('/missing/cme?show=closed')).body)).toContain('No cases to show');
    expect((await audit('missing.cme.list')).at(-1)?.detail).toBe('closed; 0 of 0');
  });

  it('counts open and overdue cases on the home page of those who work the register, linking to it', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const before = (await audit('missing.cme.list')).length;
    const home = (await priya.get('/')).body;
    expect(text(home)).toContain('Children missing education: cases with a check overdue');
    expect(home).toContain('href="/missing/cme" data-count="1"');
    expect(home).toContain('href="/missing/cme?show=overdue" data-count="1"');
    // Counts only: the home page reads no child's case, so nothing is audited as a list read.
    expect((await audit('missing.cme.list')).length).toBe(before);
    // The QA officer reads the register but does not work it: no such counts.
    const qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    expect((await qa.get('/')).body).not.toContain('Children missing education: cases open');
  });

  it('records enquiries and refuses one before the first day of absence', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const early = await priya.post(`/missing/cme/${caseId}/enquiries`, {
      ...dateFields('madeOn', '2026-11-09'),
      contacted: 'GP surgery',
      result: 'Not registered',
    });
    expect(early.statusCode).toBe(400);
    expect(text(early.body)).toContain(
      'The date of the enquiry must be on or after the first day of absence',
    );
    const ok = await priya.post(`/missing/cme/${caseId}/enquiries`, {
      ...dateFields('madeOn', '2026-11-11'),
      contacted: 'Admissions, neighbouring authority',
      result: 'No application received',
    });
    expect(ok.statusCode).toBe(302);
    expect(text((await priya.get(`/missing/cme/${caseId}`)).body)).toContain(
      '11 November 2026 Admissions, neighbouring authority No application received',
    );
  });

  it('records the checks and the outcome; closing needs an outcome; a closed case is no longer overdue', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await priya.get(`/missing/cme/${caseId}/edit`)).body).toContain('value="Oakhaven Academy"');
    const noOutcome = await priya.post(`/missing/cme/${caseId}/edit`, {
      ...referral,
      ...dateFields('closedOn', '2026-11-16'),
    });
    expect(noOutcome.statusCode).toBe(400);
    expect(text(noOutcome.body)).toContain('Select the outcome before closing the case');
    const done = await priya.post(`/missing/cme/${caseId}/edit`, {
      ...referral,
      ...dateFields('parentsContactedOn', '2026-11-10'),
      ...dateFields('recontactOn', '2026-11-12'),
      outcome: 'found_in_school',
      ...dateFields('locatedOn', '2026-11-12'),
      ...dateFields('closedOn', '2026-11-16'),
    });
    expect(done.statusCode).toBe(302);
    const page = text((await priya.get(`/missing/cme/${caseId}`)).body);
    expect(page).toContain('Closed 16 November 2026');
    expect(page).toContain(
      'Parents contacted again (day 2) by the end of 11 November 2026 12 November 2026 Done late',
    );
    expect(page).not.toContain('Home visit');
    expect(text((await priya.get('/missing/cme?show=overdue')).body)).toContain('No cases to show');
    expect(text((await priya.get('/missing/cme?show=closed')).body)).toContain('Amara Testwell');
    expect((await audit('missing.cme.update')).map((a) => a.detail)).toEqual([
      `case ${caseId}; closed 2026-11-16`,
    ]);
  });
});

describe('the list, paged in the database', () => {
  it('shows 25 a page, open cases first, and a page past the end shows the last', async () => {
    const now = ctx.clock.now();
    await ctx.oversight.database.db.insert(cmeCases).values(
      [...Array(27).keys()].map((i) => ({
        organisationId: ctx.org.organisationId,
        personId: lior,
        school: `School ${i + 1}`,
        reportedOn: '2026-11-02',
        reporterKind: 'other',
        reportedBy: 'Neighbour',
        firstAbsentOn: '2026-11-02',
        reason: 'moved_no_school',
        nextDueOn: '2026-11-02',
        createdAt: now,
        updatedAt: now,
      })),
    );
    const sam = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const first = text((await sam.get('/missing/cme?show=all')).body);
    expect(first).toContain('28 cases, showing 1 to 25');
    expect(first).not.toContain('Amara Testwell');
    const last = text((await sam.get('/missing/cme?show=all&page=9')).body);
    expect(last).toContain('28 cases, showing 26 to 28');
    expect(last).toContain('Amara Testwell');
    expect(text((await sam.get('/missing/cme?show=overdue')).body)).toContain('27 cases');
  });
});

describe('who may see and do what', () => {
  it('a child outside the practitioner’s caseload, and another organisation’s case, are not found', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await priya.get(`/children/${lior}/cme/new`)).statusCode).toBe(404);
    expect((await priya.post(`/children/${lior}/cme`, referral)).statusCode).toBe(404);
    // Lior's 27 cases are not in her list.
    expect(text((await priya.get('/missing/cme?show=all')).body)).toContain('1 case');
    const stranger = await signedIn(ctx, emailOf(ctx.other, 'service_manager'));
    expect((await stranger.get(`/missing/cme/${caseId}`)).statusCode).toBe(404);
    expect((await stranger.post(`/missing/cme/${caseId}/enquiries`, {})).statusCode).toBe(404);
    expect(text((await stranger.get('/missing/cme?show=all')).body)).toContain('No cases to show');
  });

  it('committee roles see none of it; QA officers read but do not record', async () => {
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.get('/missing/cme')).statusCode).toBe(403);
    expect((await member.get(`/missing/cme/${caseId}`)).statusCode).toBe(403);
    const qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    expect((await qa.get(`/missing/cme/${caseId}`)).statusCode).toBe(200);
    expect((await qa.get(`/missing/cme/${caseId}/edit`)).statusCode).toBe(403);
  });
});

describe('the service’s timescales dashboard', () => {
  it('counts the open checks of children missing education beside the statutory tasks', async () => {
    const sam = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const page = text((await sam.get('/timescales')).body);
    expect(page).toContain('Other clocks, kept outside the statutory tasks');
    // 27 open cases of Lior, each with 6 checks overdue; Amara's is closed.
    expect(page).toContain('Children missing education: checks 162 0 0 162');
    expect(page).toContain('Missing from home and care: follow-up clocks 0 0 0 0');
  });
});

describe('the education service’s lists', () => {
  it('adds a child from the record, counts the lists at each month end, and records the last day', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await priya.get(`/children/${amara}/education-lists/new`)).statusCode).toBe(200);
    const future = await priya.post(`/children/${amara}/education-lists`, {
      list: 'ehe',
      ...dateFields('fromOn', '2026-11-17'),
    });
    expect(future.statusCode).toBe(400);
    expect(text(future.body)).toContain('The date the child was added must be today or in the past');
    const added = await priya.post(`/children/${amara}/education-lists`, {
      list: 'ehe',
      ...dateFields('fromOn', '2026-09-15'),
      note: 'Parents’ letter received',
    });
    expect(added.headers.location).toBe(`/children/${amara}`);
    expect(text((await priya.get(`/children/${amara}`)).body)).toContain(
      'Electively home educated, from 15 September 2026',
    );
    const lists = text((await priya.get('/missing/education-lists')).body);
    expect(lists).toContain('31 August 2026 0 0 0');
    expect(lists).toContain('30 September 2026 1 0 0');
    expect(lists).toContain('16 November 2026 1 0 0');
    expect(lists).toContain('Electively home educated: 1 now Amara Testwell');
    expect(lists).toContain('from 15 September 2026: Parents’ letter received');
    expect((await audit('missing.education-list.add')).map((a) => a.detail)).toEqual(['ehe from 2026-09-15']);

    const [entry] = await rawRows<{ id: string }>(
      ctx.oversight.database.db,
      sql`select id from missing_education_list_entries where person_id = ${amara}`,
    );
    const early = await priya.post(
      `/missing/education-lists/${entry!.id}/end`,
      dateFields('toOn', '2026-09-01'),
    );
    expect(text(early.body)).toContain('The last day on the list must be on or after the date added');
    expect(
      (await priya.post(`/missing/education-lists/${entry!.id}/end`, dateFields('toOn', '2026-10-15')))
        .statusCode,
    ).toBe(302);
    const after = text((await priya.get('/missing/education-lists')).body);
    expect(after).toContain('30 September 2026 1 0 0');
    expect(after).toContain('31 October 2026 0 0 0');
    expect(after).toContain('Electively home educated: 0 now');
  });

  it('keeps to the children a person may see, and to the organisation', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect(
      (
        await priya.post(`/children/${lior}/education-lists`, {
          list: 'ehe',
          ...dateFields('fromOn', '2026-11-02'),
        })
      ).statusCode,
    ).toBe(404);
    const [entry] = await rawRows<{ id: string }>(
      ctx.oversight.database.db,
      sql`select id from missing_education_list_entries limit 1`,
    );
    const stranger = await signedIn(ctx, emailOf(ctx.other, 'service_manager'));
    expect((await stranger.get(`/missing/education-lists/${entry!.id}/end`)).statusCode).toBe(404);
    expect(text((await stranger.get('/missing/education-lists')).body)).toContain('16 November 2026 0 0 0');
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.get('/missing/education-lists')).statusCode).toBe(403);
  });
});
