import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { createOversight, type Oversight } from '../src/app';
import { loadDemoIfEmpty } from '../src/demo/load';
import { DEMO_PASSWORD } from '../src/demo/organisation';
import { loadConfig } from '../src/platform/config';

const require = createRequire(import.meta.url);

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** WCAG 2.2 AA, as the service's accessibility statement promises. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Journey {
  oversight: Oversight;
  baseUrl: string;
  browser: Browser;
  /** A new browser context: its own cookies, so a new person at a new machine. */
  newPage(): Promise<Page>;
  /** Script errors, console errors and failed assets (not pages) seen by this page so far. */
  problems(page: Page): string[];
  close(): Promise<void>;
}

/**
 * Oversight in this process on a random port, over a fresh embedded database
 * holding the small demo authority (a copy of the one e2e/global-setup.ts
 * loaded for the run), and a headless Chromium to drive it.
 */
export async function startJourney(): Promise<Journey> {
  const dataDir = mkdtempSync(join(tmpdir(), 'oversight-e2e-'));
  const demo = inject('demoDataDir');
  if (demo) cpSync(demo, dataDir, { recursive: true });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: 'small', DATA_DIR: dataDir });
  const oversight = await createOversight(config);
  await loadDemoIfEmpty(oversight, config);
  await oversight.app.listen({ host: '127.0.0.1', port: 0 });
  const address = oversight.app.server.address();
  if (!address || typeof address === 'string') throw new Error('Oversight is not listening on a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const contexts: BrowserContext[] = [];
  const problems = new WeakMap<Page, string[]>();
  return {
    oversight,
    baseUrl,
    browser,
    async newPage() {
      // bypassCSP lets the test inject axe; the service's own pages never need it.
      const context = await browser.newContext({ baseURL: baseUrl, bypassCSP: true });
      contexts.push(context);
      const page = await context.newPage();
      const seen: string[] = [];
      problems.set(page, seen);
      page.on('pageerror', (error) => seen.push(`script error on ${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        // A failed load is reported by the response listener, which knows whether it was a page.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          seen.push(`console error on ${page.url()}: ${message.text()}`);
      });
      page.on('response', (response) => {
        // A page answering 404 is the journey's business; a missing stylesheet, script or font is not.
        if (response.status() >= 400 && response.request().resourceType() !== 'document') {
          seen.push(`${response.status()} for ${response.url()}`);
        }
      });
      page.on('requestfailed', (request) => {
        // The browser fetches the favicon on its own, after the page; a click that navigates
        // first cancels it (net::ERR_ABORTED). That is no fault of the page: anything else is.
        const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
        if (aborted && new URL(request.url()).pathname === '/public/favicon.svg') return;
        seen.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
      });
      return page;
    },
    problems(page) {
      return problems.get(page) ?? [];
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await oversight.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Do what navigates (a click, a submit) and wait for the new page to finish loading. Playwright's
 * click returns once the navigation it started has committed; waiting for `load` after it waits for
 * the new document's scripts and styles. (Waiting for `load` beside the click resolves at once, on
 * the page being left, and the next click then cancels the new page's script as it loads.)
 */
export async function go(page: Page, action: () => Promise<unknown>): Promise<void> {
  await action();
  await page.waitForLoadState('load');
}

/** Fill a GOV.UK date input (`<name>-day`, `-month`, `-year`) with an ISO date, and its time field if given. */
export async function fillDate(page: Page, name: string, iso: string, time?: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  await page.fill(`input[name="${name}-day"]`, String(Number(d)));
  await page.fill(`input[name="${name}-month"]`, String(Number(m)));
  await page.fill(`input[name="${name}-year"]`, y!);
  if (time !== undefined) await page.fill(`input[name="${name}-time"]`, time);
}

/** Sign in through the sign-in form, as a person would, and land on the home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/'),
    page.click('button:has-text("Sign in")'),
  ]);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** The width of the whole page: more than the window means it scrolls sideways. */
export async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
}

/**
 * Reflow (WCAG 1.4.10): at 320 px wide the page must not scroll sideways;
 * only a data table may, inside its own region. The window is put back as it was.
 */
export async function checkReflow(page: Page): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width: 320, height: before.height });
  try {
    expect(await pageWidth(page), `${page.url()} is wider than 320 px at 320 px`).toBeLessThanOrEqual(320);
  } finally {
    await page.setViewportSize(before);
  }
}

/**
 * Run axe on the page as it stands; fail listing every violation and where it
 * is. Then check that the page reflows at 320 px (checkReflow): every page a
 * journey checks is checked for both.
 */
export async function checkAxe(page: Page): Promise<void> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async (tags) => {
    // Runs in the page: its globals are the browser's.
    const inPage = globalThis as unknown as {
      document: unknown;
      axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
    };
    const result = await inPage.axe.run(inPage.document, { runOnly: { type: 'tag', values: tags } });
    return result.violations;
  }, AXE_TAGS);
  const report = violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}\n` +
      v.nodes
        .map(
          (n) =>
            `    at ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
        )
        .join('\n'),
  );
  expect(
    report.length,
    `axe found ${report.length} accessibility problem(s) on ${page.url()}:\n${report.join('\n')}\n`,
  ).toBe(0);
  await checkReflow(page);
}

/** Keep a picture of the page for a person to look at (e2e/artifacts is not committed). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The text of an element, with its white space collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The text of each link in the service navigation, in order. */
export async function navigationItems(page: Page): Promise<string[]> {
  const texts = await page
    .locator('.govuk-service-navigation__list .govuk-service-navigation__link')
    .allTextContents();
  return texts.map((t) => t.replace(/\s+/g, ' ').trim());
}
