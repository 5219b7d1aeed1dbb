/**
 * Quality assurance through HTTP: a QA officer builds and edits a template,
 * creates rounds (the sample with reasons), an independent auditor completes
 * an assigned audit and cannot open another, a QA officer moderates, the
 * child's worker responds, and the audit shows on the child's record and the
 * home pages. Children come from the small SSD extract: P1 (the demo
 * practitioner's), P2 and P3 are open, P4 is closed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrganisation } from '../../src/demo/organisation';
import { extractFiles, smallExtract } from '../../src/modules/cases/fixtures';
import { importAndWait } from '../../src/modules/cases/importer';
import {
  auditCountOfRound,
  auditCountWhere,
  auditsOfRound,
  auditsWhere,
} from '../../src/modules/qa/repository';
import { rawRows } from '../../src/platform/db/client';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
const child: Record<string, string> = {};
let qa: Agent;
let auditor: Agent;
let templateId: string;

async function load(org: DemoOrganisation) {
  const at = ctx.clock.now();
  const outcome = await importAndWait(ctx.oversight.database.db, {
    organisationId: org.organisationId,
    userId: org.userIds.administrator,
    origin: 'upload',
    mode: 'full',
    files: extractFiles(smallExtract()),
    clock: ctx.clock,
    audit: {
      organisationId: org.organisationId,
      userId: null,
      ip: null,
      userAgent: 'test',
      requestId: null,
      at,
    },
    concurrentProgress: false,
  });
  if (outcome.status !== 'applied') throw new Error(`fixture import ${outcome.status}`);
}

const TEMPLATE =
  '# Assessment\n- Was the assessment timely?\n- Was the child seen alone?\n# Planning\n- Is the plan SMART?';
const round = (over: Record<string, string | string[]>) => ({
  name: 'Autumn 2026 case file audit',
  type: 'independent',
  'startDate-day': '10',
  'startDate-month': '11',
  'startDate-year': '2026',
  'endDate-day': '20',
  'endDate-month': '12',
  'endDate-year': '2026',
  templateId,
  auditorIds: ctx.org.userIds.qa_officer,
  rule: 'half_year_first',
  ...over,
});
const idFrom = (location: string | undefined) => String(location).split('/').pop()!;
const auditIds = async (roundId: string) =>
  rawRows<{ id: string; person_id: string; auditor_id: string }>(
    ctx.oversight.database.db,
    sql`select id, person_id, auditor_id from qa_audits where round_id = ${roundId}::uuid`,
  );

beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
  await load(ctx.org);
  await load(ctx.other);
  for (const r of await rawRows<{ id: string; source_id: string }>(
    ctx.oversight.database.db,
    sql`select id, source_id from case_people where organisation_id = ${ctx.org.organisationId}`,
  ))
    child[r.source_id] = r.id;
  qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
  auditor = await signedIn(ctx, emailOf(ctx.org, 'independent_auditor'));
});
afterAll(() => ctx?.close());

describe('audit templates', () => {
  it('are built, refused with a clear message when malformed, and edited as a new version', async () => {
    const bad = await qa.post('/qa/templates', { name: 'Case file audit', text: 'A question first' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('Line 1 is a question before any section');
    const made = await qa.post('/qa/templates', { name: 'Case file audit', text: TEMPLATE });
    expect(made.statusCode).toBe(302);
    templateId = idFrom(made.headers.location);
    const edited = await qa.post(`/qa/templates/${templateId}`, {
      name: 'Case file audit',
      text: `${TEMPLATE}\n- Is there a contingency plan?`,
    });
    expect(edited.statusCode).toBe(302);
    const page = await qa.get(`/qa/templates/${templateId}`);
    expect(page.body).toContain('Audit template, version 2');
    expect(page.body).toContain('Is there a contingency plan?');
    // Others cannot build templates.
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    expect((await manager.get('/qa/templates')).statusCode).toBe(403);
  });
});

describe('audit rounds', () => {
  it('draw half of the open cases for a first half-year round and say why each is in or out', async () => {
    const missing = await qa.post('/qa/rounds', round({ name: '', auditorIds: [] }));
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter the name of the round');
    expect(missing.body).toContain('Select at least one auditor');
    const thematicWrong = await qa.post('/qa/rounds', round({ type: 'thematic' }));
    expect(thematicWrong.body).toContain('A thematic round samples by criteria');

    const res = await qa.post('/qa/rounds', round({}));
    expect(res.statusCode).toBe(302);
    const roundId = idFrom(res.headers.location);
    const audits = await auditIds(roundId);
    // Three open cases in three groups: the odd groups alternate, two and one.
    expect(audits.length).toBe(2);
    expect(audits.map((a) => a.person_id)).not.toContain(child.P4);
    const page = await qa.get(`/qa/rounds/${roundId}`);
    expect(page.body).toContain('2 of 3 open cases');
    expect(page.body).toContain('First of two half-year rounds: drawn by lot from');
    expect(page.body).toContain('Left for the second half-year round');
    // The sample is paged: each page the next slice of one order; a page past the end shows the last.
    const db = ctx.oversight.database.db;
    const whole = await auditsOfRound(db, ctx.org.organisationId, roundId);
    const pages = [0, 1].map((offset) =>
      auditsOfRound(db, ctx.org.organisationId, roundId, { limit: 1, offset }),
    );
    expect((await Promise.all(pages)).flat().map((a) => a.id)).toEqual(whole.map((a) => a.id));
    expect(await auditCountOfRound(db, ctx.org.organisationId, roundId)).toBe(2);
    const past = await qa.get(`/qa/rounds/${roundId}?page=7`);
    expect(past.statusCode).toBe(200);
    expect(past.body).toContain('2 of 3 open cases');
    expect(past.body.match(/href="\/qa\/audits\/[0-9a-f-]{36}"/g)).toHaveLength(2);

    // The second round of the pair takes the one left.
    const second = await qa.post(
      '/qa/rounds',
      round({ name: 'Spring 2027 case file audit', rule: 'half_year_second', previousRoundId: roundId }),
    );
    expect(second.statusCode).toBe(302);
    const secondAudits = await auditIds(idFrom(second.headers.location));
    expect(secondAudits).toHaveLength(1);
    expect(audits.map((a) => a.person_id)).not.toContain(secondAudits[0]!.person_id);

    const levels = await qa.post(
      '/qa/rounds',
      round({ type: 'thematic', rule: 'criteria', serviceLevels: 'child_protection' }),
    );
    expect(levels.statusCode).toBe(302);
    expect((await auditIds(idFrom(levels.headers.location))).map((a) => a.person_id)).toEqual([child.P2]);
  });

  it('take for a thematic round only the cases referred (or with a contact) between two dates, and say so', async () => {
    const dates = (from: [string, string, string], to: [string, string, string]) => ({
      'contactFrom-day': from[0],
      'contactFrom-month': from[1],
      'contactFrom-year': from[2],
      'contactTo-day': to[0],
      'contactTo-month': to[1],
      'contactTo-year': to[2],
    });
    const thematic = { name: 'Referrals this year', type: 'thematic', rule: 'criteria' };
    const backwards = await qa.post(
      '/qa/rounds',
      round({ ...thematic, ...dates(['31', '10', '2026'], ['1', '1', '2026']) }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('govuk-error-summary');
    expect(backwards.body).toContain('href="#contactTo"');
    expect(backwards.body).toContain(
      'The last date of contact or referral must be the same as or after the first',
    );
    const impossible = await qa.post(
      '/qa/rounds',
      round({ ...thematic, ...dates(['30', '2', '2026'], ['', '', '']) }),
    );
    expect(impossible.statusCode).toBe(400);
    expect(impossible.body).toContain('The first date of contact or referral must be a real date');
    expect(impossible.body).toContain('Enter the last date of contact or referral');

    // P3 was referred on 3 February 2025 and P2 on 1 June 2026; P1 in 2024, before the range.
    const res = await qa.post(
      '/qa/rounds',
      round({ ...thematic, ...dates(['1', '1', '2025'], ['31', '10', '2026']) }),
    );
    expect(res.statusCode).toBe(302);
    const roundId = idFrom(res.headers.location);
    expect((await auditIds(roundId)).map((a) => a.person_id).sort()).toEqual([child.P2, child.P3].sort());
    const page = await qa.get(`/qa/rounds/${roundId}`);
    expect(page.body).toContain('A contact or referral between 1 January 2025 and 31 October 2026');
    expect(page.body).toContain('criteria: referred on 3 February 2025');
    expect(page.body).toContain('criteria: referred on 1 June 2026');
    expect(page.body).toContain('No contact or referral between 1 January 2025 and 31 October 2026');

    // With a service level too, a case must meet both.
    const both = await qa.post(
      '/qa/rounds',
      round({
        ...thematic,
        serviceLevels: 'child_protection',
        ...dates(['1', '1', '2025'], ['31', '12', '2025']),
      }),
    );
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('No open case meets this rule');
  });
});

describe('doing an audit', () => {
  let auditId: string;
  let otherAuditId: string;

  beforeAll(async () => {
    const mine = await qa.post(
      '/qa/rounds',
      round({
        name: 'Multi-agency audit',
        type: 'multi_agency',
        rule: 'chosen',
        sourceIds: 'P1',
        auditorIds: ctx.org.userIds.independent_auditor,
      }),
    );
    expect(mine.statusCode).toBe(302);
    auditId = (await auditIds(idFrom(mine.headers.location)))[0]!.id;
    const theirs = await qa.post(
      '/qa/rounds',
      round({
        name: 'Peer audit',
        type: 'peer',
        rule: 'chosen',
        sourceIds: 'P3',
        auditorIds: ctx.org.userIds.qa_officer,
      }),
    );
    otherAuditId = (await auditIds(idFrom(theirs.headers.location)))[0]!.id;
  });

  it('lets an independent auditor open only their own audits, and their children only', async () => {
    expect((await auditor.get('/')).body).toContain('Audits assigned to you');
    expect((await auditor.get('/qa/audits')).body).toContain(`/qa/audits/${auditId}`);
    // Past the last page of their audits, the last page; the QA officer's list pages one by one.
    expect((await auditor.get('/qa/audits?page=30')).body).toContain(`/qa/audits/${auditId}`);
    const db = ctx.oversight.database.db;
    const filter = { auditorId: ctx.org.userIds.qa_officer, statuses: ['assigned', 'in_progress'] };
    const whole = await auditsWhere(db, ctx.org.organisationId, filter);
    expect(whole.length).toBeGreaterThan(1);
    expect(await auditCountWhere(db, ctx.org.organisationId, filter)).toBe(whole.length);
    const paged = [];
    for (let offset = 0; offset < whole.length; offset++)
      paged.push(...(await auditsWhere(db, ctx.org.organisationId, filter, { limit: 1, offset })));
    expect(paged.map((a) => a.id)).toEqual(whole.map((a) => a.id));
    expect(await auditsWhere(db, ctx.org.organisationId, { ...filter, roundIds: [] })).toEqual([]);
    expect((await auditor.get(`/qa/audits/${auditId}`)).statusCode).toBe(200);
    expect((await auditor.get(`/qa/audits/${otherAuditId}`)).statusCode).toBe(404);
    expect((await auditor.get(`/qa/audits/${otherAuditId}/sections/s1`)).statusCode).toBe(404);
    expect((await auditor.get(`/children/${child.P1}`)).statusCode).toBe(200);
    expect((await auditor.get(`/children/${child.P3}`)).statusCode).toBe(404);
    const [viewed] = await rawRows<{ n: number }>(
      ctx.oversight.database.db,
      sql`select count(*)::int as n from access_audit where action = 'qa.audit.view' and record_id = ${child.P1}
          and user_id = ${ctx.org.userIds.independent_auditor}::uuid`,
    );
    expect(Number(viewed!.n)).toBeGreaterThan(0);
  });

  it('keeps each section as saved and refuses to submit until every section is complete', async () => {
    const partial = await auditor.post(`/qa/audits/${auditId}/sections/s1`, {
      'answer-q1': 'yes',
      'evidence-q1': 'Completed in 30 working days',
    });
    expect(partial.statusCode).toBe(302);
    expect(partial.headers.location).toBe(`/qa/audits/${auditId}/sections/s2`);
    expect((await auditor.get(`/qa/audits/${auditId}/sections/s1`)).body).toContain(
      'Completed in 30 working days',
    );
    const refused = await auditor.post(`/qa/audits/${auditId}/submit`, {
      overallGrade: 'good',
      narrative: 'A sound plan.',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Complete every question and the grade of: Assessment; Planning');
    const badAnswer = await auditor.post(`/qa/audits/${auditId}/sections/s1`, { 'answer-q1': 'maybe' });
    expect(badAnswer.statusCode).toBe(400);
    expect(badAnswer.body).toContain('Select yes, partly, no or not applicable');

    await auditor.post(`/qa/audits/${auditId}/sections/s1`, {
      'answer-q1': 'yes',
      'evidence-q1': 'Completed in 30 working days',
      'answer-q2': 'partly',
      grade: 'good',
    });
    await auditor.post(`/qa/audits/${auditId}/sections/s2`, {
      'answer-q1': 'no',
      'answer-q2': 'no',
      grade: 'requires_improvement',
    });
    const submitted = await auditor.post(`/qa/audits/${auditId}/submit`, {
      overallGrade: 'good',
      narrative: 'A sound plan.',
    });
    expect(submitted.statusCode).toBe(302);
    // Submitted work is no longer the auditor's to change.
    expect(
      (await auditor.post(`/qa/audits/${auditId}/sections/s1`, { grade: 'inadequate' })).statusCode,
    ).toBe(403);
    expect((await qa.get('/')).body).toContain('Audits waiting for moderation');
  });

  it('asks for a reason when a moderator changes a grade, and keeps both grades', async () => {
    const noReason = await qa.post(`/qa/audits/${auditId}/moderate`, {
      'grade-s1': 'good',
      'grade-s2': 'inadequate',
      'grade-overall': 'good',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain(
      'Enter why the grade for Planning changes from Requires improvement to be good to Inadequate',
    );
    const ok = await qa.post(`/qa/audits/${auditId}/moderate`, {
      'grade-s1': 'good',
      'grade-s2': 'inadequate',
      'reason-s2': 'No contingency plan at all',
      'grade-overall': 'requires_improvement',
      'reason-overall': 'Planning weighs heavily',
    });
    expect(ok.statusCode).toBe(302);
    const rows = await rawRows<{ section_key: string | null; auditor_grade: string; grade: string }>(
      ctx.oversight.database.db,
      sql`select section_key, auditor_grade, grade from qa_moderations where audit_id = ${auditId}::uuid order by section_key nulls last`,
    );
    expect(rows).toEqual([
      { section_key: 's1', auditor_grade: 'good', grade: 'good' },
      { section_key: 's2', auditor_grade: 'requires_improvement', grade: 'inadequate' },
      { section_key: null, auditor_grade: 'good', grade: 'requires_improvement' },
    ]);
  });

  it('keeps moderations and template versions append-only in the database', async () => {
    for (const [table, statement] of [
      ['qa_moderations', sql`update qa_moderations set grade = 'outstanding'`],
      ['qa_moderations', sql`delete from qa_moderations`],
      ['qa_template_versions', sql`update qa_template_versions set name = 'rewritten'`],
    ] as const) {
      const error = await ctx.oversight.database.db
        .execute(statement)
        .then(() => undefined)
        .catch((e: Error & { cause?: Error }) => e);
      expect(`${error?.message} ${error?.cause?.message}`).toMatch(new RegExp(`${table} is append-only`));
    }
  });

  it("shows the shared audit to the child's worker, who responds, and on the child's record", async () => {
    const worker = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await worker.get('/')).body).toContain('Audits of your cases waiting for your response');
    const record = await worker.get(`/children/${child.P1}`);
    expect(record.body).toContain('Case file audits');
    expect(record.body).toContain('Requires improvement to be good');
    const empty = await worker.post(`/qa/audits/${auditId}/respond`, { response: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your response to the audit');
    expect(
      (await worker.post(`/qa/audits/${auditId}/respond`, { response: 'Contingency plan added.' }))
        .statusCode,
    ).toBe(302);
    expect((await qa.get(`/qa/audits/${auditId}`)).body).toContain('Contingency plan added.');
    expect((await qa.post(`/qa/audits/${auditId}/close`)).statusCode).toBe(302);
    // A worker sees no audit of a child not theirs.
    expect((await worker.get(`/qa/audits/${otherAuditId}`)).statusCode).toBe(404);
  });

  it('refuses to sign off a recommendation without evidence, and signs it off with it', async () => {
    expect((await qa.get(`/qa/audits/${auditId}/recommendations/new`)).statusCode).toBe(200);
    const due = { 'dueDate-day': '1', 'dueDate-month': '12', 'dueDate-year': '2026' };
    const empty = await qa.post(`/qa/audits/${auditId}/recommendations`, { text: '', ownerId: '', ...due });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the recommendation');
    expect(empty.body).toContain('Select who owns the recommendation');
    const added = await qa.post(`/qa/audits/${auditId}/recommendations`, {
      text: 'Add a contingency plan to the care plan',
      ownerId: ctx.org.userIds.team_manager,
      ...due,
    });
    expect(added.statusCode).toBe(302);
    const [rec] = await rawRows<{ id: string }>(
      ctx.oversight.database.db,
      sql`select id from qa_recommendations where audit_id = ${auditId}::uuid`,
    );
    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    expect((await manager.get('/')).body).toContain('Recommendations not yet signed off');
    const worker = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await worker.get(`/qa/recommendations/${rec!.id}`)).statusCode).toBe(404);

    const chair = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const meeting = {
      'date-day': '20',
      'date-month': '11',
      'date-year': '2026',
      chair: 'Assistant director',
      attendees: 'QA officer; team manager',
      [`decision-${rec!.id}`]: 'sign_off',
    };
    const refused = await chair.post('/qa/follow-up', meeting);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('cannot be signed off: its owner has recorded no evidence');
    const [none] = await rawRows<{ n: number }>(
      ctx.oversight.database.db,
      sql`select count(*)::int as n from qa_follow_up_meetings`,
    );
    expect(Number(none!.n)).toBe(0);

    expect(
      (
        await manager.post(`/qa/recommendations/${rec!.id}`, {
          status: 'in_progress',
          evidence: 'Contingency plan added to the care plan on 18 November',
        })
      ).statusCode,
    ).toBe(302);
    expect((await chair.post('/qa/follow-up', meeting)).statusCode).toBe(302);
    const page = await manager.get(`/qa/recommendations/${rec!.id}`);
    expect(page.body).toContain('Signed off');
    expect(page.body).toContain('Assistant director (chair)');
    expect((await manager.post(`/qa/recommendations/${rec!.id}`, { status: 'open' })).statusCode).toBe(403);
  });

  it("lets an independent auditor see the sampled child only from the round's first day", async () => {
    const later = await qa.post(
      '/qa/rounds',
      round({
        name: 'December audit',
        type: 'multi_agency',
        rule: 'chosen',
        sourceIds: 'P2',
        auditorIds: ctx.org.userIds.independent_auditor,
        'startDate-day': '1',
        'startDate-month': '12',
        'startDate-year': '2026',
      }),
    );
    expect(later.statusCode).toBe(302);
    const before = await signedIn(ctx, emailOf(ctx.org, 'independent_auditor'));
    expect((await before.get(`/children/${child.P2}`)).statusCode).toBe(404);
    // 1 December begins at midnight GMT.
    ctx.clock.set('2026-12-01T00:00:00Z');
    try {
      const onTheDay = await signedIn(ctx, emailOf(ctx.org, 'independent_auditor'));
      expect((await onTheDay.get(`/children/${child.P2}`)).statusCode).toBe(200);
    } finally {
      ctx.clock.set('2026-11-16T09:00:00Z');
    }
  });

  it('closes an independent auditor out of the audit once the round has ended', async () => {
    const round2 = await qa.post(
      '/qa/rounds',
      round({
        name: 'Short audit',
        type: 'multi_agency',
        rule: 'chosen',
        sourceIds: 'P2',
        auditorIds: ctx.org.userIds.independent_auditor,
      }),
    );
    const id = (await auditIds(idFrom(round2.headers.location)))[0]!.id;
    expect((await auditor.get(`/qa/audits/${id}`)).statusCode).toBe(200);
    ctx.clock.set('2026-12-21T09:00:00Z');
    try {
      const later = await signedIn(ctx, emailOf(ctx.org, 'independent_auditor'));
      expect((await later.get(`/qa/audits/${id}`)).statusCode).toBe(404);
      expect((await later.get(`/children/${child.P2}`)).statusCode).toBe(404);
      expect((await later.get('/qa/audits')).body).toContain('No audit is assigned to you at the moment.');
    } finally {
      ctx.clock.set('2026-11-16T09:00:00Z');
    }
  });

  it('keeps audits within their organisation and away from committee members', async () => {
    const otherQa = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    expect((await otherQa.get(`/qa/audits/${auditId}`)).statusCode).toBe(404);
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.get('/qa/rounds')).statusCode).toBe(403);
    expect((await member.get(`/qa/audits/${auditId}`)).statusCode).toBe(403);
  });
});
