/**
 * Browser journeys for performance indicators: a QA officer (who keeps the
 * catalogue; Oversight has no separate performance officer role) changes a
 * target and sees the RAG follow; a senior leader signs off the quarterly
 * report; a committee member cannot reach the children behind a figure.
 * Every page, charts included, is checked with axe and at 320 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { checkAxe, go, type Journey, screenshot, signIn, startJourney, textOf } from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => journey?.close());

const email = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;

async function changeTarget(page: Page, target: string, reason: string): Promise<void> {
  await page.fill('input[name="target"]', target);
  await page.fill('input[name="tolerance"]', '0');
  await page.fill('textarea[name="reason"]', reason);
  await go(page, () => page.click('button:has-text("Save as a new version")'));
}

describe('a QA officer keeping the indicators', () => {
  it('changes a target and sees the RAG change', async () => {
    const page = await journey.newPage();
    await signIn(page, email('qa_officer'));
    await go(page, () => page.click('.govuk-service-navigation a:has-text("Indicators")'));
    expect(await textOf(page.locator('h1'))).toBe('Performance indicators');
    await checkAxe(page);
    await screenshot(page, 'kpis-indicators');

    await go(page, () => page.click('a:has-text("Assessments completed within 45 working days")'));
    expect(await textOf(page.locator('h1'))).toBe('Assessments completed within 45 working days');
    expect(await page.locator('svg[role="img"]').count()).toBe(1);
    await checkAxe(page);

    // No reason: the form says what to put right.
    await page.fill('input[name="target"]', '100.01');
    await go(page, () => page.click('button:has-text("Save as a new version")'));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter the reason for the change');
    await checkAxe(page);

    // A target above any percentage: red; then none short of it: green.
    await changeTarget(page, '100.01', 'Testing the red band');
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Version 2 saved');
    expect(await textOf(page.locator('main p.govuk-body').first())).toContain('Red: off target');
    await changeTarget(page, '0', 'Back to a target every quarter meets');
    expect(await textOf(page.locator('main p.govuk-body').first())).toContain('Green: on target');
    await checkAxe(page);
    await screenshot(page, 'kpis-indicator');
  });

  it('reads the early help outcomes as indicators, in score points, with their trend chart and the children behind them', async () => {
    const page = await journey.newPage();
    await signIn(page, email('qa_officer'));
    await page.goto('/indicators');
    await go(page, () => page.click('a:has-text("Early help goals: average distance travelled")'));
    expect(await textOf(page.locator('h1'))).toBe('Early help goals: average distance travelled');
    expect(await page.locator('svg[role="img"]').count()).toBe(1);
    expect(await textOf(page.locator('main'))).toContain('2.0 points or more');
    await checkAxe(page);
    await screenshot(page, 'kpis-indicator-average');

    // The children behind a quarter's figure: their goals closed, scores and distance travelled.
    await go(page, () => page.locator('main table a:has-text("Children")').last().click());
    expect(await textOf(page.locator('h1'))).toContain('the children behind the figure');
    await checkAxe(page);
  });
});

describe('the quarterly report', () => {
  it('is written by an officer and signed off by a senior leader', async () => {
    const officer = await journey.newPage();
    await signIn(officer, email('qa_officer'));
    await officer.goto('/indicators');
    await go(officer, () => officer.click('a:has-text("children’s safeguarding performance report")'));
    expect(await textOf(officer.locator('h1'))).toBe('Children’s safeguarding performance report');
    await checkAxe(officer);
    await officer.fill(
      'textarea[name="overall"]',
      'Assessments in time improved; placement stability needs watching.',
    );
    await go(officer, () => officer.click('button:has-text("Save commentary")'));
    expect(await textOf(officer.locator('.govuk-notification-banner'))).toContain('Commentary saved');

    const leader = await journey.newPage();
    await signIn(leader, email('senior_leader'));
    await leader.goto(officer.url());
    await go(leader, () => leader.click('button:has-text("Sign off the")'));
    expect(await textOf(leader.locator('.govuk-notification-banner'))).toContain('signed off and frozen');
    expect(await textOf(leader.locator('.govuk-inset-text'))).toContain('Signed off by');
    await checkAxe(leader);
    await go(leader, () => leader.click('a:has-text("Show as published")'));
    await checkAxe(leader);
    await screenshot(leader, 'kpis-report-published');
  });
});

describe('a committee member', () => {
  it('has no indicators page and cannot open the children behind a figure', async () => {
    const page = await journey.newPage();
    await signIn(page, email('committee_member'));
    expect(await page.locator('.govuk-service-navigation a:has-text("Indicators")').count()).toBe(0);
    const res = await page.goto('/indicators/ASS-01/children');
    expect(res?.status()).toBe(403);
  });
});
