import type { DemoOrganisation } from '../../src/demo/organisation';
import { extractFiles, smallExtract } from '../../src/modules/cases/fixtures';
import { type ImportHooks, type ImportOutcome, importAndWait } from '../../src/modules/cases/importer';
import type { TestContext } from './app';

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
    organisationId: org.organisationId,
    userId: org.userIds.administrator,
    origin: 'upload',
    mode: 'full',
    files: extractFiles(extract),
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
    hooks,
  });
  if (outcome.status !== 'applied') throw new Error(`fixture import ${outcome.status}`);
  return outcome;
}
