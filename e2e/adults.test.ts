/**
 * Browser journey for adults' safeguarding: a QA officer finds the demo
 * concerns, records one (putting right what the form refuses), opens the
 * import page, and reads the adults' indicators and quarterly report. Every
 * page is checked with axe and at 320 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { checkAxe, go, type Journey, screenshot, signIn, startJourney, textOf } from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => journey?.close());

const email = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;

describe('a QA officer keeping the adults’ safeguarding register', () => {
  it('lists, records and imports concerns, and reads the adults’ indicators and report', async () => {
    const page = await journey.newPage();
    await signIn(page, email('qa_officer'));
    await go(page, () => page.click('.govuk-service-navigation a:has-text("Adults")'));
    expect(await textOf(page.locator('h1'))).toBe('Adults’ safeguarding concerns');
    expect(await textOf(page.locator('#count'))).toContain('of 60 concerns');
    await checkAxe(page);
    await screenshot(page, 'adults-concerns');

    await go(page, () => page.selectOption('#enquiry', 'concluded'));
    await go(page, () => page.click('button:has-text("Apply filters")'));
    await checkAxe(page);

    await go(page, () => page.click('a:has-text("Record a safeguarding concern")'));
    await checkAxe(page);
    await page.fill('#reference', 'E2E-1');
    await page.fill('#personRef', 'AD999999');
    await go(page, () => page.click('button:has-text("Save concern")'));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter the date the concern was received',
    );
    await checkAxe(page);
    await page.fill('#receivedOn-day', '2');
    await page.fill('#receivedOn-month', '11');
    await page.fill('#receivedOn-year', '2026');
    await page.selectOption('#source', 'police');
    await page.check('input[name="abuseTypes"][value="neglect"]');
    await go(page, () => page.click('button:has-text("Save concern")'));
    expect(await textOf(page.locator('h1'))).toBe('Safeguarding concern E2E-1');
    await checkAxe(page);

    await page.goto('/adults/import');
    expect(await textOf(page.locator('h1'))).toBe('Import safeguarding concerns');
    await checkAxe(page);

    await page.goto('/indicators?audience=adults');
    expect(await textOf(page.locator('h1'))).toBe('Adults’ safeguarding indicators');
    await checkAxe(page);
    await screenshot(page, 'adults-indicators');
    await go(page, () => page.click('a:has-text("adults’ safeguarding performance report")'));
    expect(await textOf(page.locator('h1'))).toBe('Adults’ safeguarding performance report');
    expect(await page.locator('caption:has-text("Type of abuse")').count()).toBe(1);
    await checkAxe(page);
    await screenshot(page, 'adults-report');
  });

  it('is not shown to a committee member', async () => {
    const page = await journey.newPage();
    await signIn(page, email('committee_member'));
    expect(await page.locator('.govuk-service-navigation a:has-text("Adults")').count()).toBe(0);
    const res = await page.goto('/adults/concerns');
    expect(res?.status()).toBe(403);
  });
});
