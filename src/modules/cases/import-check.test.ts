import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { smallExtract } from './fixtures';
import { checkFile, newCheckState, planFiles } from './import-check';
import { openSpool } from './import-spool';

describe('the check pass', () => {
  it('gives the rest of the process turns while it checks a large file', async () => {
    const [header] = smallExtract()['ssd_person.csv']!;
    const rows = Array.from({ length: 3000 }, (_, i) => `P${i},Ada,Example,F,02,WBRI,2015-01-01,,`);
    const data = Buffer.from(`${header!.join(',')}\n${rows.join('\n')}\n`);
    const state = newCheckState(false);
    const [plan] = planFiles(
      [{ name: 'ssd_person.csv', size: data.length, open: () => Readable.from([data]) }],
      state,
    );
    const spool = await openSpool();
    plan!.spool = spool.writer('0');
    plan!.later = spool.writer('0-later');
    plan!.staging = { importId: '00000000-0000-7000-8000-000000000001', part: 0 };
    const progress = { state: { rowsDone: 0 }, set: async () => {} };
    // Another request's work, due at the next turn of the event loop: the whole file is in memory,
    // so without turns it would wait for the last row.
    let checkedWhenItRan = -1;
    setImmediate(() => {
      checkedWhenItRan = progress.state.rowsDone;
    });
    const checked = await checkFile(plan!, state, '2026-11-29', progress, true);
    await plan!.spool.close();
    await plan!.later.close();
    await spool.remove();
    expect(checked).toBe(3000);
    expect(state.errorCount).toBe(0);
    expect(checkedWhenItRan).toBeGreaterThan(0);
    expect(checkedWhenItRan).toBeLessThan(1000);
  });
});
