/**
 * Small-number suppression for public papers (vocabularies.md): counts from 1
 * to 5 are shown as a suppression mark, and secondary suppression makes sure
 * a total cannot reveal a suppressed cell. Pure; zero is shown (there is
 * nobody to identify).
 */

export interface SuppressionRule {
  /** Counts from min to max (inclusive) are suppressed. */
  min: number;
  max: number;
}

export const DEFAULT_SUPPRESSION: SuppressionRule = { min: 1, max: 5 };

export type Cell =
  | { value: number; suppressed: false }
  | { value: null; suppressed: 'primary' | 'secondary' };

const shown = (value: number): Cell => ({ value, suppressed: false });
const small = (value: number, rule: SuppressionRule) => value >= rule.min && value <= rule.max;

/** One count alone (no total beside it). */
export function suppressCount(value: number, rule: SuppressionRule = DEFAULT_SUPPRESSION): Cell {
  return small(value, rule) ? { value: null, suppressed: 'primary' } : shown(value);
}

/**
 * Cells that add up to a total, suppressed together. When exactly one cell is
 * suppressed and the total is shown, the smallest other non-zero cell is
 * suppressed too (secondary); when there is no such cell, the total is.
 */
export function suppressGroup(
  values: readonly number[],
  rule: SuppressionRule = DEFAULT_SUPPRESSION,
): { cells: Cell[]; total: Cell } {
  const sum = values.reduce((a, b) => a + b, 0);
  const cells = values.map((v) => suppressCount(v, rule));
  let total = suppressCount(sum, rule);
  const primary = cells.filter((c) => c.suppressed).length;
  if (primary === 1 && !total.suppressed) {
    const candidates = values
      .map((v, i) => ({ v, i }))
      .filter(({ v, i }) => v > 0 && !cells[i]!.suppressed)
      .sort((a, b) => a.v - b.v || a.i - b.i);
    const next = candidates[0];
    if (next) cells[next.i] = { value: null, suppressed: 'secondary' };
    else total = { value: null, suppressed: 'secondary' };
  }
  return { cells, total };
}

/** How a cell is written in a public table. */
export function cellText(cell: Cell, mark = '[c]'): string {
  return cell.suppressed ? mark : cell.value.toLocaleString('en-GB');
}

/**
 * A percentage (or rate) of counts: suppressed when its numerator, its
 * denominator or what the numerator leaves of the denominator is a small
 * count, since each would let a reader work out a small number. Suppressed
 * as "secondary": the percentage itself is not a count.
 */
export function suppressShare(
  value: number | null,
  numerator: number,
  denominator: number,
  rule: SuppressionRule = DEFAULT_SUPPRESSION,
): Cell | { value: null; suppressed: false } {
  if ([numerator, denominator, denominator - numerator].some((n) => small(n, rule))) {
    return { value: null, suppressed: 'secondary' };
  }
  return value == null ? { value: null, suppressed: false } : shown(value);
}
