import { describe, expect, it } from 'vitest';
import { cellText, suppressCount, suppressGroup, suppressShare } from './suppression';

const texts = (r: ReturnType<typeof suppressGroup>) => [
  ...r.cells.map((c) => cellText(c)),
  cellText(r.total),
];

describe('small-number suppression', () => {
  it('suppresses 1 to 5, shows 0 and 6 upwards', () => {
    expect([0, 1, 5, 6, 120].map((n) => cellText(suppressCount(n)))).toEqual(['0', '[c]', '[c]', '6', '120']);
  });

  it('one small cell beside a shown total: the next smallest non-zero cell is suppressed too', () => {
    // 3 + 0 + 12 + 9 = 24: 3 alone would be 24 - 12 - 9.
    const r = suppressGroup([3, 0, 12, 9]);
    expect(texts(r)).toEqual(['[c]', '0', '12', '[c]', '24']);
    expect(r.cells.map((c) => c.suppressed)).toEqual(['primary', false, false, 'secondary']);
  });

  it('two small cells protect each other; nothing more is hidden', () => {
    expect(texts(suppressGroup([2, 4, 30]))).toEqual(['[c]', '[c]', '30', '36']);
  });

  it('a small cell whose only neighbours are zero hides the total instead', () => {
    expect(texts(suppressGroup([4, 0, 0]))).toEqual(['[c]', '0', '0', '[c]']);
    expect(suppressGroup([7, 0]).total).toEqual({ value: 7, suppressed: false });
  });

  it('a small total is suppressed with its cells; a rule can widen the range', () => {
    expect(texts(suppressGroup([2, 1]))).toEqual(['[c]', '[c]', '[c]']);
    expect(texts(suppressGroup([8, 20], { min: 1, max: 9 }))).toEqual(['[c]', '[c]', '28']);
  });
});

describe('percentages of small counts', () => {
  it('are suppressed when the numerator, the denominator or the rest is from 1 to 5', () => {
    expect(suppressShare(50, 3, 6)).toEqual({ value: null, suppressed: 'secondary' });
    expect(suppressShare(100, 4, 4)).toEqual({ value: null, suppressed: 'secondary' });
    expect(suppressShare(90, 36, 40)).toEqual({ value: null, suppressed: 'secondary' });
    expect(suppressShare(60, 30, 50)).toEqual({ value: 60, suppressed: false });
  });

  it('show zero and all-of as they are when the group is large enough (nobody singled out by a small count)', () => {
    expect(suppressShare(0, 0, 40)).toEqual({ value: 0, suppressed: false });
    expect(suppressShare(100, 40, 40)).toEqual({ value: 100, suppressed: false });
    expect(suppressShare(null, 0, 0)).toEqual({ value: null, suppressed: false });
  });
});
