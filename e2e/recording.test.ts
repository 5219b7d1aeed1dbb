/**
 * Browser journeys for what Oversight records beside the extract: a
 * practitioner sets a placement's visiting kind, records a private fostering
 * arrangement and a visit, and records an event; their team manager withdraws
 * it. Every page is checked with axe.
 */
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { rawRows } from '../src/platform/db/client';
import { checkAxe, fillDate, go, type Journey, screenshot, signIn, startJourney, textOf } from './helpers';

let journey: Journey;
let child: { id: string; start: string };
beforeAll(async () => {
  journey = await startJourney();
  // One of the practitioner's children, in their team manager's team, with an open period of care and placement.
  const [row] = await rawRows<{ id: string; start: string }>(
    journey.oversight.database.db,
    sql`select p.id, max(pl.start_date)::text as start from case_people p
          join case_involvements i on i.person_id = p.id and i.end_date is null and i.closed_at is null
          join case_workers w on w.id = i.worker_id
          join users u on u.id = w.user_id and u.email = ${email('practitioner')}
          join case_teams ct on ct.id = i.case_team_id
          join users tm on tm.team_id = ct.team_id and tm.email = ${email('team_manager')}
          join case_cla_placements pl on pl.person_id = p.id and pl.end_date is null and pl.closed_at is null
        where exists (select 1 from case_cla_episodes e where e.person_id = p.id and e.ceased_date is null and e.closed_at is null)
        group by p.id order by p.id limit 1`,
  );
  if (!row)
    throw new Error(
      'the demo practitioner has no looked-after child with an open placement in the team manager’s team',
    );
  child = row;
});
afterAll(async () => journey?.close());

function email(role: string): string {
  return DEMO_USERS.find((u) => u.role === role)!.email;
}
const heading = (page: Page) => textOf(page.locator('h1').first());

async function submit(page: Page, button: string): Promise<void> {
  await go(page, () => page.click(`button:has-text("${button}")`));
}
async function open(page: Page, link: string): Promise<void> {
  await go(page, () => page.click(`a:has-text("${link}")`));
}
describe('recording beside the extract', () => {
  it('a practitioner sets a placement’s visiting kind and keeps a private fostering register', async () => {
    const page = await journey.newPage();
    await signIn(page, email('practitioner'));
    await page.goto(`/children/${child.id}`);
    await open(page, 'Placements and visiting');
    expect(await heading(page)).toBe('Placements and visiting');
    await checkAxe(page);
    await submit(page, 'Save placement kind');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Select a placement');
    await checkAxe(page);
    await page.locator('input[name="placement"]').first().check();
    await page.check('input[name="kind"][value="connected_person_temporary"]');
    await page.check('input[name="longTerm"][value="no"]');
    await submit(page, 'Save placement kind');
    expect(await textOf(page.locator('table'))).toContain('With a connected person on temporary approval');

    await page.goto(`/children/${child.id}`);
    await open(page, 'Private fostering');
    expect(await heading(page)).toBe('Private fostering');
    await checkAxe(page);
    await open(page, 'Record an arrangement');
    await submit(page, 'Save arrangement');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter the name of the private foster carer',
    );
    await checkAxe(page);
    await page.fill('input[name="carerName"]', 'Ada Linwood');
    await fillDate(page, 'notificationDate', child.start);
    await fillDate(page, 'startDate', child.start);
    await submit(page, 'Save arrangement');
    expect(await textOf(page.locator('table'))).toContain('Ada Linwood');
    await checkAxe(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.reload();
    await screenshot(page, 'private-fostering-320');
    const scroll = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(scroll).toBeLessThanOrEqual(320);
    expect(journey.problems(page)).toEqual([]);
  });

  it('a practitioner records an event and their team manager withdraws it, saying why', async () => {
    const page = await journey.newPage();
    await signIn(page, email('practitioner'));
    await page.goto(`/children/${child.id}/events/new`);
    await page.check('input[name="type"][value="care_plan"]');
    await fillDate(page, 'date', child.start);
    await submit(page, 'Record event');
    expect(await page.locator('.govuk-error-summary').count(), await textOf(page.locator('main'))).toBe(0);

    const manager = await journey.newPage();
    await signIn(manager, email('team_manager'));
    await manager.goto(`/children/${child.id}/events/new`);
    await checkAxe(manager);
    await go(manager, () => manager.locator('a:has-text("Withdraw")').first().click());
    expect(await heading(manager)).toBe('Withdraw a recorded event');
    await checkAxe(manager);
    await submit(manager, 'Withdraw event');
    expect(await textOf(manager.locator('.govuk-error-summary'))).toContain(
      'Enter why the event is being withdrawn',
    );
    await checkAxe(manager);
    await manager.fill('textarea[name="reason"]', 'Recorded for the wrong child');
    await submit(manager, 'Withdraw event');
    expect(await textOf(manager.locator('table'))).toContain('Recorded for the wrong child');
    await manager.goto(`/children/${child.id}/chronology`);
    expect(await textOf(manager.locator('.moj-timeline'))).toContain('Recorded event withdrawn');
    expect(journey.problems(manager)).toEqual([]);
  });
});
