import { defineConfig } from 'vitest/config';

/**
 * Browser journeys: Oversight started in process, driven by Debian's Chromium
 * through playwright-core, every page checked with axe. Two files at a time:
 * a journey spends much of its time waiting on the browser, so two keep a
 * 2-core machine busy (916 s one at a time, under 520 s two at a time even on
 * a loaded machine). Each file starts its own service on its own copy of the
 * demo data, so files share a worker's loaded modules (isolate: false).
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['e2e/global-setup.ts'],
    maxWorkers: 2,
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
