/**
 * Writing an import on the embedded database: each file, once checked, is
 * staged (by the database's own thread, a chunk per statement, other requests
 * running between them) while the main thread checks the next. Its one
 * connection cannot hold a transaction meanwhile, so the merge follows the
 * check, in one transaction.
 */
import { performance } from 'node:perf_hooks';
import { stageFile } from './import-apply';
import type { PlannedFile } from './import-check';
import { Merger } from './import-merge';
import { type CheckSummary, type ImportRun, quietProgress, type Written } from './import-run';
import { analyzeStaging } from './import-staging';

export async function writeAfterTheCheck(run: ImportRun): Promise<Written> {
  const { db, importId, input, planned, state, progress, staged } = run;
  const quiet = quietProgress();
  let staging: Promise<unknown> = Promise.resolve();
  const stage = (part: number, plan: PlannedFile, only: 'ready' | 'later') => {
    staged.set(part, 0);
    staging = staging.then(async () => {
      staged.set(part, await stageFile(db, plan, part, input, importId, state, quiet, only));
    });
    staging.catch(() => undefined);
  };
  let summary: CheckSummary;
  try {
    for (const [i, plan] of planned.entries()) {
      await run.checkOne(i, plan);
      // After an error nothing more is staged, but every file is still checked.
      if (state.errorCount === 0) stage(i, plan, 'ready');
    }
    summary = await run.checked();
  } finally {
    await staging.catch(() => undefined);
  }
  await staging;
  if (state.errorCount > 0) return { status: 'rejected', summary };
  const applyStarted = performance.now();
  await progress.set(
    { status: 'applying', phase: 'Preparing the changes', rowsTotal: summary.rowsTotal },
    true,
  );
  // Rows whose child was found through a record already in Oversight, each file's under a part of its own.
  for (const [i, plan] of planned.entries()) if (plan.later?.rows) stage(planned.length + i, plan, 'later');
  await staging;
  if ([...staged.values()].some((n) => n > 0)) await analyzeStaging(db);

  // The merge of staging into the register, in one transaction.
  input.hooks?.merging?.();
  await progress.set({ rowsDone: 0 }, true);
  run.holding(true);
  const mergeStarted = performance.now();
  try {
    const merger = await db.transaction(async (tx) => {
      // Its merges run with the reference triggers off: the database's one user is the service.
      const m = await Merger.begin(tx, importId, input, true);
      for (const [part, plan] of planned.entries()) {
        await progress.set({ phase: `Writing ${plan.spec.ssd}` }, true);
        await m.mergePart(plan, part, staged.get(part) ?? 0);
        progress.state.rowsDone += plan.rows;
      }
      for (const [i, plan] of planned.entries()) {
        const part = planned.length + i;
        if (staged.has(part)) await m.mergeLater(plan, part, staged.get(part)!);
      }
      await progress.set({ phase: 'Linking workers and teams, and updating each child’s summary' }, true);
      await m.finish(planned, summary.rowsTotal, run.today);
      return m;
    });
    return { status: 'merged', summary, merger, mergeStarted, applyStarted };
  } finally {
    run.holding(false);
  }
}
