import { defineConfig } from 'vitest/config';

/**
 * Browser journeys: Oversight started in process, driven by Debian's Chromium
 * through playwright-core, every page checked with axe. One file at a time in
 * one worker: a browser per file is heavy on a 2-core machine.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
