/**
 * Browser journeys for a committee paper, from its author to the members, on
 * the small demo authority: a service manager drafts a report embedding an
 * improvement plan's table and sends it to a senior leader, who signs it
 * off; the clerk accepts it, and the disclosure check of the public pack
 * finds the child the author named; the author takes the name out, it is
 * signed off and accepted again, and the clerk publishes. A member of the
 * committee reads a non-public paper. Every page is checked with axe and
 * reflows at 320 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { addMonths } from '../src/platform/calendar/working-days';
import { systemClock, today } from '../src/platform/clock';
import { checkAxe, fillDate, go, type Journey, signIn, startJourney, textOf } from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => journey?.close());

const user = (role: string) => DEMO_USERS.find((u) => u.role === role)!;

/** The report's author sends it to the senior leader, who signs it off; the clerk accepts it. */
async function signOffAndAccept(author: Page, leader: Page, clerk: Page, reportUrl: string) {
  await author.goto(reportUrl);
  await author.selectOption('#signOffBy', { label: user('senior_leader').name });
  await go(author, () => author.click('button:has-text("Send for sign-off")'));
  expect(await textOf(author.locator('main'))).toContain(`(sign-off by ${user('senior_leader').name})`);

  await leader.goto('/committee-business/sign-off');
  await checkAxe(leader);
  await go(leader, () => leader.click('main a:has-text("Progress of the improvement plan")'));
  await checkAxe(leader);
  await go(leader, () => leader.click('button:has-text("Sign off the report")'));

  await clerk.goto('/committee-business/to-accept');
  await go(clerk, () => clerk.click('main a:has-text("Progress of the improvement plan")'));
  await go(clerk, () => clerk.click('button:has-text("Accept the report for the agenda")'));
}

describe('a committee paper', () => {
  it('is drafted with a plan table, signed off, stopped by the disclosure check for a child’s name, put right and published', async () => {
    // A child the service manager can see: the name the author will write by mistake.
    const author = await journey.newPage();
    await signIn(author, user('service_manager').email);
    await author.goto('/children?open=yes');
    const child = await textOf(author.locator('main table a.govuk-link').first());
    expect(child).toMatch(/\S+ \S+/);

    // The clerk adds a meeting with a report item.
    const clerk = await journey.newPage();
    await signIn(clerk, user('committee_clerk').email);
    await go(clerk, () => clerk.click('.govuk-service-navigation a:has-text("Committees")'));
    await go(clerk, () => clerk.click('main a:has-text("Safeguarding Sub-Committee")'));
    await go(clerk, () => clerk.click('a:has-text("Add a meeting")'));
    await fillDate(clerk, 'date', addMonths(today(systemClock), 5));
    await clerk.fill('#startTime', '10:00');
    await clerk.fill('#venue', 'Committee Room 2');
    await go(clerk, () => clerk.click('button:has-text("Add meeting")'));
    const meetingUrl = clerk.url();
    await go(clerk, () => clerk.click('a:has-text("Add a report")'));
    await clerk.fill('#title', 'Progress of the improvement plan');
    await clerk.fill('#fromOfficer', 'Director of Children’s Services');
    await clerk.check('input[name="purpose"][value="information"]');
    await clerk.check('input[name="part"][value="1"]');
    await go(clerk, () => clerk.click('button:has-text("Add to the agenda")'));

    // The author drafts the report, naming the child, and embeds the plan's table.
    await author.goto(meetingUrl);
    await checkAxe(author);
    await go(author, () => author.click('a:has-text("report for item")'));
    const reportUrl = author.url();
    await author.fill('#subject', 'Progress of the improvement plan');
    await author.fill('#reportOf', 'Director of Children’s Services');
    await author.fill('#author', `${user('service_manager').name}, ${user('service_manager').jobTitle}`);
    await author.fill('#summary', `Work with ${child} shows the plan's actions reaching children.`);
    await author.fill('#recommendations', '- That the committee notes the progress.');
    await author.fill(
      '#mainReport',
      '## Current position\nMost actions are on track.\n\n| Actions | Number |\n| On track | 12 |',
    );
    await go(author, () => author.click('button:has-text("Save draft")'));
    expect(await author.locator('.govuk-error-summary').count()).toBe(0);
    const plan = await author
      .locator('#component option', { hasText: 'Improvement plan (a published snapshot)' })
      .first()
      .getAttribute('value');
    expect(plan).toMatch(/^plans\.snapshot\|/);
    await author.selectOption('#component', plan!);
    await author.fill('#title', 'The improvement plan as published');
    await author.check('input[name="visibility"][value="public"]');
    await go(author, () => author.click('button:has-text("Add appendix")'));
    expect(await textOf(author.locator('main'))).toContain(
      'Appendix 1: The improvement plan as published (public)',
    );
    await checkAxe(author);

    const leader = await journey.newPage();
    await signIn(leader, user('senior_leader').email);
    await signOffAndAccept(author, leader, clerk, reportUrl);

    // The disclosure check finds the name in the public pack and blocks publication.
    await clerk.goto(meetingUrl);
    await go(clerk, () => clerk.click('a:has-text("Check and publish")'));
    expect(await textOf(clerk.locator('[data-findings]'))).toContain(child);
    expect(await textOf(clerk.locator('#publish'))).toContain('Publication is blocked');
    await checkAxe(clerk);

    // The author takes the name out; signed off and accepted again, the pack is published.
    await author.goto(reportUrl);
    await go(author, () => author.click('button:has-text("Return the report to draft for changes")'));
    await author.fill('#summary', "Work with children shows the plan's actions reaching them.");
    await go(author, () => author.click('button:has-text("Save draft")'));
    await signOffAndAccept(author, leader, clerk, reportUrl);
    await clerk.goto(meetingUrl);
    await go(clerk, () => clerk.click('a:has-text("Check and publish")'));
    expect(await clerk.locator('[data-clear]').count()).toBe(1);
    await go(clerk, () => clerk.click('button:has-text("Publish")'));
    expect(await textOf(clerk.locator('main'))).toContain('Version 1, published');
    await go(clerk, () => clerk.click('a:has-text("public pack") >> nth=0'));
    const pack = await textOf(clerk.locator('main'));
    expect(pack).toContain('The improvement plan as published');
    expect(pack).not.toContain(child);
    await checkAxe(clerk);
    for (const page of [author, leader, clerk]) expect(journey.problems(page)).toEqual([]);
  });
});

describe('a member of the committee', () => {
  it('reads a non-public paper of their committee', async () => {
    const page = await journey.newPage();
    await signIn(page, user('committee_member').email);
    await go(page, () => page.click('.govuk-service-navigation a:has-text("Committees")'));
    await go(page, () => page.click('main a:has-text("Safeguarding Sub-Committee")'));
    await checkAxe(page);
    await go(page, () => page.locator('main table a[href^="/committee-business/meetings/"]').first().click());
    await go(page, () => page.click('a:has-text("non-public pack") >> nth=0'));
    const paper = await textOf(page.locator('main'));
    expect(paper).toContain('Local child safeguarding practice review: update');
    expect(paper).toContain('The review panel has met twice this quarter');
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });
});
