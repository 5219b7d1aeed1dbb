import { describe, expect, it } from 'vitest';
import { parseBenchmarkCsv } from './benchmark-csv';

const codes = new Set(['REF-02', 'ASS-01']);

describe('benchmarks from a CSV of the published tables', () => {
  it('reads a column per comparator, years as 2025 or 2025-26, percentages and blanks', () => {
    const csv =
      '\ufeffCode,Year,England,London,Statistical neighbours\r\nREF-02,2025-26,22.4%,19.8,\r\nass-01,2024,"82.1",..,84\r\n';
    expect(parseBenchmarkCsv(csv, codes)).toEqual({
      ok: true,
      rows: [
        { code: 'REF-02', year: 2025, comparator: 'england', value: 22.4 },
        { code: 'REF-02', year: 2025, comparator: 'london', value: 19.8 },
        { code: 'ASS-01', year: 2024, comparator: 'england', value: 82.1 },
        { code: 'ASS-01', year: 2024, comparator: 'neighbours', value: 84 },
      ],
    });
  });

  it('reads the long layout: comparator and value columns', () => {
    const csv = 'code,year,comparator,value\nREF-02,2025,London,19.8\n';
    expect(parseBenchmarkCsv(csv, codes)).toEqual({
      ok: true,
      rows: [{ code: 'REF-02', year: 2025, comparator: 'london', value: 19.8 }],
    });
  });

  it('reports every unusable row with its row and column, and keeps nothing', () => {
    const csv = 'code,year,england\nREF-99,2025,1\nREF-02,2025-27,x1\n';
    expect(parseBenchmarkCsv(csv, codes)).toEqual({
      ok: false,
      problems: [
        { row: 2, column: 'code', reason: 'There is no indicator with the code "REF-99"' },
        { row: 3, column: 'year', reason: 'Enter the year as 2025 or 2025-26' },
        { row: 3, column: 'england', reason: '"x1" is not a number' },
      ],
    });
  });

  it('says what the first row must hold when it names no comparator', () => {
    const result = parseBenchmarkCsv('code,year,wales\nREF-02,2025,1\n', codes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.reason).toContain('England, London or statistical neighbours');
  });
});
