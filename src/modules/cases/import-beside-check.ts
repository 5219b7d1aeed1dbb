/**
 * Writing an import on a PostgreSQL server: the transaction begins with the
 * check, and each file, once checked, is staged (on a connection of its own)
 * and merged (on the transaction's) while the next is checked, so the
 * database merges on one core while Node.js checks on the other. Nothing is
 * visible until the transaction commits, and an error found in any file rolls
 * it all back.
 */
import { performance } from 'node:perf_hooks';
import { stageFile } from './import-apply';
import { Merger } from './import-merge';
import { type CheckSummary, type ImportRun, quietProgress, type Written } from './import-run';
import { analyzeStaging } from './import-staging';

/** Thrown inside the transaction when the check finds errors: rolls it back. */
class Rejected extends Error {}

export async function writeBesideTheCheck(run: ImportRun): Promise<Written> {
  const { db, importId, input, planned, state, progress, staged } = run;
  const quiet = quietProgress();
  const mergeStarted = performance.now();
  let applyStarted = 0;
  let summary: CheckSummary | undefined;
  let merger: Merger | undefined;
  run.holding(true);
  try {
    await db.transaction(async (tx) => {
      input.hooks?.merging?.();
      const m = await Merger.begin(tx, importId, input);
      // The transaction's one connection takes one statement at a time: merges queue behind each other.
      let queue: Promise<unknown> = Promise.resolve();
      const then = (work: () => Promise<unknown>) => {
        queue = queue.then(work);
        queue.catch(() => undefined);
      };
      try {
        for (const [i, plan] of planned.entries()) {
          await run.checkOne(i, plan);
          // After an error nothing more is written (the transaction is rolled back), but every file
          // is still checked, so the data officer sees every problem at once.
          if (state.errorCount > 0) continue;
          staged.set(i, 0);
          const rows = await stageFile(db, plan, i, input, importId, state, quiet, 'ready');
          staged.set(i, rows);
          then(async () => {
            if (rows > 0) await analyzeStaging(db);
            await m.mergePart(plan, i, rows);
          });
        }
        summary = await run.checked();
        if (state.errorCount > 0) {
          await queue.catch(() => undefined);
          throw new Rejected();
        }
        applyStarted = performance.now();
        await progress.set(
          { status: 'applying', phase: 'Writing the register', rowsTotal: summary.rowsTotal },
          true,
        );
        // Rows whose child was found through a record already in Oversight, each file's under a part of its own.
        for (const [i, plan] of planned.entries()) {
          if (!plan.later?.rows) continue;
          const part = planned.length + i;
          staged.set(part, 0);
          const rows = await stageFile(db, plan, part, input, importId, state, quiet, 'later');
          staged.set(part, rows);
          then(async () => {
            await analyzeStaging(db);
            await m.mergeLater(plan, part, rows);
          });
        }
        await queue;
        await progress.set({ phase: 'Linking workers and teams, and updating each child’s summary' }, true);
        await m.finish(planned, summary.rowsTotal, run.today);
        merger = m;
      } catch (e) {
        // Never leave a merge running on the connection the rollback is about to use.
        await queue.catch(() => undefined);
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof Rejected)) throw e;
    return { status: 'rejected', summary: summary! };
  } finally {
    run.holding(false);
  }
  return { status: 'merged', summary: summary!, merger: merger!, mergeStarted, applyStarted };
}
