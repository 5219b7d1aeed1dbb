import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createOversight } from '../src/app';
import { loadDemoIfEmpty } from '../src/demo/load';
import { loadConfig } from '../src/platform/config';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder holding the small demo authority, loaded once for the run; each journey copies it. */
    demoDataDir: string;
  }
}

/**
 * Load the small demo authority once for all the journeys: each starts on a
 * copy of this folder (e2e/helpers.ts) rather than building the demo again.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'oversight-e2e-demo-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: 'small', DATA_DIR: dataDir });
  const oversight = await createOversight(config);
  try {
    await loadDemoIfEmpty(oversight, config);
  } finally {
    await oversight.close();
  }
  project.provide('demoDataDir', dataDir);
  return async () => rmSync(dataDir, { recursive: true, force: true });
}
