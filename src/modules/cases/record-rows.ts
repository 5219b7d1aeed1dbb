import type { Db } from '../../platform/db/client';
import * as repo from './repository';
import { TABLES_BY_NAME, type TableSpec } from './ssd/spec';

export const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export function camelRow<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[camel(k)] = v;
  return out as T;
}

export function spec(ssd: string): TableSpec {
  return TABLES_BY_NAME.get(ssd)!;
}

export async function rowsOf<T>(db: Db, ssd: string, personId: string, orderBy: string): Promise<T[]> {
  const rows = await repo.personRows<Record<string, unknown>>(db, spec(ssd), personId, { orderBy });
  return rows.map((r) => camelRow<T>(r));
}

export function ageOn(dob: string | null, today: string): number | null {
  if (!dob) return null;
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}
