import { describe, expect, it } from 'vitest';
import { sharedRead, withSharedReads } from './shared-reads';

function counter() {
  let reads = 0;
  return {
    read: async () => {
      reads += 1;
      return reads;
    },
    reads: () => reads,
  };
}

describe('shared reads', () => {
  it('reads every time outside shared-reads work', async () => {
    const c = counter();
    expect(await sharedRead('k', c.read)).toBe(1);
    expect(await sharedRead('k', c.read)).toBe(2);
  });

  it('reads once per key inside it, side by side or one after another', async () => {
    const c = counter();
    const d = counter();
    const answers = await withSharedReads(async () => {
      const [a, b] = await Promise.all([sharedRead('k', c.read), sharedRead('k', c.read)]);
      const later = await sharedRead('k', c.read);
      const other = await sharedRead('other', d.read);
      return [a, b, later, other];
    });
    expect(answers).toEqual([1, 1, 1, 1]);
    expect(c.reads()).toBe(1);
    expect(d.reads()).toBe(1);
  });

  it('holds nothing from one piece of work to the next', async () => {
    const c = counter();
    await withSharedReads(() => sharedRead('k', c.read));
    expect(await withSharedReads(() => sharedRead('k', c.read))).toBe(2);
  });

  it('shares a failed read too, and does not keep it past the work', async () => {
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error('no');
    };
    await withSharedReads(async () => {
      await expect(sharedRead('k', failing)).rejects.toThrow('no');
      await expect(sharedRead('k', failing)).rejects.toThrow('no');
    });
    expect(calls).toBe(1);
    await expect(withSharedReads(() => sharedRead('k', failing))).rejects.toThrow('no');
    expect(calls).toBe(2);
  });
});
