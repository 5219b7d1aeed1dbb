/**
 * After an error on a form that takes files, the address bar never shows the
 * CSRF token: each upload form is sent with nothing chosen (and again from
 * the error page), and the address is checked each time.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { go, type Journey, signIn, startJourney } from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => journey?.close());

const email = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;

async function send(page: Page, button: string) {
  await go(page, () => page.click(`button:has-text("${button}")`));
}

function expectNoToken(page: Page) {
  expect(page.url()).not.toMatch(/csrf/i);
}

describe('upload forms after an error', () => {
  it('never put the CSRF token in the address', async () => {
    const page = await journey.newPage();
    await signIn(page, email('administrator'));
    const notCsv = join(tmpdir(), 'not-an-extract.txt');
    writeFileSync(notCsv, 'hello');

    await page.goto('/cases/import');
    await send(page, 'Check and import');
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    expectNoToken(page);
    // Again from the error page, this time with a file that is not an extract.
    await page.setInputFiles('input[name="files"]', notCsv);
    await send(page, 'Check and import');
    // The file is read after the upload: its problems are reported on the import's own page.
    expect(new URL(page.url()).pathname).toMatch(/^\/cases\/import\/[0-9a-f-]{36}$/);
    expectNoToken(page);

    await page.goto('/admin/branding');
    await page.setInputFiles('input[name="logo"]', notCsv);
    await send(page, 'Upload logo');
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    expectNoToken(page);
    await send(page, 'Upload logo');
    expectNoToken(page);

    const manager = await journey.newPage();
    await signIn(manager, email('service_manager'));
    await manager.goto('/plans/import');
    const button = (await manager
      .locator('form[enctype="multipart/form-data"] button')
      .first()
      .textContent())!.trim();
    await send(manager, button);
    expect(await manager.locator('.govuk-error-summary').count()).toBe(1);
    expectNoToken(manager);
    await send(manager, button);
    expectNoToken(manager);
  });
});
