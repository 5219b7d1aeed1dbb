import { describe, expect, it } from 'vitest';
import {
  checkReference,
  compareReferences,
  duplicateReferences,
  nextTopLevelReference,
  sortByReference,
} from './reference';

describe('action references', () => {
  it('accepts hierarchical references and tidies them', () => {
    expect(checkReference('1')).toEqual({ ok: true, reference: '1' });
    expect(checkReference(' 1.1.2 ')).toEqual({ ok: true, reference: '1.1.2' });
    expect(checkReference('3.14B')).toEqual({ ok: true, reference: '3.14b' });
    expect(checkReference('2.3.')).toEqual({ ok: true, reference: '2.3' });
  });

  it('refuses references that are not numbers separated by full stops', () => {
    for (const bad of ['', 'a.1', '1..2', '1.2bc', '1-1', 'one', '1.2.b', '12345.1', 'ABCD1']) {
      const check = checkReference(bad);
      expect(check.ok, bad).toBe(false);
    }
    const empty = checkReference('  ');
    expect(empty.ok === false && empty.message).toBe('Enter a reference, like 1.2 or 3.14b');
    const long = checkReference('1.1.1.1.1.1.1.1.1.1.1');
    expect(long.ok === false && long.message).toMatch(/20 characters or fewer/);
  });

  it('orders parents before children, numbers numerically and letters after their number', () => {
    const refs = ['3.15', '1.2', '10.1', '3.14b', '1.1.2', '1.1', '3.14', '3.14a', '2', '1.10'];
    expect(sortByReference(refs, (r) => r)).toEqual([
      '1.1',
      '1.1.2',
      '1.2',
      '1.10',
      '2',
      '3.14',
      '3.14a',
      '3.14b',
      '3.15',
      '10.1',
    ]);
    expect(compareReferences('1.1', '1.1.2')).toBeLessThan(0);
    expect(compareReferences('1.1.2', '1.2')).toBeLessThan(0);
    expect(compareReferences('3.14b', '3.15')).toBeLessThan(0);
    expect(compareReferences('3.15', '3.14b')).toBeGreaterThan(0);
    expect(compareReferences('2.1', '2.1')).toBe(0);
  });

  it('accepts letter prefixes and repeats, ordered beside their number', () => {
    expect(checkReference('a5.1')).toEqual({ ok: true, reference: 'A5.1' });
    expect(checkReference('3.14-2')).toEqual({ ok: true, reference: '3.14-2' });
    expect(sortByReference(['3.14a', '3.14-2', 'B1', 'A5.1', '3.14', '3.14.1'], (r) => r)).toEqual([
      '3.14',
      '3.14-2',
      '3.14.1',
      '3.14a',
      'A5.1',
      'B1',
    ]);
  });

  it('puts unreadable references last', () => {
    expect(sortByReference(['x', '2', '1'], (r) => r)).toEqual(['1', '2', 'x']);
  });

  it('finds duplicates after tidying', () => {
    expect(duplicateReferences(['1.1', '1.2', '1.1.', '3.14B', '3.14b'])).toEqual(['1.1', '3.14b']);
    expect(duplicateReferences(['1.1', '1.2'])).toEqual([]);
  });

  it('numbers the next outstanding action after the highest used', () => {
    expect(nextTopLevelReference([])).toBe('1');
    expect(nextTopLevelReference(['1', '2', '7', '3'])).toBe('8');
    expect(nextTopLevelReference(['2.1', 'bad'])).toBe('3');
  });
});
