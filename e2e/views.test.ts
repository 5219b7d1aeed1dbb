/**
 * Charts and the chronology in the browser: the service dashboard's chart is
 * an SVG image with its data table, kept as a picture at 1280 px and 320 px
 * (e2e/artifacts, not committed); a practitioner filters a child's
 * chronology in the MoJ filter panel, prints it without the navigation, the
 * forms or link addresses but with the protective marking, and downloads it
 * as DOCX and PDF. Every page is checked with axe and at 320 px (checkAxe).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { ARTIFACTS, checkAxe, go, type Journey, signIn, startJourney, textOf } from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
  await journey.oversight.app.deps.background.idle();
});
afterAll(async () => journey?.close());

const email = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the service dashboard chart', () => {
  it('is an SVG image with an axis and its data table, readable at 1280 px and 320 px', async () => {
    const page = await journey.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, email('service_manager'));
    await go(page, () => page.goto('/timescales'));
    const chart = page.locator('.app-chart svg[role="img"]');
    expect(await chart.count()).toBe(1);
    const name = await page.locator('.app-chart svg title').textContent();
    expect(name).toContain('done on time');
    expect(await textOf(page.locator('.app-chart svg'))).toContain('Done on time (%)');
    expect(
      await page.locator('table:has(caption:has-text("the data behind the chart")) tbody tr').count(),
    ).toBe(12);
    await checkAxe(page);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('.app-chart').screenshot({ path: join(ARTIFACTS, 'service-chart-1280.png') });
    await page.setViewportSize({ width: 320, height: 900 });
    const box = await chart.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(300);
    await page.locator('.app-chart').screenshot({ path: join(ARTIFACTS, 'service-chart-320.png') });
    expect(journey.problems(page)).toEqual([]);
  });
});

describe('the access audit', () => {
  it('fits a 1280 px screen: its table does not scroll, its long identifiers wrap', async () => {
    const page = await journey.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, email('administrator'));
    await go(page, () => page.goto('/admin/audit'));
    const region = page.locator('main .app-table-region').first();
    expect(await region.getAttribute('role')).toBe('region');
    expect(await region.getAttribute('tabindex')).toBe('0');
    const [scrollWidth, clientWidth] = await region.evaluate((e) => {
      const el = e as unknown as { scrollWidth: number; clientWidth: number };
      return [el.scrollWidth, el.clientWidth];
    });
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await checkAxe(page);
  });
});

describe("a child's chronology", () => {
  it('filters in the filter panel, prints without navigation and downloads as DOCX and PDF', async () => {
    const page = await journey.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, email('practitioner'));
    await go(page, () => page.goto('/children/mine'));
    await go(page, () => page.locator('main a[href^="/children/"]').first().click());
    await go(page, () => page.locator('main a[href$="/chronology"]').first().click());
    expect(await textOf(page.locator('h1'))).toBe('Chronology');
    expect(await textOf(page.locator('#events'))).toMatch(/newest first$/);
    await checkAxe(page);

    // With JavaScript the filter panel folds away behind a button until it is wanted.
    const panel = page.locator('.moj-filter');
    expect(await panel.isVisible()).toBe(false);
    await page.click('button:has-text("Show filter")');
    expect(await panel.isVisible()).toBe(true);
    await page.check('input[name="order"][value="oldest"]');
    await go(page, () => page.click('.moj-filter button:has-text("Apply filters")'));
    expect(new URL(page.url()).searchParams.get('order')).toBe('oldest');
    expect(await textOf(page.locator('#events'))).toMatch(/oldest first$/);
    await checkAxe(page);

    // Printed: the content and the protective marking, without navigation, forms or link addresses.
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.govuk-service-navigation', '.app-account-bar', 'main form', '.moj-action-bar']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    expect(await page.locator('a:has-text("Download the chronology as a PDF")').isVisible()).toBe(false);
    expect(await page.locator('[data-protective-marking]').isVisible()).toBe(true);
    expect(await page.locator('.moj-timeline').isVisible()).toBe(true);
    const linkAfter = await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { querySelector(s: string): unknown };
        getComputedStyle(e: unknown, p: string): { content: string };
      };
      return g.getComputedStyle(
        g.document.querySelector('.govuk-footer a.govuk-footer__link, main a.govuk-link'),
        '::after',
      ).content;
    });
    expect(linkAfter).toBe('none');
    await page.emulateMedia({ media: 'screen' });

    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("as a Word document (DOCX)")'),
    ]);
    expect(docx.suggestedFilename()).toMatch(/^OFFICIAL-SENSITIVE_chronology-[0-9a-f-]+\.docx$/);
    expect((await bytesOf(docx)).subarray(0, 2).toString('latin1')).toBe('PK');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("as a PDF")')]);
    expect(pdf.suggestedFilename()).toMatch(/^OFFICIAL-SENSITIVE_chronology-[0-9a-f-]+\.pdf$/);
    expect((await bytesOf(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Chromium reports a download as a failed navigation; anything else is a real problem.
    expect(journey.problems(page).filter((p) => !p.includes('/chronology/download/'))).toEqual([]);
  });
});
