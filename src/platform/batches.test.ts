import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inBatches } from './batches';

async function collect<T>(stream: Readable): Promise<T[][]> {
  const batches: T[][] = [];
  for await (const batch of inBatches<T>(stream)) batches.push(batch);
  return batches;
}

describe('inBatches', () => {
  it('gives every item once, in order, in batches of what the stream holds', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ i }));
    const batches = await collect<{ i: number }>(Readable.from(items));
    expect(batches.flat()).toEqual(items);
    expect(batches.every((b) => b.length > 0)).toBe(true);
  });

  it('takes more than one item a batch when the stream holds them', async () => {
    const stream = new PassThrough({ objectMode: true });
    for (let i = 0; i < 10; i++) stream.write(i);
    stream.end();
    const batches = await collect<number>(stream);
    expect(batches).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
  });

  it('waits for items written later, and ends when the stream ends', async () => {
    const stream = new PassThrough({ objectMode: true });
    const read = collect<string>(stream);
    stream.write('a');
    await new Promise((resolve) => setImmediate(resolve));
    stream.write('b');
    stream.end('c');
    expect((await read).flat()).toEqual(['a', 'b', 'c']);
  });

  it('an empty stream gives no batch', async () => {
    expect(await collect(Readable.from([]))).toEqual([]);
  });

  it('throws the stream’s error', async () => {
    const stream = new PassThrough({ objectMode: true });
    const read = collect(stream);
    stream.write('a');
    stream.destroy(new Error('disk gone'));
    await expect(read).rejects.toThrow('disk gone');
  });

  it('destroys the stream when the caller stops early', async () => {
    const stream = Readable.from(Array.from({ length: 100 }, (_, i) => i));
    for await (const batch of inBatches(stream)) {
      expect(batch.length).toBeGreaterThan(0);
      break;
    }
    expect(stream.destroyed).toBe(true);
  });
});
