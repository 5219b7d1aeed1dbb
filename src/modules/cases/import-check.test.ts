import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { smallExtract } from './fixtures';
import { checkFile, csvRowBatches, newCheckState, planFiles } from './import-check';
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

  it('reads lines ended either way, mixed in one file, and skips blank ones', async () => {
    const data = Buffer.from('id,name\r\nP1,Ada\r\nP2,"Line one\nline two"\nP3,Cy\r\n\r\nP4,Di\r\n\n');
    const rows: string[][] = [];
    for await (const batch of csvRowBatches(Readable.from([data]), 'ssd_person.csv')) rows.push(...batch);
    expect(rows).toEqual([
      ['id', 'name'],
      ['P1', 'Ada'],
      ['P2', 'Line one\nline two'],
      ['P3', 'Cy'],
      ['P4', 'Di'],
    ]);
  });
});
