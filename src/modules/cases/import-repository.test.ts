import { describe, expect, it } from 'vitest';
import { orderedUuid } from './import-repository';

describe('ids for imported rows', () => {
  it('are version 7 UUIDs, each new, in the order they were made', () => {
    const ids = Array.from({ length: 20_000 }, () => orderedUuid());
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // More than 4,096 in a millisecond borrow the next one, and still sort as made.
    expect([...ids].sort()).toEqual(ids);
  });
});
