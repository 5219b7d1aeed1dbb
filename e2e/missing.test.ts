/**
 * Browser journey for missing episodes on the small demo authority: a
 * practitioner opens the follow-ups list, records an episode for a child and
 * the child's return, sees the 72-hour clock, then records the return home
 * interview offered and accepted and sees the clock done, and updates the
 * child's missing risk assessment after the episode. Every page is
 * checked with axe, and the list and the form reflow at 320 px.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { addDays } from '../src/platform/calendar/working-days';
import { systemClock, today } from '../src/platform/clock';
import {
  checkAxe,
  fillDate,
  go,
  type Journey,
  pageWidth,
  screenshot,
  signIn,
  startJourney,
  textOf,
} from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => journey?.close());

const email = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;

describe('a practitioner', () => {
  it('records an episode and the return, sees the 72-hour clock, and records the interview offered and accepted', async () => {
    const yesterday = addDays(today(systemClock), -1);
    const page = await journey.newPage();
    await signIn(page, email('practitioner'));
    await go(page, () => page.click('.govuk-service-navigation a:has-text("Missing children")'));
    expect(await textOf(page.locator('h1'))).toBe('Missing children: follow-ups');
    await go(page, () => page.click('a:has-text("All")'));
    await checkAxe(page);
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await checkAxe(page);
    await screenshot(page, 'missing-follow-ups-320');
    await page.setViewportSize({ width: 1280, height: 900 });

    // An episode the demo recorded: its page, with its clocks.
    await go(page, () => page.locator('main td a[href^="/missing/episodes/"]').first().click());
    expect(await textOf(page.locator('h2#clocks-heading'))).toBe('Clocks');
    await checkAxe(page);

    // The child's record, then a new episode for them.
    await go(page, () => page.locator('.govuk-back-link').click());
    expect(await textOf(page.locator('#missing-episodes-heading'))).toBe('Missing episodes');
    await checkAxe(page);
    await go(page, () => page.click('a:has-text("Record a missing episode")'));
    expect(await textOf(page.locator('h1'))).toBe('Record a missing episode');
    await checkAxe(page);
    await go(page, () => page.click('button:has-text("Record episode")'));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter when the child went missing');
    await checkAxe(page);
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });
    await fillDate(page, 'startAt', yesterday, '13:05');
    await page.check('input[name="type"][value="missing"]');
    await page.fill('#reportedBy', 'Foster carer');
    await fillDate(page, 'reportedAt', yesterday, '13:40');
    await page.check('input[name="policeRisk"][value="medium"]');
    await go(page, () => page.click('button:has-text("Record episode")'));
    expect(await textOf(page.locator('h1'))).toMatch(/^Missing from/);
    await checkAxe(page);

    await go(page, () => page.click('a:has-text("Record the child’s return")'));
    await fillDate(page, 'endAt', yesterday, '19:30');
    await page.fill('#whereFound', 'Came back to the placement');
    await go(page, () => page.click('button:has-text("Record return")'));
    const clocks = await textOf(page.locator('table:has(caption:has-text("Clocks for this episode"))'));
    expect(clocks).toContain('Return home interview offered (or refusal recorded)');
    const interviewRow = page.locator('tr:has-text("Return home interview offered")');
    expect(await textOf(interviewRow)).toMatch(/Not yet due|Due soon/);
    await checkAxe(page);

    await go(page, () => page.click('a:has-text("Record the return home interview")'));
    await checkAxe(page);
    await fillDate(page, 'offeredAt', yesterday, '20:15');
    await page.fill('#offeredBy', 'Return interview service');
    await page.check('input[name="independent"][value="yes"]');
    await page.check('input[name="response"][value="accepted"]');
    await fillDate(page, 'respondedOn', yesterday);
    await page.fill('#childAccount', 'I needed some space.');
    await go(page, () => page.click('button:has-text("Save interview")'));
    expect(await textOf(page.locator('tr:has-text("Return home interview offered")'))).toContain('Done');
    expect(await textOf(page.locator('.app-child-voice'))).toContain('I needed some space.');
    await checkAxe(page);
    await screenshot(page, 'missing-episode');

    // After the episode, the child's risk assessment is to be updated: the form, then the records.
    await go(page, () => page.locator('.govuk-back-link').click());
    expect(await textOf(page.locator('#missing-risk-heading'))).toBe('Missing: risk records');
    await go(page, () => page.click('a:has-text("the risk assessment")'));
    expect(await textOf(page.locator('h1'))).toBe('Missing child risk assessment');
    await checkAxe(page);
    for (const input of await page.locator('input[type="radio"][value="no"]').all()) await input.check();
    await page.check('input[name="factor_gang_association"][value="unknown"]');
    await page.fill('#summary', 'Medium risk; went to a friend’s flat.');
    await fillDate(page, 'completedOn', today(systemClock));
    await page.fill('#completedBy', 'Priya Ashdown, social worker');
    await go(page, () => page.click('button:has-text("Save risk assessment")'));
    expect(await textOf(page.locator('h1'))).toBe('Missing: risk records');
    expect(await textOf(page.locator('tr:has-text("Gang association")'))).toContain('Unknown');
    await checkAxe(page);
  });
});

describe('children missing education', () => {
  it('a practitioner opens the register and a case, records an enquiry and the checks, and records a new case', async () => {
    const day = today(systemClock);
    const page = await journey.newPage();
    await signIn(page, email('practitioner'));
    await go(page, () => page.goto(`${journey.baseUrl}/missing`));
    await go(page, () => page.click('a:has-text("Children missing education")'));
    expect(await textOf(page.locator('h1'))).toBe('Children missing education');
    await checkAxe(page);
    await go(page, () => page.click('a:has-text("Open with a check overdue")'));
    expect(await textOf(page.locator('main table caption'))).toMatch(/^1 case/);
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await checkAxe(page);
    await page.setViewportSize({ width: 1280, height: 900 });

    await go(page, () => page.locator('main td a[href^="/missing/cme/"]').first().click());
    expect(await textOf(page.locator('h2#cme-clocks-heading'))).toBe('Clocks');
    expect(await textOf(page.locator('tr:has-text("Home visit (day 3)")'))).toContain('Overdue');
    await checkAxe(page);
    await go(page, () => page.click('a:has-text("Record an enquiry")'));
    await checkAxe(page);
    await fillDate(page, 'madeOn', day);
    await page.fill('#contacted', 'GP surgery');
    await page.fill('#result', 'Registered; the family has not been seen since last month');
    await go(page, () => page.click('button:has-text("Record enquiry")'));
    expect(await textOf(page.locator('main'))).toContain('GP surgery');

    await go(page, () => page.click('a:has-text("Update the checks and the outcome")'));
    await checkAxe(page);
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });
    await fillDate(page, 'homeVisitOn', day);
    await go(page, () => page.click('button:has-text("Save")'));
    expect(await textOf(page.locator('tr:has-text("Home visit (day 3)")'))).toContain('Done late');
    await checkAxe(page);

    // The child's record: the panel, and a new case with its error summary.
    await go(page, () => page.locator('.govuk-back-link').click());
    expect(await textOf(page.locator('#missing-cme-heading'))).toBe('Missing education');
    await go(page, () => page.click('a:has-text("Record a child missing education")'));
    await go(page, () => page.click('button:has-text("Record")'));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter the first day of absence');
    await checkAxe(page);
    await page.fill('#school', 'Northgate Academy');
    await page.check('input[name="reporterKind"][value="school"]');
    await page.fill('#reportedBy', 'Attendance officer');
    await fillDate(page, 'reportedOn', day);
    await fillDate(page, 'firstAbsentOn', day);
    await page.check('input[name="reason"][value="stopped_attending"]');
    await go(page, () => page.click('button:has-text("Record")'));
    expect(await textOf(page.locator('h1'))).toMatch(/^Missing education from/);
    await checkAxe(page);

    // The education service's lists: add the child from the record, then the lists with their counts.
    await go(page, () => page.locator('.govuk-back-link').click());
    await go(page, () => page.click('a:has-text("Add to an education list")'));
    await checkAxe(page);
    await page.check('input[name="list"][value="attendance"]');
    await fillDate(page, 'fromOn', day);
    await go(page, () => page.click('button:has-text("Add to the list")'));
    expect(await textOf(page.locator('section[aria-labelledby="missing-cme-heading"]'))).toContain(
      'Attendance persistently below 90%',
    );
    await go(page, () => page.goto(`${journey.baseUrl}/missing/education-lists`));
    expect(await textOf(page.locator('h1'))).toBe('The education service’s lists');
    await checkAxe(page);
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await checkAxe(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('a service manager sees the missing clocks on the timescales dashboard', async () => {
    const page = await journey.newPage();
    await signIn(page, email('service_manager'));
    await go(page, () => page.goto(`${journey.baseUrl}/timescales`));
    expect(await textOf(page.locator('main'))).toContain('Children missing education: checks');
    await checkAxe(page);
  });
});

describe('a service manager', () => {
  it('opens a child’s grab pack, is asked for a reason, and the read appears in the access audit', async () => {
    const page = await journey.newPage();
    await signIn(page, email('service_manager'));
    await go(page, () => page.goto(`${journey.baseUrl}/missing?show=all`));
    await go(page, () => page.locator('main td a[href^="/children/"]').first().click());
    await go(page, () => page.click('a:has-text("Open the grab pack")'));
    expect(await textOf(page.locator('h1'))).toBe('Open the grab pack');
    await checkAxe(page);
    await page.fill('#reason', 'Missing tonight; the police asked for the grab pack');
    await go(page, () => page.click('button:has-text("Open the grab pack")'));
    expect(await textOf(page.locator('h1'))).toMatch(/^Grab pack: /);
    await checkAxe(page);
    const [row] = await journey.oversight.database.db
      .execute<{ n: number }>(
        sql`select count(*)::int as n from access_audit where action = 'missing.grab-pack.view'
          and reason = 'Missing tonight; the police asked for the grab pack'`,
      )
      .then((r) => (r as unknown as { rows: Array<{ n: number }> }).rows);
    expect(row?.n).toBe(1);
  });
});

describe('a QA officer', () => {
  it('reads the quarterly key data, every figure and as published', async () => {
    const page = await journey.newPage();
    await signIn(page, email('qa_officer'));
    await go(page, () => page.goto(`${journey.baseUrl}/missing/key-data`));
    expect(await textOf(page.locator('h1'))).toBe('Missing children: quarterly key data');
    expect(await textOf(page.locator('table').first())).toContain('Return interviews offered');
    expect(await textOf(page.locator('caption:has-text("Sex")'))).toBe('Sex (children)');
    await checkAxe(page);
    // A figure opens the children or episodes it counts.
    const figure = page.locator('td a[href^="/missing/key-data/"]').first();
    const count = Number.parseInt(await textOf(figure), 10);
    expect(count).toBeGreaterThan(0);
    await go(page, () => figure.click());
    expect(await textOf(page.locator('caption').first())).toMatch(
      new RegExp(`^${count} (child|children|episodes?)$`),
    );
    await checkAxe(page);
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await page.setViewportSize(size);
    await go(page, () => page.click('a:has-text("Back to the key data")'));
    // Children missing education, from the register: each child once, with the cases that counted them.
    const cme = page.locator('td a[href$="/childrenMissingEducation"]').last();
    const children = Number.parseInt(await textOf(cme), 10);
    await go(page, () => cme.click());
    expect(await textOf(page.locator('h1'))).toBe('Children missing education');
    expect(await textOf(page.locator('caption').first())).toMatch(new RegExp(`^${children} child(ren)?$`));
    expect(await page.locator('td a[href^="/missing/cme/"]').count()).toBeGreaterThanOrEqual(children);
    await checkAxe(page);
    await go(page, () => page.click('a:has-text("Back to the key data")'));
    // The demo's two years of history: looked-after children went missing in every quarter of last year.
    await go(page, () => page.locator('nav[aria-label="Year and view"] a').nth(1).click());
    expect(await page.locator('td a[href$="/lacWentMissing"]').count()).toBe(4);
    await go(page, () => page.click('a:has-text("Show as published")'));
    expect(await textOf(page.locator('caption').first())).toContain('as published');
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await checkAxe(page);
  });
});
