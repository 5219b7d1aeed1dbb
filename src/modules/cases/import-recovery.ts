/**
 * Imports left running by an instance that is no longer there (killed, or
 * restarted during an import). Their transaction died with the process, so
 * nothing of them was written; until they are marked failed, the one-running-
 * import rule refuses every new import of the organisation.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import type { Instance } from '../../platform/instance';
import { caseImports } from './import-schema';
import { RUNNING_STATUSES } from './repository';

export const INTERRUPTED =
  'The import stopped before it finished because the service restarted. Nothing was written: start the import again.';

/** An import with no owner (started before owners were recorded) and silent this long was interrupted. */
export const SILENCE_MS = 15 * 60_000;

/**
 * Mark failed every running import (of one organisation, or of all) whose
 * owner is gone. The owner's lock tells at once (platform/instance.ts); an
 * import with no recorded owner, or checked without an instance, is judged by
 * its heartbeat instead. Returns the ids marked failed.
 */
export async function recoverInterruptedImports(
  db: Db,
  input: { at: Date; organisationId?: string; instance?: Pick<Instance, 'isLive'> },
): Promise<string[]> {
  const filters: SQL[] = [inArray(caseImports.status, [...RUNNING_STATUSES])];
  if (input.organisationId) filters.push(eq(caseImports.organisationId, input.organisationId));
  const running = await db
    .select({ id: caseImports.id, owner: caseImports.owner, heartbeatAt: caseImports.heartbeatAt })
    .from(caseImports)
    .where(and(...filters));
  const live = new Map<string, boolean>();
  const gone: string[] = [];
  for (const row of running) {
    if (row.owner && input.instance) {
      if (!live.has(row.owner)) live.set(row.owner, await input.instance.isLive(row.owner));
      if (!live.get(row.owner)) gone.push(row.id);
    } else if (!row.heartbeatAt || row.heartbeatAt.getTime() < input.at.getTime() - SILENCE_MS) {
      gone.push(row.id);
    }
  }
  if (!gone.length) return [];
  const failed = await db
    .update(caseImports)
    .set({
      status: 'failed',
      phase: 'Failed: nothing was written',
      failure: INTERRUPTED,
      finishedAt: input.at,
    })
    // Still running: an import that finished meanwhile keeps its outcome.
    .where(and(inArray(caseImports.id, gone), inArray(caseImports.status, [...RUNNING_STATUSES])))
    .returning({ id: caseImports.id });
  return failed.map((r) => r.id);
}
