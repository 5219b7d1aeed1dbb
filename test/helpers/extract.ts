import type { DemoOrganisation } from '../../src/demo/organisation';
import { type Csv, extractFiles, smallExtract } from '../../src/modules/cases/fixtures';
import {
  type ImportHooks,
  type ImportOutcome,
  importAndWait,
  type StartImport,
} from '../../src/modules/cases/importer';
import type { ExtractFile } from '../../src/modules/cases/ssd/extract';
import type { TestContext } from './app';

/** An import of these files into an organisation, uploaded by its administrator. */
export function importBy(
  ctx: TestContext,
  org: DemoOrganisation,
  files: ExtractFile[],
  mode: 'full' | 'partial' = 'full',
): StartImport {
  return {
    organisationId: org.organisationId,
    userId: org.userIds.administrator,
    origin: 'upload',
    mode,
    files,
    clock: ctx.clock,
    audit: {
      organisationId: org.organisationId,
      userId: org.userIds.administrator,
      ip: null,
      userAgent: 'test',
      requestId: null,
      at: ctx.clock.now(),
    },
    concurrentProgress: false,
  };
}

/** Import an extract into an organisation as its administrator, whatever the outcome. */
export function importExtract(
  ctx: TestContext,
  org: DemoOrganisation,
  extract: Record<string, Csv>,
  mode: 'full' | 'partial' = 'full',
): Promise<ImportOutcome> {
  return importAndWait(ctx.oversight.database.db, importBy(ctx, org, extractFiles(extract), mode));
}

/**
 * Import an SSD extract (the small one by default) into an organisation as its
 * administrator, or fail the test; `hooks` to look inside the import as it runs.
 */
export async function loadExtract(
  ctx: TestContext,
  org: DemoOrganisation,
  extract: ReturnType<typeof smallExtract> = smallExtract(),
  hooks?: ImportHooks,
): Promise<ImportOutcome> {
  const outcome = await importAndWait(ctx.oversight.database.db, {
    ...importBy(ctx, org, extractFiles(extract)),
    hooks,
  });
  if (outcome.status !== 'applied') throw new Error(`fixture import ${outcome.status}`);
  return outcome;
}
