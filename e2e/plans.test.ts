import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import type { Role } from '../src/platform/permissions';
import { checkAxe, go, type Journey, screenshot, signIn, startJourney, textOf } from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => journey?.close());

const emailOf = (role: Role) => DEMO_USERS.find((u) => u.role === role)!.email;
const heading = (page: Page) => textOf(page.locator('h1').first());
const path = (page: Page) => new URL(page.url()).pathname;

/** Follow a link or press a button and wait for the next page to load. */
async function follow(page: Page, selector: string): Promise<void> {
  await go(page, () => page.click(selector));
}

/** The text of one file inside a zip (a DOCX), read through its central directory. */
function unzipEntry(zip: Buffer, name: string): string | undefined {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const nameLength = zip.readUInt16LE(p + 28);
    const entryName = zip.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    if (entryName === name) {
      const local = zip.readUInt32LE(p + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + zip.readUInt32LE(p + 20));
      return (zip.readUInt16LE(p + 10) === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return undefined;
}

describe('improvement plans', () => {
  it('a lead finds their action, is told to give a reason, and sets it amber with one', async () => {
    const page = await journey.newPage();
    await signIn(page, emailOf('practitioner'));
    await follow(page, '.govuk-service-navigation a:has-text("Plans")');
    expect(await heading(page)).toBe('Improvement plans');
    await checkAxe(page);
    await follow(page, 'a:has-text("My actions")');
    expect(await heading(page)).toBe('My actions');
    await checkAxe(page);

    const row = page
      .locator('tbody tr')
      .filter({ has: page.locator('.govuk-tag--green') })
      .first();
    const reference = await textOf(row.locator('a').first());
    await go(page, () => row.locator('a').first().click());
    expect(await heading(page)).toBe(`Action ${reference}`);
    await checkAxe(page);

    await follow(page, 'a:has-text("Add an update")');
    expect(await heading(page)).toBe(`Update action ${reference}`);
    await checkAxe(page);
    await page.fill(
      '#progress',
      'Two of the three teams have started; the third is waiting for training dates.',
    );
    await page.fill('#focus', 'Book the training for the third team and check the first audit results.');
    await page.check('input[name="rag"][value="amber"]');
    await follow(page, 'button:has-text("Save update")');
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter why the RAG status is changing',
    );
    expect(await page.title()).toMatch(/^Error: /);
    await checkAxe(page);

    await page.check('input[name="rag"][value="amber"]');
    await page.fill('#reason', 'Training dates for the third team have slipped by a month.');
    await follow(page, 'button:has-text("Save update")');
    expect(path(page)).toMatch(/^\/plans\/actions\//);
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(`Action ${reference} updated`);
    expect(await textOf(page.locator('.app-action-status'))).toContain('Amber');
    const latest = page.locator('.moj-timeline__item').filter({ hasText: 'RAG status changed' }).first();
    expect(await textOf(latest)).toContain('Training dates for the third team have slipped by a month.');
    expect(await textOf(latest)).toContain('by Priya Ashdown');
    await checkAxe(page);
    await screenshot(page, 'plans-action-amber');
    expect(journey.problems(page)).toEqual([]);
  });

  it('a service manager publishes a snapshot and compares it with the previous one', async () => {
    const page = await journey.newPage();
    await signIn(page, emailOf('service_manager'));
    await page.goto('/plans');
    await follow(page, 'a:has-text("Children’s Services Improvement Plan")');
    expect(await heading(page)).toBe('Children’s Services Improvement Plan');
    expect(await textOf(page.locator('[data-counts]'))).toMatch(
      /^\d+ green, \d+ amber, \d+ red, \d+ complete(, \d+ not rated)?$/,
    );
    await checkAxe(page);
    await screenshot(page, 'plans-committee-table');

    await page.check('#rag-2');
    await follow(page, 'button:has-text("Apply filters")');
    const tags = await page.locator('.app-plan-table tbody td .govuk-tag:not(.app-flag)').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    // The demo authority scores its actions: a scored tag says its score after the status ("Amber, score 4").
    expect(new Set(tags.map((t) => t.trim().split(',')[0]))).toEqual(new Set(['Amber']));
    expect(tags.some((t) => /^Amber, score [4-6]$/.test(t.trim()))).toBe(true);
    await checkAxe(page);

    await follow(page, 'a:has-text("Publish or see published versions")');
    expect(await heading(page)).toBe('Published versions');
    await checkAxe(page);
    await follow(page, 'button:has-text("Publish version 3")');
    expect(path(page)).toMatch(/\/snapshots\/3$/);
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Version 3 published');
    await checkAxe(page);

    await follow(page, 'a:has-text("Compare with version 2")');
    expect(await heading(page)).toBe('Compare versions 2 and 3');
    const changed = await textOf(page.locator('h2:has-text("RAG status changed")'));
    expect(Number(/\((\d+)\)/.exec(changed)?.[1])).toBeGreaterThan(0);
    await checkAxe(page);
    await screenshot(page, 'plans-compare');
    expect(journey.problems(page)).toEqual([]);
  });

  it('a committee clerk exports the committee table as a Word document', async () => {
    const page = await journey.newPage();
    await signIn(page, emailOf('committee_clerk'));
    await page.goto('/plans');
    await follow(page, 'a:has-text("Children’s Services Improvement Plan")');
    await checkAxe(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("Download as Word (DOCX), landscape")'),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^OFFICIAL-SENSITIVE_children-s-services-improvement-plan-\d{4}-\d{2}-\d{2}\.docx$/,
    );
    const file = readFileSync((await download.path())!);
    const xml = unzipEntry(file, 'word/document.xml') ?? '';
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('Priority 1: Children are seen and heard');
    expect(xml).toContain('Outcome for children');

    await page.goto('/plans');
    await follow(page, 'a:has-text("Safeguarding Committee: outstanding actions")');
    expect(await textOf(page.locator('.app-plan-table thead'))).toBe(
      'Action Date added and agenda item Officer Target date for completion Status',
    );
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });

  it('a committee member reads the published version only, on accessible pages', async () => {
    const page = await journey.newPage();
    await signIn(page, emailOf('committee_member'));
    await follow(page, '.govuk-service-navigation a:has-text("Plans")');
    expect(await page.locator('text=Plans in progress').count()).toBe(0);
    await checkAxe(page);
    await follow(page, 'a:has-text("Version 2")');
    expect(await textOf(page.locator('.govuk-caption-l'))).toMatch(/^Version 2, as at /);
    await checkAxe(page);
    await follow(page, 'a:has-text("Print-ready page")');
    expect(await page.locator('table.app-print__table').count()).toBe(1);
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });
});

describe('actions as plans write them, and a scored RAG key', () => {
  it('a manager adds an action with a month start, an end as written, a sub-heading and two leads', async () => {
    const page = await journey.newPage();
    await signIn(page, emailOf('service_manager'));
    await page.goto('/plans');
    await follow(page, 'a:has-text("Children’s Services Improvement Plan")');
    await follow(page, 'a.govuk-button:has-text("Add an action")');
    expect(await heading(page)).toBe('Add an action');
    await checkAxe(page);
    await page.selectOption('#priorityId', { index: 1 });
    await page.fill('#subHeading', 'Specific aim: families are heard first');
    await page.fill('#reference', '1.40');
    await page.fill('#action', 'Family network meetings offered before every initial conference');
    await page.fill('#startDate-month', '4');
    await page.fill('#startDate-year', '2026');
    await page.fill('#endDate-text', 'Summer 2027');
    await page.selectOption('#leadOfficerId', { index: 1 });
    await page.locator('input[name="otherLeadIds"]').nth(2).check();
    await follow(page, 'button:has-text("Add action")');
    expect(await heading(page)).toBe('Action 1.40');
    const summary = await textOf(page.locator('.govuk-summary-list').first());
    expect(summary).toContain('April 2026');
    expect(summary).toContain('Summer 2027');
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });

  it('an administrator sees the score bands on the RAG key page', async () => {
    const page = await journey.newPage();
    await signIn(page, emailOf('administrator'));
    await page.goto('/plans/settings/rag-key');
    expect(await heading(page)).toBe('RAG key for plan actions');
    expect(await page.isChecked('#scored-2')).toBe(true);
    expect(await page.inputValue('#redTo')).toBe('3');
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });
});

describe("importing a committee's Word plan", () => {
  it('goes through the preview, takes a changed column mapping, and shows the counts with Not rated', async () => {
    const { wordPlanDocx } = await import('../src/modules/plans/word-plan-fixture');
    // The "Who?" column names posts on the demo authority's roster.
    const docx = await wordPlanDocx([
      'DCS',
      'HCIC',
      'DCS/HCIC',
      'HAI and HCIC',
      'QAM',
      'Quality Assurance Manager',
    ]);
    const page = await journey.newPage();
    await signIn(page, emailOf('service_manager'));
    await page.goto(`${journey.baseUrl}/plans/import`);
    expect(await heading(page)).toBe('Import a plan');
    await checkAxe(page);
    await page.fill('#name', 'Service improvement plan from the committee papers');
    await page.setInputFiles('#file', {
      name: 'committee-plan.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await follow(page, 'button:has-text("Check the file")');
    expect(await heading(page)).toBe('Check the plan before importing it');
    expect(await textOf(page.locator('[data-import-counts]'))).toBe(
      '40 green, 20 amber, 20 red, 20 complete, 20 not rated',
    );
    await checkAxe(page);

    await page.selectOption('#column-5', 'extra');
    await follow(page, 'button:has-text("Check again with these columns")');
    expect(await textOf(page.locator('#notices'))).toContain('"Comments" is kept as further information');
    await page.selectOption('#column-5', 'progress');
    await follow(page, 'button:has-text("Import plan")');
    expect(await heading(page)).toBe('Service improvement plan from the committee papers');
    expect(await textOf(page.locator('[data-counts]'))).toContain('20 not rated');
    await checkAxe(page);
  });
});
