/**
 * Browser journeys for committee business on the small demo authority: a
 * clerk adds a meeting, builds its agenda from the standard items and a
 * report item, sees publication blocked while the item has no report, then
 * drafts the report with an uploaded appendix, publishes a new version of
 * the next meeting's pack (its reports accepted)
 * and reads it with its page numbers; a member of the public browses the
 * public site without signing in, from the sign-in page, reads approved
 * minutes and searches its published papers; a clerk writes an item's
 * minutes with an action and approves the minutes; a clerk keeps the
 * glossary, refused a duplicate. Every page is checked
 * with axe and reflows at 320 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { addMonths } from '../src/platform/calendar/working-days';
import { systemClock, today } from '../src/platform/clock';
import { formatDate } from '../src/platform/http/views';
import { checkAxe, fillDate, go, type Journey, screenshot, signIn, startJourney, textOf } from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => journey?.close());

const email = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;

describe('a committee clerk', () => {
  it('builds and publishes an agenda, blocked first by a report not yet accepted', async () => {
    const page = await journey.newPage();
    await signIn(page, email('committee_clerk'));
    await go(page, () => page.click('.govuk-service-navigation a:has-text("Committees")'));
    await checkAxe(page);
    await go(page, () => page.click('main a:has-text("Safeguarding Sub-Committee")'));
    expect(await textOf(page.locator('h1'))).toBe('Safeguarding Sub-Committee');
    await checkAxe(page);

    // A new meeting: the form first refuses a time it cannot read.
    await go(page, () => page.click('a:has-text("Add a meeting")'));
    await fillDate(page, 'date', addMonths(today(systemClock), 4));
    await page.fill('#startTime', 'two o’clock');
    await page.fill('#venue', 'Council Chamber');
    await go(page, () => page.click('button:has-text("Add meeting")'));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter the time as hours and minutes',
    );
    await checkAxe(page);
    await page.fill('#startTime', '14:00');
    await go(page, () => page.click('button:has-text("Add meeting")'));
    expect(await textOf(page.locator('h1'))).toMatch(/^Meeting of /);

    await go(page, () => page.click('button:has-text("Add the standard items")'));
    await go(page, () => page.click('a:has-text("Add a report")'));
    await page.fill('#title', 'Annual report of the independent reviewing officers');
    await page.fill('#fromOfficer', 'Director of Children’s Services');
    await page.check('input[name="purpose"][value="information"]');
    await page.check('input[name="part"][value="1"]');
    await checkAxe(page);
    await go(page, () => page.click('button:has-text("Add to the agenda")'));
    const agenda = await textOf(page.locator('main'));
    expect(agenda).toContain('Annual report of the independent reviewing officers');
    expect(agenda).toContain('MOTION – That under Section 100A(4)');
    await checkAxe(page);
    await screenshot(page, 'committee-meeting');

    await go(page, () => page.click('a:has-text("Check and publish")'));
    expect(await textOf(page.locator('[data-problems]'))).toContain('has no report');
    expect(await page.locator('button:has-text("Publish")').count()).toBe(0);
    await checkAxe(page);

    // The clerk drafts the report and uploads an appendix, refused first without a file.
    await go(page, () => page.click('a:has-text("Back to the meeting")'));
    await go(page, () => page.click('a:has-text("report for item")'));
    await page.fill('#author', 'Head of Quality Assurance');
    await page.fill('#summary', 'The reviewing officers chaired every review on time.');
    await page.fill('#mainReport', 'Reviews were held within the timescales.');
    await go(page, () => page.click('button:has-text("Save draft")'));
    const summary = page.locator('.govuk-error-summary');
    expect((await summary.count()) ? await textOf(summary) : 'saved').toBe('saved');
    expect(await textOf(page.locator('h1'))).toBe(
      'Report: Annual report of the independent reviewing officers',
    );
    await go(page, () => page.click('button:has-text("Upload appendix")'));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Choose the file to upload');
    await checkAxe(page);
    await page.setInputFiles('#appendixFile', {
      name: 'reviews.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Quarter,Reviews on time\nQ1,96%\n'),
    });
    await page.fill('#fileTitle', 'Reviews on time');
    await page.check('input[name="fileVisibility"][value="public"]');
    await go(page, () => page.click('button:has-text("Upload appendix")'));
    expect(await textOf(page.locator('main'))).toContain('Appendix 1: Reviews on time (public): reviews.csv');
    await checkAxe(page);

    // The demo's next meeting has its reports accepted: it can be published again as a new version.
    await go(page, () => page.click('a:has-text("Back to the meeting")'));
    await go(page, () => page.click('a:has-text("Back to Safeguarding Sub-Committee")'));
    await go(page, () => page.locator('main table a[href^="/committee-business/meetings/"]').nth(3).click());
    await go(page, () => page.click('a:has-text("Check and publish")'));
    expect(await textOf(page.locator('main'))).toContain('No name, identifier or date of birth');
    await checkAxe(page);
    await go(page, () => page.click('button:has-text("Publish")'));
    expect(await textOf(page.locator('main'))).toContain('Version 2, published');
    await go(page, () => page.click('a:has-text("public pack") >> nth=0'));
    expect(await textOf(page.locator('main'))).toContain('Pages 3 -');
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });
});

describe('a committee clerk with the minutes', () => {
  it('writes an item’s minutes with an action, then approves the minutes as the chairman did', async () => {
    const page = await journey.newPage();
    await signIn(page, email('committee_clerk'));
    await go(page, () => page.click('.govuk-service-navigation a:has-text("Committees")'));
    await go(page, () => page.click('main a:has-text("Safeguarding Sub-Committee")'));
    // The third demo meeting is held, its minutes in draft.
    await go(page, () => page.locator('main table a[href^="/committee-business/meetings/"]').nth(2).click());
    await go(page, () => page.click('a:has-text("Write and approve the minutes")'));
    expect(await textOf(page.locator('h1'))).toMatch(/^Minutes of the meeting of /);
    await checkAxe(page);
    await go(page, () => page.locator('main a:has-text("Write the minutes")').first().click());
    await page.fill('#actionDescription', 'Send members the list of training dates');
    await go(page, () => page.click('button:has-text("Save the minutes of this item")'));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter the officer who owns the action',
    );
    await checkAxe(page);
    await page.fill('#actionOfficer', 'Principal Social Worker');
    await go(page, () => page.click('button:has-text("Save the minutes of this item")'));
    expect(await textOf(page.locator('main'))).toContain('Send members the list of training dates');
    await go(page, () => page.click('a:has-text("Check and approve")'));
    expect(await textOf(page.locator('main'))).toContain('No name, identifier or date of birth');
    await checkAxe(page);
    await page.check('input[name="how"][value="chairman"]');
    await fillDate(page, 'date', today(systemClock));
    await go(page, () => page.click('button:has-text("Approve and publish the minutes")'));
    expect(await textOf(page.locator('[data-approved]'))).toContain('by the chairman');
    await checkAxe(page);
    await screenshot(page, 'committee-minutes');
    expect(journey.problems(page)).toEqual([]);
  });
});

describe('a member of the public', () => {
  it('browses the committees, a meeting and its public reports without signing in', async () => {
    const page = await journey.newPage();
    await page.goto('/sign-in');
    await go(page, () => page.click('a:has-text("committees’ published agendas")'));
    expect(await textOf(page.locator('h1'))).toBe('Committees');
    await checkAxe(page);
    await go(page, () => page.click('main a:has-text("Safeguarding Sub-Committee")'));
    await checkAxe(page);
    await go(page, () => page.locator('main a:has-text("Agenda and public reports")').first().click());
    const text = await textOf(page.locator('main'));
    expect(text).toContain('Safeguarding performance report');
    expect(text).toContain('Local child safeguarding practice review: update'); // listed on the agenda
    expect(text).not.toContain('review panel has met twice'); // its report is not public
    await checkAxe(page);
    await screenshot(page, 'committee-public-meeting');
    // The first meeting's minutes were approved at the second.
    await go(page, () => page.click('main a:has-text("Approved minutes of this meeting")'));
    expect(await textOf(page.locator('main'))).toContain('RESOLVED – That the report be noted.');
    expect(await textOf(page.locator('main'))).not.toContain('practice review panel');
    await checkAxe(page);
    await go(page, () => page.goBack());

    // The search of published papers: refused dates say what is wrong; words find public papers only.
    await go(page, () => page.click('a:has-text("Back to the committee")'));
    await go(page, () => page.click('a:has-text("All committees")'));
    await go(page, () => page.click('a:has-text("Search published papers")'));
    await checkAxe(page);
    await page.fill('#q', 'safeguarding');
    await page.fill('#from-day', '31');
    await page.fill('#from-month', '2');
    await page.fill('#from-year', '2020');
    await go(page, () => page.click('button:has-text("Search")'));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('must be a real date');
    await checkAxe(page);
    await page.fill('#from-day', '1');
    await go(page, () => page.click('button:has-text("Search")'));
    const found = await textOf(page.locator('main'));
    expect(found).toMatch(/\d+ papers? found/);
    expect(found).toContain('Safeguarding performance report');
    expect(found).not.toContain('Local child safeguarding practice review');
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });
});

describe('the glossary', () => {
  it('a clerk keeps the glossary, refused a duplicate with the error summary, and chooses it for a pack', async () => {
    const page = await journey.newPage();
    await signIn(page, email('committee_clerk'));
    await go(page, () => page.click('.govuk-service-navigation a:has-text("Glossary")'));
    expect(await textOf(page.locator('h1'))).toBe('Glossary');
    expect(await textOf(page.locator('main table'))).toContain('Local authority designated officer');
    await checkAxe(page);
    await page.fill('#acronym', 'lado');
    await page.fill('#meaning', 'Another meaning');
    await go(page, () => page.click('button:has-text("Add to the glossary")'));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'The glossary already has LADO: change its meaning instead of adding it again',
    );
    await checkAxe(page);
    await page.fill('#acronym', 'PLO');
    await page.fill('#meaning', 'Public law outline');
    await go(page, () => page.click('button:has-text("Add to the glossary")'));
    expect(await textOf(page.locator('main table'))).toContain('Public law outline');

    // The next meeting's page offers the choice of glossary, already set to the acronyms used.
    await go(page, () => page.click('.govuk-service-navigation a:has-text("Committees")'));
    await go(page, () => page.click('main a:has-text("Safeguarding Sub-Committee")'));
    const next = formatDate(addMonths(today(systemClock), 1));
    await go(page, () => page.click(`main a:has-text("${next}")`));
    expect(await page.locator('input[name="glossary"][value="used"]').isChecked()).toBe(true);
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });
});
