/**
 * Benchmarks from a CSV laid out like the published tables: one row per
 * indicator and year, with a column per comparator (England, London,
 * statistical neighbours), or long form with comparator and value columns.
 * Strict on what makes a row unusable (an unknown code, a year or figure
 * that is not one) and all-or-nothing: every problem is reported with its
 * row and column, and nothing is saved. Pure.
 */
import { parse } from 'csv-parse/sync';
import type { BenchmarkInput, Comparator } from './catalogue-service';

export interface CsvProblem {
  row: number;
  column: string;
  reason: string;
}

const COMPARATOR_COLUMNS: Record<string, Comparator> = {
  england: 'england',
  london: 'london',
  neighbours: 'neighbours',
  'statistical neighbours': 'neighbours',
  'stat neighbours': 'neighbours',
};

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** "2025", "2025-26" or "2025/26": the year the financial year starts. */
function yearOf(text: string): number | null {
  const m = /^(20\d\d)(?:[-/](\d\d))?$/.exec(text.trim());
  if (!m) return null;
  const start = Number(m[1]);
  if (m[2] && Number(m[2]) !== (start + 1) % 100) return null;
  return start;
}

/** A published figure: "21.4", "21.4%", "1,204"; blank is no figure. */
function figureOf(text: string): number | null | 'bad' {
  const t = text.trim().replace(/%$/, '').replaceAll(',', '');
  if (t === '' || t === '..' || t.toLowerCase() === 'x' || t === '[c]') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : 'bad';
}

export function parseBenchmarkCsv(
  text: string,
  codes: ReadonlySet<string>,
): { ok: true; rows: BenchmarkInput[] } | { ok: false; problems: CsvProblem[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (e) {
    return {
      ok: false,
      problems: [{ row: 0, column: '', reason: `The file is not a readable CSV: ${(e as Error).message}` }],
    };
  }
  const header = (records[0] ?? []).map(norm);
  const col = (name: string) => header.indexOf(name);
  const problems: CsvProblem[] = [];
  if (col('code') < 0 || col('year') < 0) {
    return {
      ok: false,
      problems: [
        {
          row: 1,
          column: '',
          reason:
            'The first row must name the columns: code, year, and England, London or statistical neighbours (or comparator and value)',
        },
      ],
    };
  }
  const wide = header
    .map((h, i) => ({ comparator: COMPARATOR_COLUMNS[h], i }))
    .filter((c): c is { comparator: Comparator; i: number } => c.comparator !== undefined);
  const long = col('comparator') >= 0 && col('value') >= 0;
  if (!wide.length && !long) {
    return {
      ok: false,
      problems: [
        {
          row: 1,
          column: '',
          reason:
            'Name a column England, London or statistical neighbours, or give comparator and value columns',
        },
      ],
    };
  }
  const rows: BenchmarkInput[] = [];
  records.slice(1).forEach((record, n) => {
    const row = n + 2;
    const cell = (i: number) => record[i] ?? '';
    const code = cell(col('code')).trim().toUpperCase();
    if (!codes.has(code))
      problems.push({ row, column: 'code', reason: `There is no indicator with the code "${code}"` });
    const year = yearOf(cell(col('year')));
    if (year == null) problems.push({ row, column: 'year', reason: 'Enter the year as 2025 or 2025-26' });
    const add = (comparator: Comparator | undefined, text: string, column: string) => {
      if (!comparator) {
        problems.push({
          row,
          column,
          reason: 'Enter the comparator as England, London or statistical neighbours',
        });
        return;
      }
      const value = figureOf(text);
      if (value === 'bad') problems.push({ row, column, reason: `"${text}" is not a number` });
      else if (value != null && year != null) rows.push({ code, year, comparator, value });
    };
    if (long) add(COMPARATOR_COLUMNS[norm(cell(col('comparator')))], cell(col('value')), 'value');
    for (const w of wide) add(w.comparator, cell(w.i), header[w.i]!);
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
