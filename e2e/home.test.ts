/**
 * Each role's home page on the small demo authority: it leads with what needs
 * attention, each count opens its list, every page is axe-clean at 1280 px and
 * 320 px, and a screenshot of each is kept in e2e/artifacts (not committed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { checkAxe, type Journey, pageWidth, screenshot, signIn, startJourney, textOf } from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => journey?.close());

describe('the home page of each role', () => {
  for (const { role, email } of DEMO_USERS) {
    it(`as ${role}: leads with what needs attention, and a count opens its list`, async () => {
      const page = await journey.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await signIn(page, email);
      expect(await textOf(page.locator('h1'))).toBe('What needs your attention');
      await checkAxe(page);
      await screenshot(page, `home-${role}-1280`);

      await page.setViewportSize({ width: 320, height: 900 });
      await page.reload();
      expect(await pageWidth(page)).toBeLessThanOrEqual(320);
      await checkAxe(page);
      await screenshot(page, `home-${role}-320`);
      await page.setViewportSize({ width: 1280, height: 900 });

      const counts = page.locator('main a[data-count]');
      if ((await counts.count()) === 0) {
        // Nothing to count for this role yet: the page says so plainly instead of inventing items.
        expect(await textOf(page.locator('main'))).toMatch(
          /Nothing in Oversight asks for your attention|nothing below is overdue/,
        );
      } else {
        const first = counts.first();
        const href = (await first.getAttribute('href')) ?? '';
        const response = await Promise.all([page.waitForURL((u) => u.pathname !== '/'), first.click()]).then(
          () => page.reload(),
        );
        expect(response?.status(), href).toBe(200);
        expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(href);
        await checkAxe(page);
      }
      expect(journey.problems(page)).toEqual([]);
    });
  }
});
