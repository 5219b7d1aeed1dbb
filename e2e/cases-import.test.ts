/**
 * Browser journey for the SSD import: the person who loads the extract (an
 * administrator; there is no separate data officer role) uploads a bad
 * extract and reads what is wrong, then uploads a corrected one and sees it
 * applied. Every page is checked with axe.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { smallExtract, toCsv } from '../src/modules/cases/fixtures';
import { importSettled } from '../src/modules/cases/service';
import { checkAxe, go, type Journey, signIn, startJourney, textOf } from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => journey?.close());

const email = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;

/** Write an extract's tables as CSV files and return their paths. */
function writeExtract(tables: Record<string, string[][]>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'oversight-ssd-'));
  return Object.entries(tables).map(([name, rows]) => {
    const path = join(dir, name);
    writeFileSync(path, toCsv(rows));
    return path;
  });
}

async function upload(page: Page, files: string[], mode: 'full' | 'partial'): Promise<string> {
  await page.goto('/cases/import');
  await page.setInputFiles('input[name="files"]', files);
  await page.check(`input[name="mode"][value="${mode}"]`);
  await go(page, () => page.click('button:has-text("Check and import")'));
  await page.waitForLoadState('networkidle');
  const id = new URL(page.url()).pathname.split('/').at(-1)!;
  // The import runs on after the upload; the person would press "Check progress" until it ends.
  await importSettled(id);
  await page.goto(`/cases/import/${id}`);
  return id;
}

describe('an administrator importing the SSD extract', () => {
  it('reads what is wrong with a bad extract, then imports a corrected one', async () => {
    const page = await journey.newPage();
    await signIn(page, email('administrator'));
    await go(page, () => page.click('.govuk-service-navigation a:has-text("SSD import")'));
    expect(await textOf(page.locator('h1'))).toBe('Import a Standard Safeguarding Dataset extract');
    await checkAxe(page);

    // Nothing chosen: the form says so.
    await go(page, () => page.click('button:has-text("Check and import")'));
    expect(await textOf(page.locator('.govuk-error-summary'))).toMatch(/file/i);
    await checkAxe(page);

    // A wrong date, a person not in the extract: rejected, each problem named.
    const bad = smallExtract();
    bad['ssd_person.csv']![1]![6] = '2009-02-30';
    bad['ssd_cin_episodes.csv']![1]![1] = 'P404';
    await upload(page, writeExtract(bad), 'partial');
    expect(await textOf(page.locator('h1'))).toContain('Rejected');
    const problems = await textOf(page.locator('table:has(caption:has-text("Problems found"))'));
    expect(problems).toContain('ssd_person.csv');
    // An administrator sees where each problem is, never the child's values (a date of birth).
    expect(problems).not.toContain('2009-02-30');
    expect(problems).toContain('P404');
    await checkAxe(page);

    // Corrected: applied, with counts by table.
    await upload(page, writeExtract(smallExtract()), 'partial');
    expect(await textOf(page.locator('h1'))).toContain('Imported');
    expect(await textOf(page.locator('table:has(caption:has-text("Records by table"))'))).toContain(
      'ssd_person',
    );
    await checkAxe(page);

    await page.waitForLoadState('networkidle');
    await page.goto('/cases/imports');
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });
});
