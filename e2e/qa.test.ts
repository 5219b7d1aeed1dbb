/**
 * Quality assurance journeys on the small demo authority: a QA officer
 * creates a round and reads the sample with its reasons; the independent
 * auditor completes an audit, section by section, and cannot open an
 * unassigned case; the QA officer moderates a grade; a thematic
 * recommendation raised from a round's report becomes an improvement plan
 * action; an auditor tags findings with themes. Every page is checked
 * with axe, and the round's page reflows at 320 px.
 */
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { rawRows } from '../src/platform/db/client';
import { checkAxe, type Journey, pageWidth, screenshot, signIn, startJourney, textOf } from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => journey?.close());

const email = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;
const heading = (page: Page) => textOf(page.locator('h1').first());
const path = (page: Page) => new URL(page.url()).pathname;

async function submit(page: Page, button: string): Promise<void> {
  // The next page's own load event: the form's answer, not the page it was sent from.
  await Promise.all([page.waitForEvent('load'), page.click(`button:has-text("${button}")`)]);
}

async function fillDate(page: Page, name: string, day: string, month: string, year: string) {
  await page.fill(`input[name="${name}-day"]`, day);
  await page.fill(`input[name="${name}-month"]`, month);
  await page.fill(`input[name="${name}-year"]`, year);
}

describe('quality assurance', () => {
  let roundPath: string;

  it('a QA officer creates a round and sees the sample with the reason for each case', async () => {
    const page = await journey.newPage();
    await signIn(page, email('qa_officer'));
    expect(await textOf(page.locator('main'))).toContain('Audits waiting for moderation');
    await page.goto('/qa/templates');
    await checkAxe(page);
    await page.click('table a.govuk-link');
    expect(await heading(page)).toBe('Case file audit');
    await checkAxe(page);

    await page.goto('/qa/rounds');
    await checkAxe(page);
    await Promise.all([page.waitForEvent('load'), page.click('a:has-text("Create a round")')]);
    await checkAxe(page);
    // Sent empty: the error summary says what to put right.
    await submit(page, 'Create round and draw sample');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter the name of the round');
    await checkAxe(page);

    const year = new Date().getUTCFullYear();
    await page.fill('input[name="name"]', 'Thematic audit: looked after children');
    await page.check('input[name="type"][value="thematic"]');
    await fillDate(page, 'startDate', '1', '1', String(year - 1));
    await fillDate(page, 'endDate', '31', '12', String(year + 1));
    const templates = await page.locator('select[name="templateId"] option').allTextContents();
    await page.selectOption('select[name="templateId"]', {
      label: templates.find((t) => t.startsWith('Case file audit'))!,
    });
    const [auditor] = await rawRows<{ id: string }>(
      journey.oversight.database.db,
      sql`select id from users where role = 'independent_auditor' and email = ${email('independent_auditor')}`,
    );
    await page.check(`input[name="auditorIds"][value="${auditor!.id}"]`);
    await page.check('input[name="rule"][value="criteria"]');
    await page.check('input[name="serviceLevels"][value="looked_after"]');
    // Criteria by dates too: a contact or referral in a wide range (the demo's looked after children all have one).
    await fillDate(page, 'contactFrom', '1', '1', String(year - 30));
    await fillDate(page, 'contactTo', '31', '12', String(year));
    await submit(page, 'Create round and draw sample');
    expect(await heading(page), await textOf(page.locator('main'))).toBe(
      'Thematic audit: looked after children',
    );
    roundPath = path(page);
    const reasons = await page.locator('main table').first().textContent();
    expect(reasons).toContain("Meets the round's criteria: Looked after, referred on");
    expect(await textOf(page.locator('main'))).toContain(
      `A contact or referral between 1 January ${year - 30} and 31 December ${year}`,
    );
    expect(await textOf(page.locator('main'))).toMatch(/\d+ of \d+ open cases/);
    await checkAxe(page);
    await page.setViewportSize({ width: 320, height: 900 });
    await page.reload();
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await checkAxe(page);
    await screenshot(page, 'qa-round-320');
    expect(journey.problems(page)).toEqual([]);
  });

  it('the independent auditor completes an audit and cannot open an unassigned case', async () => {
    const page = await journey.newPage();
    await signIn(page, email('independent_auditor'));
    expect(await textOf(page.locator('main'))).toContain('Audits assigned to you');
    await page.goto('/qa/audits');
    await checkAxe(page);
    const row = page.locator('tr', { hasText: 'Thematic audit: looked after children' }).first();
    await Promise.all([page.waitForEvent('load'), row.locator('a').click()]);
    await checkAxe(page);
    await Promise.all([page.waitForEvent('load'), page.click('a:has-text("Start the audit")')]);
    await checkAxe(page);
    // Each section its own page: answer every question, grade it, save and continue.
    while (path(page).includes('/sections/')) {
      const names = await page
        .locator('input[type="radio"][name^="answer-"]')
        .evaluateAll((inputs) => [...new Set(inputs.map((i) => i.getAttribute('name') ?? ''))]);
      for (const name of names) await page.check(`input[name="${name}"][value="partly"]`);
      await page.check('input[name="grade"][value="good"]');
      await submit(page, 'Save and continue');
    }
    expect(await heading(page)).toBe('Overall grade and narrative');
    await checkAxe(page);
    await page.check('input[name="overallGrade"][value="good"]');
    await page.fill('textarea[name="narrative"]', 'Care plans are clear; the child’s voice is present.');
    await submit(page, 'Submit for moderation');
    expect(path(page)).toBe('/qa/audits');

    // A case not assigned to them: not found, the audit and the child alike.
    const db = journey.oversight.database.db;
    const [other] = await rawRows<{ id: string; person_id: string }>(
      db,
      sql`select a.id, a.person_id from qa_audits a join users u on u.id = a.auditor_id
          where u.role = 'qa_officer' and not exists (select 1 from case_access_grants g
            join users x on x.id = g.user_id where x.role = 'independent_auditor' and g.person_id = a.person_id)
          limit 1`,
    );
    expect((await page.goto(`/qa/audits/${other!.id}`))?.status()).toBe(404);
    expect((await page.goto(`/children/${other!.person_id}`))?.status()).toBe(404);
    expect(journey.problems(page)).toEqual([]);
  });

  it('a QA officer moderates a grade, with a reason', async () => {
    const page = await journey.newPage();
    await signIn(page, email('qa_officer'));
    await page.goto(roundPath);
    const row = page.locator('tr', { hasText: 'Waiting for moderation' }).first();
    await Promise.all([page.waitForEvent('load'), row.locator('a').first().click()]);
    await Promise.all([page.waitForEvent('load'), page.click('a:has-text("Moderate this audit")')]);
    await checkAxe(page);
    await page.check('input[name="grade-overall"][value="requires_improvement"]');
    await submit(page, 'Record moderation and share');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter why the grade for the overall grade changes',
    );
    await checkAxe(page);
    await page.fill('textarea[name="reason-overall"]', 'Contingency planning is missing from the plan.');
    await submit(page, 'Record moderation and share');
    expect(await textOf(page.locator('main'))).toContain('Contingency planning is missing from the plan.');
    expect(await textOf(page.locator('main'))).toContain('Moderated, waiting for a response');
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });

  it("a manager's recommendation is refused sign-off without evidence and accepted with it", async () => {
    const manager = await journey.newPage();
    await signIn(manager, email('team_manager'));
    expect(await textOf(manager.locator('main'))).toContain('Recommendations not yet signed off');
    await manager.goto('/qa/recommendations');
    await checkAxe(manager);
    const open = manager.locator('tr', { hasText: 'Complete a chronology' }).locator('a');
    await Promise.all([manager.waitForEvent('load'), open.click()]);
    await checkAxe(manager);

    const page = await journey.newPage();
    await signIn(page, email('senior_leader'));
    await page.goto('/qa/follow-up/new');
    await checkAxe(page);
    await page.fill('textarea[name="attendees"]', 'Quality assurance officer; team managers');
    const noEvidence = page.locator('.app-audit-question', { hasText: 'No evidence yet.' }).first();
    await noEvidence.locator('input[value="sign_off"]').check();
    await submit(page, 'Record the meeting');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('cannot be signed off');
    await checkAxe(page);
    await page
      .locator('.app-audit-question', { hasText: 'No evidence yet.' })
      .first()
      .locator('input[type="radio"][value=""]')
      .check();
    const withEvidence = page.locator('.app-audit-question', { hasText: 'Evidence recorded.' }).first();
    await withEvidence.locator('input[value="sign_off"]').check();
    await submit(page, 'Record the meeting');
    expect(path(page)).toBe('/qa/recommendations');
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Follow-up meeting recorded');
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
    expect(journey.problems(manager)).toEqual([]);
  });

  it('a thematic recommendation becomes a plan action, from the round report', async () => {
    const page = await journey.newPage();
    await signIn(page, email('qa_officer'));
    await page.goto('/qa/reports');
    await checkAxe(page);
    await Promise.all([
      page.waitForEvent('load'),
      page.click('a:has-text("Spring case file audit (this year)")'),
    ]);
    expect(await heading(page)).toBe('Report: Spring case file audit (this year)');
    expect(await textOf(page.locator('main'))).toContain('Contingency planning');
    await checkAxe(page);
    await Promise.all([
      page.waitForEvent('load'),
      page.click('a:has-text("Raise a thematic recommendation")'),
    ]);
    await checkAxe(page);
    await submit(page, 'Raise recommendation');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter the recommendation');
    await checkAxe(page);
    await page.fill('textarea[name="text"]', 'Every plan names who will do each action, and by when.');
    await page.check('label:has-text("SMART planning")');
    await submit(page, 'Raise recommendation');
    expect(await heading(page)).toBe('Thematic recommendation');
    expect(await textOf(page.locator('main'))).toContain('Raised, not yet in a plan');
    await checkAxe(page);
    const options = await page.locator('select[name="target"] option').allTextContents();
    await page.selectOption('select[name="target"]', {
      label: options.find((o) => o.startsWith('Children’s Services Improvement Plan'))!,
    });
    await submit(page, 'Add to the plan');
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('now an action in the plan');
    expect(await textOf(page.locator('main'))).toContain('Not rated');
    await checkAxe(page);
    // The action says where it came from.
    await Promise.all([page.waitForEvent('load'), page.click('a:has-text("Open the action")')]);
    expect(await textOf(page.locator('main'))).toContain('Case audit (Spring case file audit (this year)');
    expect(journey.problems(page)).toEqual([]);
  });

  it('an auditor records findings tagged with themes, and a QA officer edits the themes', async () => {
    const page = await journey.newPage();
    await signIn(page, email('qa_officer'));
    await page.goto('/qa/themes');
    await checkAxe(page);
    await page.fill('#name', 'Neglect');
    await submit(page, 'Add theme');
    expect(await textOf(page.locator('table'))).toContain('Neglect');
    const [audit] = await rawRows<{ id: string }>(
      journey.oversight.database.db,
      sql`select a.id from qa_audits a join users u on u.id = a.auditor_id
          where a.status = 'in_progress' and u.email = ${email('independent_auditor')} limit 1`,
    );
    const auditor = await journey.newPage();
    await signIn(auditor, email('independent_auditor'));
    await auditor.goto(`/qa/audits/${audit!.id}/findings`);
    await checkAxe(auditor);
    await auditor.check('input[name="kind"][value="development"]');
    await auditor.fill('textarea[name="text"]', 'The plan has no contingency if the situation worsens.');
    await submit(auditor, 'Add finding');
    expect(await textOf(auditor.locator('.govuk-error-summary'))).toContain('Select at least one theme');
    await auditor.check('label:has-text("Contingency planning")');
    await submit(auditor, 'Add finding');
    expect(await textOf(auditor.locator('table'))).toContain('Contingency planning');
    await checkAxe(auditor);
    expect(journey.problems(page)).toEqual([]);
    expect(journey.problems(auditor)).toEqual([]);
  });
});
