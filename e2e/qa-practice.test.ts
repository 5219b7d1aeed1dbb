/**
 * Practice observations and the QA calendar on the small demo authority: the
 * QA officer's home page counts overdue calendar activities; the QA officer
 * opens the calendar, is told what is missing when completing an overdue
 * activity without evidence, then completes it; records an observation; the
 * practitioner reads it in their learning record; reads the annual survey,
 * clears a held quote and reads family feedback; audits a provider's visit,
 * told first which areas have no RAG. Every page is checked with axe, and the
 * calendar, observations, survey, feedback and provider pages reflow at 320 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { checkAxe, checkReflow, type Journey, signIn, startJourney, textOf } from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => journey?.close());

const email = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;
const heading = (page: Page) => textOf(page.locator('h1').first());

async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.click(`button:has-text("${button}")`)]);
}

describe('practice observations and the QA calendar', () => {
  it('a QA officer completes an overdue calendar activity with evidence', async () => {
    const page = await journey.newPage();
    await signIn(page, email('qa_officer'));
    expect(await textOf(page.locator('main'))).toContain('QA calendar activities overdue');
    await page.goto('/qa/calendar');
    expect(await heading(page)).toMatch(/^QA calendar \d{4}$/);
    await checkAxe(page);
    await checkReflow(page);
    const overdue = page.locator('table:has(caption:has-text("past their due date")) a.govuk-link').first();
    const name = await textOf(overdue);
    await Promise.all([page.waitForEvent('load'), overdue.click()]);
    expect(await heading(page)).toBe(name);
    await checkAxe(page);
    await submit(page, 'Complete activity');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter the evidence that the activity was done',
    );
    await checkAxe(page);
    await page.fill('textarea[name="evidence"]', 'Minutes filed in the QA shared area.');
    await submit(page, 'Complete activity');
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Activity completed');

    await page.goto('/qa/calendar/activities/new');
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });

  it('a QA officer records an observation and the practitioner reads it in their learning record', async () => {
    const page = await journey.newPage();
    await signIn(page, email('qa_officer'));
    await page.goto('/qa/observations');
    expect(await heading(page)).toBe('Practice observations');
    await checkAxe(page);
    await checkReflow(page);
    await Promise.all([page.waitForEvent('load'), page.click('a:has-text("Record an observation")')]);
    await checkAxe(page);
    const practitioner = DEMO_USERS.find((u) => u.role === 'practitioner')!;
    await page.selectOption('select[name="observedId"]', {
      label: `${practitioner.name}, ${practitioner.jobTitle}`,
    });
    await page.check('input[name="tier"][value="social_worker"]');
    await page.fill('input[name="observedRole"]', 'Social worker, children in care');
    const now = new Date();
    await page.fill('input[name="observedOn-day"]', String(now.getUTCDate()));
    await page.fill('input[name="observedOn-month"]', String(now.getUTCMonth() + 1));
    await page.fill('input[name="observedOn-year"]', String(now.getUTCFullYear()));
    await page.check('input[name="setting"][value="home_visit"]');
    await page.fill('textarea[name="wentWell"]', 'Clear, kind explanation of the plan to the child.');
    await page.fill('textarea[name="evenBetterIf"]', 'The carer had been asked for their view too.');
    await submit(page, 'Record observation');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter the learning agreed with the person observed',
    );
    await checkAxe(page);
    await page.fill('textarea[name="agreedLearning"]', 'Ask carers for their view at each visit.');
    await submit(page, 'Record observation');
    expect(await heading(page)).toBe('Learning record');
    await checkAxe(page);

    const own = await journey.newPage();
    await signIn(own, practitioner.email);
    await own.goto('/qa/learning');
    await checkAxe(own);
    await Promise.all([own.waitForEvent('load'), own.click('main a:has-text("Your learning record")')]);
    expect(await heading(own)).toBe('Your learning record');
    expect(await textOf(own.locator('main'))).toContain('Ask carers for their view at each visit.');
    await checkAxe(own);
    await checkReflow(own);
    expect(journey.problems(page)).toEqual([]);
    expect(journey.problems(own)).toEqual([]);
  });

  it('a QA officer reads the annual survey against last year, clears a held quote, and reads family feedback', async () => {
    const page = await journey.newPage();
    await signIn(page, email('qa_officer'));
    await page.goto('/qa/surveys');
    await checkAxe(page);
    await Promise.all([page.waitForEvent('load'), page.locator('table a.govuk-link').first().click()]);
    expect(await heading(page)).toMatch(/^Annual service user survey \d{4}$/);
    expect(await textOf(page.locator('main'))).toContain('Compared with');
    await checkAxe(page);
    await checkReflow(page);
    await submit(page, 'Clear for publication');
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Quote cleared');
    expect(await textOf(page.locator('main'))).toContain('No quote is held.');

    await page.goto('/qa/feedback');
    expect(await heading(page)).toBe('Complaints and compliments');
    await checkAxe(page);
    await checkReflow(page);
    await page.goto('/qa/feedback/new');
    await checkAxe(page);
    await page.goto('/qa/early-help-feedback');
    await checkAxe(page);
    await page.goto('/qa/early-help-feedback/new');
    await submit(page, 'Record feedback');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      "Enter at least one of the family's goals",
    );
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });

  it('a QA officer records a visit to a provider, told which areas still need a RAG, and sees it in the grid', async () => {
    const page = await journey.newPage();
    await signIn(page, email('qa_officer'));
    expect(await textOf(page.locator('main'))).toContain('Providers overdue a visit');
    await page.goto('/qa/providers');
    expect(await heading(page)).toBe('Provider and setting audits');
    await checkAxe(page);
    await checkReflow(page);
    await Promise.all([page.waitForEvent('load'), page.click('a:has-text("Oak House")')]);
    expect(await heading(page)).toBe('Oak House');
    await checkAxe(page);
    await checkReflow(page);
    await Promise.all([page.waitForEvent('load'), page.click('a:has-text("Record a visit")')]);
    await page.fill('#visitedOn-day', '1');
    await page.fill('#visitedOn-month', '11');
    await page.fill('#visitedOn-year', '2026');
    await page.check('#area-safeguarding');
    await submit(page, 'Record the visit');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Select a RAG for education');
    await checkAxe(page);
    await checkReflow(page);
    for (const radio of await page.locator('input[type="radio"][value="green"]').all()) await radio.check();
    await page.fill('#summary', 'Autumn visit: records sampled, all in order.');
    await submit(page, 'Record the visit');
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Visit recorded');
    expect(await textOf(page.locator('main'))).toContain('1 November 2026');
    expect(journey.problems(page)).toEqual([]);
  });
});
