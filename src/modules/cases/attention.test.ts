import { describe, expect, it } from 'vitest';
import { problemsSinceLastApplied } from './attention';

describe('imports that need looking at', () => {
  it('lists failed and rejected imports newer than the latest applied one', () => {
    const rows = [
      { id: 'f', status: 'failed' },
      { id: 'q', status: 'queued' },
      { id: 'r', status: 'rejected' },
      { id: 'a', status: 'applied' },
      { id: 'old', status: 'rejected' },
    ];
    expect(problemsSinceLastApplied(rows).map((r) => r.id)).toEqual(['f', 'r']);
  });

  it('lists every problem when nothing has been applied yet, and none after a good import', () => {
    expect(problemsSinceLastApplied([{ status: 'rejected' }, { status: 'failed' }])).toHaveLength(2);
    expect(problemsSinceLastApplied([{ status: 'applied' }, { status: 'failed' }])).toEqual([]);
  });
});
