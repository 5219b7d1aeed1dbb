import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openSpool, spoolChunks, spoolLines } from './import-spool';

async function linesOf(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const lines of spoolLines(path)) out.push(...lines);
  return out;
}

describe('the import spool', () => {
  it('gives back every row in order, across disk writes and multi-byte characters, then is removed', async () => {
    const spool = await openSpool();
    const writer = spool.writer('0-ssd_person');
    const rows = Array.from({ length: 60_000 }, (_, i) =>
      JSON.stringify([`P${i}`, i % 7 === 0 ? 'Zoë "Ní" Bhriain, Ōta\\n' : null, i % 2 === 0]),
    );
    for (const row of rows) {
      const full = writer.push(row);
      if (full) await full;
    }
    await writer.close();
    expect(writer.rows).toBe(rows.length);
    expect(await linesOf(writer.path)).toEqual(rows);
    expect(spool.dir).toMatch(new RegExp(`oversight-upload-${process.pid}-import-`));
    await spool.remove();
    expect(existsSync(spool.dir)).toBe(false);
  });

  it('keeps a row longer than a whole disk write', async () => {
    const spool = await openSpool();
    const writer = spool.writer('2-ssd_long');
    const rows = ['first', 'é'.repeat(700_000), 'x'.repeat(400_000), 'last'];
    for (const row of rows) {
      const full = writer.push(row);
      if (full) await full;
    }
    await writer.close();
    expect(await linesOf(writer.path)).toEqual(rows);
    await spool.remove();
  });

  it('an empty table gives no rows', async () => {
    const spool = await openSpool();
    const writer = spool.writer('1-ssd_missing');
    await writer.close();
    expect(await linesOf(writer.path)).toEqual([]);
    await spool.remove();
  });

  it('gives the same lines as bytes, whole lines a chunk, at most the rows asked for', async () => {
    const spool = await openSpool();
    const writer = spool.writer('3-ssd_cp_visits');
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i}\t{"Zoë ${'x'.repeat(i % 90)}"}`);
    for (const row of rows) {
      const full = writer.push(row);
      if (full) await full;
    }
    await writer.close();
    const chunks: { text: string; rows: number }[] = [];
    for await (const { bytes, rows: n } of spoolChunks(writer.path, 7_000))
      chunks.push({ text: bytes.toString(), rows: n });
    expect(chunks.length).toBeGreaterThan(30_000 / 7_000);
    for (const chunk of chunks) {
      expect(chunk.rows).toBeLessThanOrEqual(7_000);
      expect(chunk.text.endsWith('\n')).toBe(true);
      expect(chunk.text.split('\n').length - 1).toBe(chunk.rows);
    }
    expect(chunks.map((c) => c.text).join('')).toBe(`${rows.join('\n')}\n`);
    await spool.remove();
  });
});
