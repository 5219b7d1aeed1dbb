/**
 * Practice observations and the QA calendar through HTTP: a QA officer
 * records an observation, which shows in the observed person's learning
 * record to them and their team manager but not to others, and in the counts
 * by tier and month; the QA officer adds a recurring activity whose dates are
 * made for the year, overdue ones reach the home page, and the owner
 * completes one with evidence. Another organisation's records answer 404.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qaPracticeDemo } from '../../src/demo/qa-practice';
import { rawRows } from '../../src/platform/db/client';
import { auditActions } from '../helpers/admin';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { dateFields } from '../helpers/forms';
import { multipart } from './plans-fixture';

let ctx: TestContext;
let qa: Agent;

beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
  qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
});
afterAll(() => ctx?.close());

const observation = (over: Record<string, string> = {}) => ({
  observedId: ctx.org.userIds.practitioner,
  tier: 'social_worker',
  observedRole: 'Social worker, children in care',
  observerId: ctx.org.userIds.qa_officer,
  ...dateFields('observedOn', '2026-11-10'),
  setting: 'home_visit',
  wentWell: 'Warm, direct work with the child; the plan was explained in words they understood.',
  evenBetterIf: 'The father had been invited.',
  agreedLearning: 'Invite both parents to every visit where safe.',
  ...over,
});

describe('practice observations', () => {
  it('are refused with a message for each missing answer', async () => {
    const res = await qa.post('/qa/observations', {
      observedId: '',
      ...dateFields('observedOn', '2026-12-25'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('Select the person observed');
    expect(res.body).toContain('Select the tier of the person observed');
    expect(res.body).toContain('Enter what went well');
    const future = await qa.post('/qa/observations', observation(dateFields('observedOn', '2026-12-25')));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date of the observation must be today or in the past');
    const self = await qa.post('/qa/observations', observation({ observerId: ctx.org.userIds.practitioner }));
    expect(self.body).toContain('The observer must be someone other than the person observed');
  });

  it('are recorded centrally and read in the learning record by the person and their manager only', async () => {
    const res = await qa.post('/qa/observations', observation());
    expect(res.statusCode).toBe(302);
    const learning = `/qa/learning/${ctx.org.userIds.practitioner}`;
    expect(res.headers.location).toBe(learning);
    await qa.post(
      '/qa/observations',
      observation({
        observedId: ctx.org.userIds.senior_leader,
        tier: 'director',
        observedRole: "Director of children's services",
        setting: 'meeting',
        ...dateFields('observedOn', '2026-10-02'),
      }),
    );

    const practitioner = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const own = await practitioner.get(learning);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Your learning record');
    expect(own.body).toContain('Invite both parents to every visit where safe.');
    // The list offers only their own.
    const records = await practitioner.get('/qa/learning');
    expect(records.body).toContain(`href="${learning}">Your learning record</a>`);
    expect(records.body.match(/href="\/qa\/learning\//g)).toHaveLength(1);
    // Not another person's, and not the central list.
    expect((await practitioner.get(`/qa/learning/${ctx.org.userIds.senior_leader}`)).statusCode).toBe(403);
    expect((await practitioner.get('/qa/observations')).statusCode).toBe(403);

    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    expect((await manager.get(learning)).body).toContain('The father had been invited.');
    const service = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    expect((await service.get(learning)).statusCode).toBe(403);
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.get(learning)).statusCode).toBe(403);
    const otherQa = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    expect((await otherQa.get(learning)).statusCode).toBe(404);

    const actions = await auditActions(ctx, ctx.org.userIds.practitioner);
    expect(actions).toContain('observation.create');
    expect(actions.filter((a) => a === 'learning-record.view').length).toBeGreaterThanOrEqual(2);
  });

  it('are counted by tier and month, in a table beside the chart', async () => {
    const page = await qa.get('/qa/observations');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2 observations in the last 12 months');
    expect(page.body).toContain('role="img"');
    const row = (month: string) =>
      page.body.split(`<th scope="row" class="govuk-table__header">${month}</th>`)[1]!.split('</tr>')[0]!;
    // Tiers in order: director, assistant director, head of service, team manager, senior practitioner, social worker; then all.
    const cells = (month: string) => [...row(month).matchAll(/>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(cells('November 2026')).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(cells('October 2026')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(cells('Total')).toEqual([1, 0, 0, 0, 0, 1, 2]);
    const otherQa = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    expect((await otherQa.get('/qa/observations')).body).toContain(
      'No observations were recorded in the last 12 months.',
    );
  });
});

describe('the QA calendar', () => {
  const activity = (over: Record<string, string | string[]> = {}) => ({
    name: 'Update the service improvement plan',
    ownerId: ctx.org.userIds.team_manager,
    frequency: 'quarterly',
    months: ['1', '4', '7', '10'],
    dueDay: '15',
    ...over,
  });
  const items = () =>
    rawRows<{ id: string; due_date: string; completed_on: string | null }>(
      ctx.oversight.database.db,
      sql`select id, due_date::text, completed_on::text from qa_calendar_items
          where organisation_id = ${ctx.org.organisationId} order by due_date`,
    );

  it('refuses an activity whose months do not match how often it falls due', async () => {
    const res = await qa.post('/qa/calendar/activities', activity({ months: ['1', '4', '7'], name: '' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter the name of the activity');
    const wrongMonths = await qa.post('/qa/calendar/activities', activity({ months: ['1', '4', '7'] }));
    expect(wrongMonths.body).toContain('Choose 4 months this activity falls due in');
    expect(await items()).toHaveLength(0);
  });

  it("makes the year's dates, flags the overdue ones on the QA officer's home page, and lets the owner complete one", async () => {
    expect((await qa.post('/qa/calendar/activities', activity())).statusCode).toBe(302);
    const made = await items();
    expect(made.map((i) => i.due_date)).toEqual(['2026-01-15', '2026-04-15', '2026-07-15', '2026-10-15']);

    const page = await qa.get('/qa/calendar');
    expect(page.body).toContain('4 activities fall due in 2026: 0 done, 4 overdue.');
    const home = await qa.get('/');
    expect(home.body).toContain('QA calendar activities overdue');

    // The owner completes one with evidence; a practitioner cannot open the calendar.
    const owner = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const id = made[3]!.id;
    const missing = await owner.post(
      `/qa/calendar/items/${id}/complete`,
      dateFields('completedOn', '2026-11-12'),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter the evidence that the activity was done');
    const done = await owner.post(`/qa/calendar/items/${id}/complete`, {
      ...dateFields('completedOn', '2026-11-12'),
      evidence: 'Plan updated; minutes of the November board.',
    });
    expect(done.statusCode).toBe(302);
    expect((await items())[3]!.completed_on).toBe('2026-11-12');
    expect((await qa.get('/qa/calendar')).body).toContain('1 done, 3 overdue');
    expect(await auditActions(ctx, id)).toEqual(['qa-calendar.item.complete']);
    const again = await qa.post(`/qa/calendar/items/${id}/complete`, {
      ...dateFields('completedOn', '2026-11-13'),
      evidence: 'Twice',
    });
    expect(again.body).toContain('This activity has already been completed');

    // Someone who is not the owner cannot complete; a practitioner cannot see the calendar; another organisation gets 404.
    const service = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const notOwner = await service.post(`/qa/calendar/items/${made[0]!.id}/complete`, {
      ...dateFields('completedOn', '2026-11-12'),
      evidence: 'Not mine',
    });
    expect(notOwner.statusCode).toBe(403);
    const practitioner = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await practitioner.get('/qa/calendar')).statusCode).toBe(403);
    const otherQa = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    expect((await otherQa.get(`/qa/calendar/items/${id}`)).statusCode).toBe(404);
  });

  it('keeps evidence files of an activity, added by its owner or QA, downloaded by calendar readers, audited', async () => {
    const [item] = await items();
    const owner = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const upload = (agent: Agent, filename: string, data: Buffer) => {
      const m = multipart(
        { _csrf: agent.csrf() },
        { field: 'evidenceFile', filename, contentType: 'application/octet-stream', data },
      );
      return agent.send('POST', `/qa/calendar/items/${item!.id}/evidence`, m.body, {
        'content-type': m.contentType,
      });
    };
    const wrong = await upload(owner, 'run.exe', Buffer.from('MZ'));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The evidence file must be a pdf');
    const none = multipart({ _csrf: owner.csrf() });
    const empty = await owner.send('POST', `/qa/calendar/items/${item!.id}/evidence`, none.body, {
      'content-type': none.contentType,
    });
    expect(empty.body).toContain('Select the file with the evidence');
    expect(
      (await upload(owner, 'minutes.txt', Buffer.from('Plan updated at the January board.'))).statusCode,
    ).toBe(302);
    const page = await qa.get(`/qa/calendar/items/${item!.id}`);
    expect(page.body).toContain('minutes.txt');
    const fileId = /\/qa\/calendar\/evidence\/([0-9a-f-]{36})/.exec(page.body)?.[1];
    const service = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    expect((await upload(service, 'mine.txt', Buffer.from('Not my activity'))).statusCode).toBe(403);
    expect((await service.get(`/qa/calendar/evidence/${fileId}`)).body).toBe(
      'Plan updated at the January board.',
    );
    const otherQa = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    expect((await otherQa.get(`/qa/calendar/evidence/${fileId}`)).statusCode).toBe(404);
    const practitioner = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await practitioner.get(`/qa/calendar/evidence/${fileId}`)).statusCode).toBe(403);
    expect(await auditActions(ctx, item!.id)).toEqual([
      'qa-calendar.item.evidence',
      'qa-calendar.item.evidence_download',
    ]);
  });

  it("makes next year's dates once", async () => {
    const first = await qa.post('/qa/calendar/years', { year: '2027' });
    expect(first.headers.location).toBe('/qa/calendar?year=2027');
    expect((await items()).filter((i) => i.due_date.startsWith('2027'))).toHaveLength(4);
    await qa.post('/qa/calendar/years', { year: '2027' });
    expect((await items()).filter((i) => i.due_date.startsWith('2027'))).toHaveLength(4);
    const page = await qa.get('/qa/calendar?year=2027');
    expect(page.body).toContain('4 activities fall due in 2027: 0 done, 0 overdue.');
  });
});

describe('the demo', () => {
  it('holds a year of observations at every tier the demo staff hold, the typical QA year with a few overdue, two annual surveys, and family feedback', async () => {
    // Loaded into the second organisation, after the tests above have used it as the one with nothing.
    await qaPracticeDemo(ctx.oversight, ctx.other, 'small');
    const observations = await rawRows<{ tier: string; n: number }>(
      ctx.oversight.database.db,
      sql`select tier, count(*)::int as n from qa_observations
          where organisation_id = ${ctx.other.organisationId} group by tier order by tier`,
    );
    expect(observations.map((o) => o.tier)).toEqual([
      'director',
      'head_of_service',
      'social_worker',
      'team_manager',
    ]);
    expect(observations.reduce((sum, o) => sum + o.n, 0)).toBe(12);
    const [calendar] = await rawRows<{ activities: number; items: number; done: number; overdue: number }>(
      ctx.oversight.database.db,
      sql`select (select count(*)::int from qa_calendar_activities where organisation_id = ${ctx.other.organisationId}) as activities,
                 count(*)::int as items,
                 count(completed_on)::int as done,
                 count(*) filter (where completed_on is null and due_date < '2026-11-16')::int as overdue
          from qa_calendar_items where organisation_id = ${ctx.other.organisationId}`,
    );
    expect(calendar!.activities).toBe(17);
    // Four monthly activities, two quarterly, one termly, five twice a year, five yearly.
    expect(calendar!.items).toBe(4 * 12 + 2 * 4 + 3 + 5 * 2 + 5);
    expect(calendar!.done).toBeGreaterThan(calendar!.overdue);
    expect(calendar!.overdue).toBeGreaterThan(0);
    const surveys = await rawRows<{ year: number; cohorts: number; held: number }>(
      ctx.oversight.database.db,
      sql`select s.year,
                 (select count(*)::int from qa_survey_cohorts c where c.survey_id = s.id) as cohorts,
                 (select count(*)::int from qa_survey_quotes q where q.survey_id = s.id and q.cleared_at is null) as held
          from qa_surveys s where s.organisation_id = ${ctx.other.organisationId} order by s.year`,
    );
    // Two annual surveys to compare; this year's has a quote held because it may name someone.
    expect(surveys).toEqual([
      { year: 2025, cohorts: 5, held: 0 },
      { year: 2026, cohorts: 5, held: 1 },
    ]);
    const [log] = await rawRows<{ open: number; closed: number; compliments: number; families: number }>(
      ctx.oversight.database.db,
      sql`select count(*) filter (where kind = 'complaint' and outcome is null)::int as open,
                 count(*) filter (where kind = 'complaint' and outcome is not null)::int as closed,
                 count(*) filter (where kind = 'compliment')::int as compliments,
                 (select count(*)::int from qa_early_help_feedback where organisation_id = ${ctx.other.organisationId}) as families
          from qa_feedback_log where organisation_id = ${ctx.other.organisationId}`,
    );
    expect(log).toEqual({ open: 1, closed: 2, compliments: 2, families: 3 });
  });
});
