/**
 * The child's record leads with what is due, each with its action, and
 * remembers where the person came from: the back link and the navigation
 * mark that list, not always "Find a child". Searching with a narrow scope
 * says what the search covers. Data: the timescales extract
 * (src/modules/compliance/fixtures.ts): Priya holds Rowan (P1) and Kit (P2)
 * with two overdue tasks between them; Dawit (P3) is Noor's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timescalesExtract } from '../../src/modules/compliance/fixtures';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { importInto } from '../home/helpers';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
  await importInto(ctx, ctx.org, timescalesExtract());
});
afterAll(async () => ctx.close());

const decode = (s: string) => s.replaceAll('&amp;', '&');

/** The navigation item marked as the person's section. */
function markedSection(html: string): string[] {
  return [...html.matchAll(/govuk-service-navigation__item--active">\s*<a[^>]*href="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
}

/** The link to a child's record from a list, by the child's name. */
function childLink(html: string, name: string): string {
  const match = new RegExp(`href="(/children/[0-9a-f-]{36}[^"]*)">${name}`).exec(html);
  if (!match) throw new Error(`no link to ${name}`);
  return decode(match[1]!);
}

async function open(agent: Agent, href: string) {
  const res = await agent.get(href);
  expect(res.statusCode, href).toBe(200);
  return res.body;
}

describe("the child's record", () => {
  it('opens from My tasks with the way back to My tasks, and marks My tasks in the navigation', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const href = childLink(await open(priya, '/tasks'), 'Kit Mallory');
    expect(href).toContain('?from=%2Ftasks');
    const record = await open(priya, href);
    expect(record).toContain('Back to My tasks');
    expect(record).toContain('<a href="/tasks" class="govuk-back-link"');
    expect(markedSection(record)).toEqual(['/tasks']);
  });

  it('opens from My cases, filtered, and goes back to the same filtered list', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const href = childLink(await open(priya, '/children/mine?views=due'), 'Rowan Ashgrove');
    const record = await open(priya, href);
    expect(record).toContain('href="/children/mine?views=due"');
    expect(record).toContain('Back to My cases');
    // Titles say which page this is: the filtered list, and whose record.
    expect(await open(priya, '/children/mine?views=due')).toContain(
      '<title>My cases: children whose views are due – Oversight</title>',
    );
    expect(record).toContain('<title>Child&#39;s record: Rowan Ashgrove – Oversight</title>');
    expect(markedSection(record)).toEqual(['/children/mine']);
  });

  it('marks Team cases for a manager who came from there, and Find a child when no list is named', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const href = childLink(await open(manager, '/children/team'), 'Dawit Haile');
    expect(markedSection(await open(manager, href))).toEqual(['/children/team']);
    const bare = await open(manager, href.split('?')[0]!);
    expect(markedSection(bare)).toEqual(['/children']);
    expect(bare).not.toContain('govuk-back-link');
  });

  it('offers no way back to another site', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const href = childLink(await open(priya, '/children/mine'), 'Kit Mallory').split('?')[0]!;
    for (const evil of ['https://evil.example/tasks', '//evil.example/tasks', '/\\evil.example']) {
      const record = await open(priya, `${href}?from=${encodeURIComponent(evil)}`);
      expect(record).not.toContain('govuk-back-link');
      expect(record).not.toContain('evil.example');
    }
  });

  it('leads with what is due and overdue, each with its action, then the summary', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const tasks = await open(priya, '/tasks');
    const record = await open(priya, childLink(tasks, 'Kit Mallory'));
    const due = record.indexOf('Due and overdue');
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThan(record.indexOf('>Summary<'));
    expect(record.indexOf('>Summary<')).toBeLessThan(record.indexOf('Date of birth'));
    expect(record).toMatch(/<strong>\d+ overdue<\/strong>/);
    // The child's views have never been recorded: said first, with the way to record them.
    expect(record.indexOf("Kit's views have not been recorded in Oversight")).toBeLessThan(due);
    // A visit task (Priya has one overdue) is recorded from the record itself, not only from My tasks;
    // the form brings the person back to the record.
    const visits: string[] = [];
    for (const name of ['Kit Mallory', 'Rowan Ashgrove']) {
      const href = childLink(tasks, name);
      const id = /\/children\/([0-9a-f-]{36})/.exec(href)![1]!;
      const page = name === 'Kit Mallory' ? record : await open(priya, href);
      for (const m of page.matchAll(
        /href="(\/children\/[0-9a-f-]{36}\/visits\/new\?[^"]+)">Record a visit/g,
      )) {
        const form = decode(m[1]!);
        expect(form).toContain(`/children/${id}/visits/new?kind=`);
        expect(form).toContain(`back=/children/${id}`);
        visits.push(form);
      }
    }
    expect(visits.length).toBeGreaterThan(0);
    expect((await priya.get(visits[0]!)).statusCode).toBe(200);
  });
});

describe('searching with a narrow scope', () => {
  it('tells an independent auditor the search covers only the children they may see, not to check the spelling', async () => {
    const auditor = await signedIn(ctx, emailOf(ctx.org, 'independent_auditor'));
    const page = await open(auditor, '/children?q=Mallory');
    expect(page).toContain('0 children found');
    expect(page).toContain(
      'The search covers only the children whose records you have been given for an audit',
    );
    expect(page).not.toContain('Check the spelling');
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const found = await open(manager, '/children?q=Mallory');
    expect(found).toContain('1 child found');
    const none = await open(manager, '/children?q=Nobodyatall');
    expect(none).toContain('Check the spelling');
  });

  it('says the page in the title of paged results', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    expect(await open(manager, '/children?q=Mallory')).toContain(
      '<title>Find a child: search results – Oversight</title>',
    );
  });
});
