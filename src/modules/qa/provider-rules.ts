/**
 * Provider and setting audits, as plain rules: a visit's overall RAG and
 * counts, when the next visit is due (termly), and the grid of each area's
 * RAG across visits with its direction since the visit before.
 */
import { addMonths } from '../../platform/calendar/working-days';
import type { AreaRag, AuditArea } from './provider-vocab';

export interface AreaResult {
  area: string;
  rag: AreaRag;
  comment: string | null;
}

export interface VisitSummary {
  red: number;
  amber: number;
  green: number;
  notSeen: number;
  /** Red if any area is red, amber if any is amber, green if every area looked at is green; null if none was. */
  overall: 'red' | 'amber' | 'green' | null;
}

export function visitSummary(results: AreaResult[]): VisitSummary {
  const count = (rag: AreaRag) => results.filter((r) => r.rag === rag).length;
  const red = count('red');
  const amber = count('amber');
  const green = count('green');
  const overall = red ? 'red' : amber ? 'amber' : green ? 'green' : null;
  return { red, amber, green, notSeen: count('not_seen'), overall };
}

/** Providers are visited termly: the next visit is due four months after the last (or now, if never visited). */
export const VISIT_INTERVAL_MONTHS = 4;

export function nextVisitDue(lastVisitOn: string | null, addedOn: string): string {
  return lastVisitOn ? addMonths(lastVisitOn, VISIT_INTERVAL_MONTHS) : addedOn;
}

export function visitOverdue(lastVisitOn: string | null, addedOn: string, today: string): boolean {
  return nextVisitDue(lastVisitOn, addedOn) < today;
}

const RANK: Record<AreaRag, number | null> = { red: 0, amber: 1, green: 2, not_seen: null };

export type Direction = 'better' | 'worse' | 'same' | null;

/** Each area's RAG at each visit (oldest first), and its direction from the visit before to the latest. */
export interface AreaRow {
  area: AuditArea;
  rags: Array<AreaRag | null>;
  direction: Direction;
}

export function areaGrid(areas: AuditArea[], visits: Array<{ results: AreaResult[] }>): AreaRow[] {
  return areas.map((area) => {
    const rags = visits.map((v) => v.results.find((r) => r.area === area.key)?.rag ?? null);
    const seen = rags.filter((r): r is AreaRag => r != null && RANK[r] != null);
    let direction: Direction = null;
    if (seen.length >= 2) {
      const [before, latest] = [RANK[seen[seen.length - 2]!]!, RANK[seen[seen.length - 1]!]!];
      direction = latest > before ? 'better' : latest < before ? 'worse' : 'same';
    }
    return { area, rags, direction };
  });
}
