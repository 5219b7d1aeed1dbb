/**
 * Surveys through HTTP: a QA officer records two years of the annual survey,
 * cohorts with responses by mode (39 of 62 is 62.9%), question results
 * compared with last year, and quotes: one naming a child in the register is
 * held until cleared, and only cleared quotes are shown to others. Another
 * organisation's survey answers 404; committee members cannot open surveys.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/platform/db/client';
import { auditActions } from '../helpers/admin';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { loadExtract } from '../helpers/extract';
import { dateFields } from '../helpers/forms';

let ctx: TestContext;
let qa: Agent;
let lastYear: string;
let thisYear: string;
const idFrom = (location: string | undefined) => String(location).split('/').pop()!.split('#')[0]!;

beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
  await loadExtract(ctx, ctx.org);
  qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
});
afterAll(() => ctx?.close());

const cohort = (over: Record<string, string>) => ({
  cohort: 'looked_after',
  eligible: '62',
  post: '10',
  telephone: '12',
  visit: '9',
  online: '8',
  ...over,
});

describe('surveys', () => {
  it('are added once a year under one name, with a clear message when something is missing', async () => {
    const bad = await qa.post('/qa/surveys', { name: '', year: '26' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the name of the survey');
    expect(bad.body).toContain('Enter the year of the survey, like 2026');
    const last = await qa.post('/qa/surveys', { name: 'Annual service user survey', year: '2025' });
    expect(last.statusCode).toBe(302);
    lastYear = idFrom(last.headers.location);
    thisYear = idFrom(
      (await qa.post('/qa/surveys', { name: 'Annual service user survey', year: '2026' })).headers.location,
    );
    const twice = await qa.post('/qa/surveys', { name: 'Annual service user survey', year: '2026' });
    expect(twice.body).toContain(
      'There is already a survey called &quot;Annual service user survey&quot; for 2026',
    );
  });

  it('compute the response rate by cohort and overall, and compare it with last year', async () => {
    expect(
      (
        await qa.post(
          `/qa/surveys/${lastYear}/cohorts`,
          cohort({ eligible: '60', post: '20', telephone: '5', visit: '3', online: '2' }),
        )
      ).statusCode,
    ).toBe(302);
    const tooMany = await qa.post(`/qa/surveys/${thisYear}/cohorts`, cohort({ eligible: '30' }));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('The responses (39) cannot be more than the number eligible');
    const notNumber = await qa.post(
      `/qa/surveys/${thisYear}/cohorts`,
      cohort({ online: 'lots', cohort: '' }),
    );
    expect(notNumber.body).toContain('Enter the responses online as a whole number, like 62');
    expect(notNumber.body).toContain('Select the cohort');
    expect((await qa.post(`/qa/surveys/${thisYear}/cohorts`, cohort({}))).statusCode).toBe(302);
    expect(
      (
        await qa.post(
          `/qa/surveys/${thisYear}/cohorts`,
          cohort({
            cohort: 'care_leavers',
            eligible: '20',
            post: '0',
            telephone: '5',
            visit: '0',
            online: '0',
          }),
        )
      ).statusCode,
    ).toBe(302);

    const page = await qa.get(`/qa/surveys/${thisYear}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('44 of 82 eligible responded: 53.7%.');
    expect(page.body).toContain('Compared with 2025, when the rate was 50%.');
    const row = page.body.split('Children looked after</th>')[1]!.split('</tr>')[0]!;
    expect(row).toContain('62.9%');
    expect(row).toContain('50%');
    expect(row).toContain('+12.9 points');
    const list = await qa.get('/qa/surveys');
    expect(list.body).toContain('53.7%');
  });

  it('show each question against last year', async () => {
    const question = 'Do you feel listened to by your social worker?';
    await qa.post(`/qa/surveys/${lastYear}/questions`, { text: question, answered: '30', positive: '21' });
    const wrong = await qa.post(`/qa/surveys/${thisYear}/questions`, {
      text: question,
      answered: '40',
      positive: '41',
    });
    expect(wrong.body).toContain('The positive answers cannot be more than the number who answered');
    await qa.post(`/qa/surveys/${thisYear}/questions`, { text: question, answered: '40', positive: '32' });
    const row = (await qa.get(`/qa/surveys/${thisYear}`)).body
      .split(`${question}</th>`)[1]!
      .split('</tr>')[0]!;
    expect(row).toContain('32 (80%)');
    expect(row).toContain('70%');
    expect(row).toContain('+10 points');
  });

  it('hold a quote that may name someone until a QA officer clears it', async () => {
    const clean = await qa.post(`/qa/surveys/${thisYear}/quotes`, {
      cohort: 'looked_after',
      text: 'They listened to me and things changed at home.',
    });
    expect(clean.statusCode).toBe(302);
    // Jonah is a child in the register, written here without a capital.
    const named = await qa.post(`/qa/surveys/${thisYear}/quotes`, {
      cohort: 'parents_carers',
      text: 'honestly jonah is happier now and so am I',
    });
    expect(named.statusCode).toBe(302);
    const page = await qa.get(`/qa/surveys/${thisYear}`);
    expect(page.body).toContain('Quote held: it may name someone (jonah)');
    expect(page.body.split('Quotes held until checked for names')[1]).toContain(
      'honestly jonah is happier now',
    );

    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const seen = await manager.get(`/qa/surveys/${thisYear}`);
    expect(seen.body).toContain('They listened to me and things changed at home.');
    expect(seen.body).not.toContain('jonah');
    expect(seen.body).toContain('1 more quote is held until quality assurance has checked them for names.');
    expect(
      (await manager.post(`/qa/surveys/${thisYear}/quotes`, { cohort: 'looked_after', text: 'x' }))
        .statusCode,
    ).toBe(403);

    const [held] = await rawRows<{ id: string; flagged: string[] }>(
      ctx.oversight.database.db,
      sql`select id, flagged from qa_survey_quotes where cleared_at is null`,
    );
    expect(held!.flagged).toEqual(['jonah']);
    expect((await qa.post(`/qa/surveys/${thisYear}/quotes/${held!.id}/clear`)).statusCode).toBe(302);
    expect((await manager.get(`/qa/surveys/${thisYear}`)).body).toContain('honestly jonah is happier now');
    expect(await auditActions(ctx, thisYear)).toContain('survey.quote.clear');
  });

  it("are not open to committee members, and another organisation's answer 404", async () => {
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.get('/qa/surveys')).statusCode).toBe(403);
    const otherQa = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    expect((await otherQa.get(`/qa/surveys/${thisYear}`)).statusCode).toBe(404);
    expect((await otherQa.post(`/qa/surveys/${thisYear}/cohorts`, cohort({}))).statusCode).toBe(404);
    expect((await otherQa.get('/qa/surveys')).body).toContain('No survey has been recorded yet.');
  });
});

describe('complaints and compliments', () => {
  it('are logged, and a complaint is closed only with its outcome and learning', async () => {
    const bad = await qa.post('/qa/feedback', { ...dateFields('receivedOn', '2026-12-01') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select whether this is a complaint or a compliment');
    expect(bad.body).toContain('Enter what it was about, without names');
    const future = await qa.post('/qa/feedback', {
      kind: 'compliment',
      source: 'child',
      summary: 'Thanks',
      ...dateFields('receivedOn', '2026-12-01'),
    });
    expect(future.body).toContain('The date received must be today or in the past');
    const logged = await qa.post('/qa/feedback', {
      kind: 'complaint',
      source: 'parent_carer',
      teamId: ctx.org.teamIds['children-in-care']!,
      summary: 'Visits were cancelled at short notice twice.',
      ...dateFields('receivedOn', '2026-10-01'),
    });
    expect(logged.statusCode).toBe(302);
    const id = idFrom(logged.headers.location);
    await qa.post('/qa/feedback', {
      kind: 'compliment',
      source: 'child',
      teamId: '',
      summary: 'Thanked their worker for help with college.',
      ...dateFields('receivedOn', '2026-11-02'),
    });
    let log = await qa.get('/qa/feedback');
    expect(log.body.split('Complaints waiting for an outcome</caption>')[1]!.split('</table>')[0]).toContain(
      '1 October 2026',
    );

    const noLearning = await qa.post(`/qa/feedback/${id}/outcome`, {
      outcome: 'partly_upheld',
      ...dateFields('outcomeOn', '2026-09-01'),
    });
    expect(noLearning.statusCode).toBe(400);
    expect(noLearning.body).toContain('Enter the learning from the complaint, or why there is none');
    const early = await qa.post(`/qa/feedback/${id}/outcome`, {
      outcome: 'partly_upheld',
      learning: 'Too early',
      ...dateFields('outcomeOn', '2026-09-01'),
    });
    expect(early.body).toContain('on or after the date the complaint was received');
    const done = await qa.post(`/qa/feedback/${id}/outcome`, {
      outcome: 'partly_upheld',
      learning: 'Visits are rearranged by the duty worker, never just cancelled.',
      ...dateFields('outcomeOn', '2026-11-10'),
    });
    expect(done.statusCode).toBe(302);
    log = await qa.get('/qa/feedback');
    expect(log.body).toContain('None.');
    const outcomes = log.body.split('Partly upheld</th>')[1]!.split('</tr>')[0]!;
    expect(outcomes).toContain('>1<');
    expect((await qa.get(`/qa/feedback/${id}`)).body).toContain('Visits are rearranged by the duty worker');
    expect(await auditActions(ctx, id)).toEqual(['complaint.log', 'complaint.outcome']);
    const otherQa = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    expect((await otherQa.get(`/qa/feedback/${id}`)).statusCode).toBe(404);
    const practitioner = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await practitioner.get('/qa/feedback')).statusCode).toBe(403);
  });
});

describe('early help closing feedback', () => {
  it("records the tick boxes and the family's goals rescored at closure, with the average change", async () => {
    const bad = await qa.post('/qa/early-help-feedback', {
      ...dateFields('closedOn', '2026-11-01'),
      goal1: 'School every day',
      goal1Assessment: '3',
      goal1Closure: '11',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter goal 1&#39;s score at closure, from 0 to 10');
    const none = await qa.post('/qa/early-help-feedback', dateFields('closedOn', '2026-11-01'));
    expect(none.body).toContain('Enter at least one of the family&#39;s goals with its scores');
    const res = await qa.post('/qa/early-help-feedback', {
      ...dateFields('closedOn', '2026-11-01'),
      ticked: ['listened', 'better'],
      goal1: 'School every day',
      goal1Assessment: '3',
      goal1Closure: '8',
      goal2: 'Fewer arguments at home',
      goal2Assessment: '6',
      goal2Closure: '5',
    });
    expect(res.statusCode).toBe(302);
    const page = await qa.get('/qa/early-help-feedback');
    expect(page.body).toContain(
      '1 family gave feedback at closure. Their goals moved by +2 points on average',
    );
    expect(page.body.split('We were listened to</th>')[1]!.split('</tr>')[0]).toContain('1 of 1');
    expect(page.body.split('We would ask for help again</th>')[1]!.split('</tr>')[0]).toContain('0 of 1');
    expect(page.body.split('Fewer arguments at home</th>')[1]!.split('</tr>')[0]).toContain('-1');
  });
});
