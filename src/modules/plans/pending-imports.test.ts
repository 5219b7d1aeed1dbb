import { describe, expect, it } from 'vitest';
import { PendingImports } from './pending-imports';

describe('files waiting in the import preview', () => {
  const who = { userId: 'u1', organisationId: 'o1' };
  it('are kept for the person who uploaded them, for thirty minutes', () => {
    const store = new PendingImports();
    const token = store.put({ ...who, filename: 'plan.docx', data: Buffer.from('x'), at: 0 });
    expect(store.get(token, who, 29 * 60 * 1000)?.filename).toBe('plan.docx');
    expect(store.get(token, { userId: 'u2', organisationId: 'o1' }, 0)).toBeUndefined();
    expect(store.get(token, { userId: 'u1', organisationId: 'o2' }, 0)).toBeUndefined();
    expect(store.get(token, who, 31 * 60 * 1000)).toBeUndefined();
  });
});
