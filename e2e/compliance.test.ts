/**
 * Browser journeys for statutory timescales: a practitioner sees an overdue
 * visit, records it and sees it done; a team manager filters the team's tasks
 * and downloads them. Every page is checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { today } from '../src/platform/clock';
import { checkAxe, go, type Journey, screenshot, signIn, startJourney, textOf } from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
  // The demo import recomputes timescales in the background; wait for it as a person would wait for the morning.
  await journey.oversight.app.deps.background.idle();
});
afterAll(async () => journey?.close());

const email = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;
const count = async (page: Page, label: string) =>
  Number((await textOf(page.locator(`p:has-text("${label}") .govuk-heading-xl`).first())).trim());

describe('a practitioner', () => {
  it('sees an overdue visit, records it, and sees it done', async () => {
    const page = await journey.newPage();
    await signIn(page, email('practitioner'));
    await go(page, () => page.click('.govuk-service-navigation a:has-text("My tasks")'));
    expect(await textOf(page.locator('h1'))).toBe('My statutory tasks');
    await checkAxe(page);
    await screenshot(page, 'compliance-my-tasks');
    const overdueBefore = await count(page, 'overdue');
    const row = page
      .locator('tr', { has: page.locator('strong:has-text("Overdue")') })
      .filter({ has: page.locator('a:has-text("Record visit")') })
      .first();
    expect(await row.count()).toBe(1);
    const child = await textOf(row.locator('td').first());

    await go(page, () => row.locator('a:has-text("Record visit")').click());
    expect(await textOf(page.locator('h1'))).toBe('Record a visit');
    expect(await textOf(page.locator('.govuk-caption-l'))).toBe(child);
    await checkAxe(page);
    // Sent empty first: the errors say what to put right.
    await go(page, () => page.click('button:has-text("Record visit")'));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter the date of the visit');
    await checkAxe(page);

    const [y, m, d] = today(journey.oversight.clock).split('-');
    await page.fill('input[name="date-day"]', String(Number(d)));
    await page.fill('input[name="date-month"]', String(Number(m)));
    await page.fill('input[name="date-year"]', y!);
    await page.check('input[name="seen"][value="alone"]');
    // With one open plan the kind of visit is stated, not asked.
    const kinds = page.locator('input[type="radio"][name="kind"]');
    if ((await kinds.count()) && !(await page.locator('input[type="radio"][name="kind"]:checked').count()))
      await kinds.first().check();
    await go(page, () => page.click('button:has-text("Record visit")'));

    expect(new URL(page.url()).pathname).toBe('/tasks');
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Visit recorded');
    expect(await count(page, 'overdue')).toBe(overdueBefore - 1);
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });
});

describe('a team manager', () => {
  it('filters the team view and downloads it', async () => {
    const page = await journey.newPage();
    await signIn(page, email('team_manager'));
    await go(page, () => page.click('.govuk-service-navigation a:has-text("Team timescales")'));
    expect(await textOf(page.locator('h1'))).toBe('Children in Care Team');
    await checkAxe(page);
    await screenshot(page, 'compliance-team');

    await go(page, () => page.click('a:has-text("See and filter every task in this team")'));
    await page.selectOption('select[name="status"]', 'overdue');
    await go(page, () => page.click('button:has-text("Apply filters")'));
    const summary = await textOf(page.locator('p:has-text("match")').first());
    const matched = Number(summary.replace(/,/g, '').match(/^(\d+)/)?.[1]);
    expect(matched).toBeGreaterThan(0);
    // The table sorts in the browser (MoJ sortable table): the Due column turns from ascending to descending.
    const due = page.locator('th:has(button:has-text("Due"))').first();
    const before = await due.getAttribute('aria-sort');
    await due.locator('button').click();
    expect(await due.getAttribute('aria-sort')).not.toBe(before);
    const statuses = await page.locator('tbody strong.govuk-tag').allTextContents();
    expect(new Set(statuses.map((s) => s.trim()))).toEqual(new Set(['Overdue']));
    await checkAxe(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("Download these tasks (CSV)")'),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^OFFICIAL-SENSITIVE_statutory-tasks-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const lines = Buffer.concat(chunks).toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Child,Child id,Task,Due,Status,Days late,Done on,Worker,Team,Rule');
    expect(lines.length - 1).toBe(matched);
    expect(lines.slice(1).every((l) => l.includes(',Overdue,'))).toBe(true);
    // Chromium reports a download as a failed navigation; anything else is a real problem.
    expect(journey.problems(page).filter((p) => !p.includes('/timescales/tasks.csv'))).toEqual([]);
  });

  it('the service view shows the on-time trend with its data table', async () => {
    const page = await journey.newPage();
    await signIn(page, email('service_manager'));
    await go(page, () => page.click('.govuk-service-navigation a:text-is("Timescales")'));
    expect(await textOf(page.locator('h1'))).toBe('Statutory timescales across the service');
    expect(
      await page.locator('table:has(caption:has-text("the data behind the chart")) tbody tr').count(),
    ).toBe(12);
    await checkAxe(page);
    await screenshot(page, 'compliance-service');
  });
});
