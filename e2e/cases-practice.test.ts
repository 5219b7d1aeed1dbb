/**
 * Browser journeys for the child's pages: a practitioner opens a child,
 * reads the chronology, says what an event meant for the child and records
 * the child's views; a team manager records oversight and a supervision; a
 * service manager reads the actions repeated without follow-up. Every page
 * is checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { today } from '../src/platform/clock';
import { checkAxe, fillDate, go, type Journey, screenshot, signIn, startJourney, textOf } from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => journey?.close());

const email = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;
const heading = (page: Page) => textOf(page.locator('h1').first());
const path = (page: Page) => new URL(page.url()).pathname;

async function submit(page: Page, button: string): Promise<void> {
  await go(page, () => page.click(`button:has-text("${button}")`));
}

describe('a practitioner', () => {
  it("opens a child from their cases, reads the chronology, says what an event meant, and records the child's views", async () => {
    const page = await journey.newPage();
    await signIn(page, email('practitioner'));
    await go(page, () => page.click('.govuk-service-navigation a:has-text("My cases")'));
    expect(path(page)).toBe('/children/mine');
    expect(await heading(page)).toBe('My cases');
    await checkAxe(page);

    const first = page.locator('table a.govuk-link').first();
    const name = await textOf(first);
    await go(page, () => first.click());
    expect(await heading(page)).toBe(name);
    expect(await textOf(page.locator('#voice'))).toMatch(/views, in their own words$/);
    await checkAxe(page);
    await screenshot(page, 'practice-child');

    // The chronology, filtered to looked-after events.
    await go(page, () => page.click('a:has-text("Read the chronology")'));
    expect(await heading(page)).toBe('Chronology');
    expect(await page.locator('.moj-timeline__item').count()).toBeGreaterThan(0);
    await checkAxe(page);
    // The filter panel folds away behind "Show filter" (MoJ filter) until it is wanted.
    await page.click('button:has-text("Show filter")');
    await page.check('input[name="category"][value="looked after"]');
    await submit(page, 'Apply filters');
    expect(page.url()).toContain('category=looked+after');
    const categories = await page.locator('.moj-timeline__item .govuk-tag').allTextContents();
    expect(categories.length).toBeGreaterThan(0);
    expect(new Set(categories.map((c) => c.trim()))).toEqual(new Set(['Looked after']));
    await checkAxe(page);

    // What an event meant for the child.
    const forename = name.split(' ')[0]!;
    const add = page.locator(`.moj-timeline__item a:has-text("Add what this meant for ${forename}")`).first();
    await go(page, () => add.click());
    expect(await heading(page)).toBe(`What this meant for ${forename}`);
    await checkAxe(page);
    await submit(page, 'Save');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter what this event meant for the child',
    );
    await checkAxe(page);
    const meaning = `${forename} said the visit was the first time anyone asked about school friends.`;
    await page.fill('textarea[name="significance"]', meaning);
    await submit(page, 'Save');
    expect(path(page)).toMatch(/\/chronology$/);
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('saved in the chronology');
    expect(await textOf(page.locator('.app-significance').filter({ hasText: meaning }))).toContain(
      `What it meant for ${forename}`,
    );
    await checkAxe(page);
    await screenshot(page, 'practice-chronology');

    // The child's views: errors first, then saved and shown in their own section.
    await page.goto(page.url().replace(/\/chronology.*$/, ''));
    await go(page, () => page.click(`a:has-text("Record ${forename}'s views")`));
    expect(await heading(page)).toBe(`Record ${forename}'s views`);
    await checkAxe(page);
    for (const part of ['day', 'month', 'year']) await page.fill(`input[name="recordedOn-${part}"]`, '');
    await submit(page, `Save ${forename}'s views`);
    const summary = await textOf(page.locator('.govuk-error-summary'));
    expect(summary).toContain("Enter the date the child's views were captured");
    expect(summary).toContain('Enter what the child said or showed, in their own words');
    expect(await page.title()).toMatch(/^Error: /);
    await checkAxe(page);
    await fillDate(page, 'recordedOn', today(journey.oversight.clock));
    const words = 'I want to stay at this school. My friends are here.';
    await page.fill('textarea[name="words"]', words);
    await page.check('input[name="captureMethod"][value="direct"]');
    await page.check('input[name="capturedBy"][value="me"]');
    await page.check('input[name="changedSomething"][value="no"]');
    await submit(page, `Save ${forename}'s views`);
    expect(path(page)).toMatch(/^\/children\/[0-9a-f-]{36}$/);
    expect(await textOf(page.locator('.app-child-words').first())).toBe(words);
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });

  it('finds a child by name', async () => {
    const page = await journey.newPage();
    await signIn(page, email('practitioner'));
    await page.goto('/children/mine');
    const name = await textOf(page.locator('table a.govuk-link').first());
    await go(page, () => page.click('.govuk-service-navigation a:has-text("Find a child")'));
    await checkAxe(page);
    await page.fill('input[name="q"]', name);
    await submit(page, 'Search');
    expect(await textOf(page.locator('#results'))).toMatch(/^1 child found|children found$/);
    expect(await page.locator(`table a:has-text("${name}")`).count()).toBeGreaterThan(0);
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });
});

describe('a team manager', () => {
  it('records management oversight on a child in the team, reads the voice indicator and records a supervision', async () => {
    const page = await journey.newPage();
    await signIn(page, email('team_manager'));
    await go(page, () => page.click('.govuk-service-navigation a:has-text("Team cases")'));
    expect(await heading(page)).toBe('Team cases');
    await checkAxe(page);
    const child = page.locator('table a.govuk-link').nth(1);
    const name = await textOf(child);
    await go(page, () => child.click());
    await go(page, () => page.click('a:has-text("Record management oversight")'));
    expect(await heading(page)).toBe('Record management oversight');
    await checkAxe(page);
    await submit(page, 'Save oversight decision');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter the decision');
    await checkAxe(page);
    const decision = 'Bring the review forward to next month.';
    await page.fill('textarea[name="decision"]', decision);
    await page.fill('textarea[name="reasons"]', `${name.split(' ')[0]} has asked to move nearer to school.`);
    await submit(page, 'Save oversight decision');
    expect(await heading(page)).toBe(name);
    expect(await textOf(page.locator('.app-oversight-note').first())).toContain(decision);
    await checkAxe(page);

    await page.goto('/children/team');
    await go(page, () => page.click('a:has-text("See which children have their views recorded")'));
    expect(await heading(page)).toBe("The child's views recorded");
    expect(await page.locator('caption:has-text("By team")').count()).toBe(1);
    await checkAxe(page);

    // Supervision: choose a worker, decide each earlier action, add one.
    await go(page, () => page.click('.govuk-service-navigation a:has-text("Supervision")'));
    expect(await heading(page)).toBe('Supervision');
    await checkAxe(page);
    await submit(page, 'Continue');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Select the worker you supervised');
    await checkAxe(page);
    await page.selectOption('select[name="worker"]', {
      label: (await page.locator('select[name="worker"] option').nth(1).textContent())!,
    });
    await submit(page, 'Continue');
    expect(await heading(page)).toMatch(/^Supervision of /);
    await checkAxe(page);
    // Earlier actions are carried forward again (the demo's repeated action stays on the service manager's list).
    const earlier = await page.locator('input[type="radio"][value="carry"][name^="previous-"]').all();
    for (const radio of earlier) await radio.check();
    await page.locator('input[name="personIds"]').first().check();
    await page.fill('textarea[name="reflection"]', 'We talked about the review and the worker’s court week.');
    await page.fill('input[name="action-1-description"]', 'See the child alone before the review');
    await page.check('input[name="action-1-owner"][value="worker"]');
    await fillDate(page, 'action-1-due', today(journey.oversight.clock));
    await screenshot(page, 'practice-supervision-form');
    await submit(page, 'Save supervision');
    expect(await heading(page)).toMatch(/^Supervision of .*, \d{1,2} \w+ \d{4}$/);
    expect(await textOf(page.locator('table').first())).toContain('See the child alone before the review');
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });
});

describe('a service manager', () => {
  it('sees the supervision actions on the agenda at three supervisions without being done', async () => {
    const page = await journey.newPage();
    await signIn(page, email('service_manager'));
    await page.goto('/supervision');
    await go(page, () => page.click('a:has-text("Actions on the agenda at three")'));
    expect(await heading(page)).toBe('Supervision actions repeated without follow-up');
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await textOf(page.locator('tbody tr').first())).toMatch(/On the agenda \d+ times/);
    await checkAxe(page);
    await screenshot(page, 'practice-repeated');
    expect(journey.problems(page)).toEqual([]);
  });
});
