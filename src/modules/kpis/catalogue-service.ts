/**
 * The catalogue: the default set given to each organisation on first use,
 * edits as new versions (the history kept), benchmarks and figures entered
 * by hand. Every change is one transaction with its access-audit event, and
 * forgets the stored indicator tables (stored-figures.ts) computed before it.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { ADULT_INDICATORS } from './adult-defaults';
import { type Audience, audienceOf, type IndicatorDefinition, SOURCE_NAMES } from './catalogue';
import { DEFAULT_INDICATORS } from './defaults';
import * as repo from './repository';

export type ChangeContext = AuditContext & { organisationId: string; userId: string };

export interface IndicatorSummary {
  code: string;
  current: repo.StoredVersion;
  versions: repo.StoredVersion[];
}

/** Every indicator shipped: the children's set, then the adults'. */
const SHIPPED = [...DEFAULT_INDICATORS, ...ADULT_INDICATORS];

/** Give an organisation the default indicators it does not have yet. */
export async function ensureIndicators(db: Db, organisationId: string, at: Date): Promise<void> {
  const have = await repo.indicatorCodes(db, organisationId);
  const missing = SHIPPED.filter((d) => !have.has(d.code));
  if (!missing.length) return;
  await repo.insertVersions(
    db,
    missing.map(({ code, ...definition }) => ({
      organisationId,
      code,
      version: 1,
      definition,
      reason: 'Default indicator shipped with Oversight',
      createdBy: null,
      createdAt: at,
    })),
  );
}

/**
 * Every indicator (or one audience's), in catalogue order (the shipped set's
 * order, then others by code), with its history.
 */
export async function listIndicators(
  db: Db,
  organisationId: string,
  at: Date,
  audience?: Audience,
): Promise<IndicatorSummary[]> {
  await ensureIndicators(db, organisationId, at);
  const byCode = new Map<string, repo.StoredVersion[]>();
  for (const v of await repo.indicatorVersions(db, organisationId))
    byCode.set(v.code, [...(byCode.get(v.code) ?? []), v]);
  const order = new Map(SHIPPED.map((d, i) => [d.code, i]));
  return [...byCode]
    .map(([code, versions]) => ({ code, current: versions.at(-1)!, versions }))
    .filter((i) => !audience || audienceOf(i.current.definition) === audience)
    .sort((a, b) => (order.get(a.code) ?? 999) - (order.get(b.code) ?? 999) || a.code.localeCompare(b.code));
}

export async function getIndicator(
  db: Db,
  organisationId: string,
  code: string,
  at: Date,
): Promise<IndicatorSummary> {
  const found = (await listIndicators(db, organisationId, at)).find((i) => i.code === code);
  if (!found) throw new NotFoundError('indicator');
  return found;
}

/** What a person may change: everything but the code, how it is computed and its audience. */
export type IndicatorChange = Omit<IndicatorDefinition, 'source' | 'audience'> & { reason: string };

export async function addIndicatorVersion(
  db: Db,
  ctx: ChangeContext,
  code: string,
  change: IndicatorChange,
): Promise<number> {
  return db.transaction(async (tx) => {
    await ensureIndicators(tx, ctx.organisationId, ctx.at);
    const versions = await repo.indicatorVersions(tx, ctx.organisationId, code);
    const latest = versions.at(-1);
    if (!latest) throw new NotFoundError('indicator');
    if (change.target == null && change.tolerance !== 0) {
      throw new ValidationError({
        tolerance: 'Leave the tolerance at 0 when there is no target, or enter a target',
      });
    }
    const { reason, ...definition } = change;
    const version = latest.version + 1;
    await repo.insertVersions(tx, [
      {
        organisationId: ctx.organisationId,
        code,
        version,
        definition: {
          ...definition,
          source: latest.definition.source,
          ...(latest.definition.audience ? { audience: latest.definition.audience } : {}),
        },
        reason,
        createdBy: ctx.userId,
        createdAt: ctx.at,
      },
    ]);
    await repo.dropStoredTables(tx, ctx.organisationId);
    await recordAudit(tx, ctx, {
      action: 'indicator.version',
      recordType: 'indicator',
      recordId: code,
      detail: `version ${version}: target ${change.target ?? 'none'}, tolerance ${change.tolerance}`,
      reason,
    });
    return version;
  });
}

export const COMPARATORS = ['england', 'london', 'neighbours'] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const COMPARATOR_LABELS: Record<Comparator, string> = {
  england: 'England',
  london: 'London',
  neighbours: 'Statistical neighbours',
};

export interface BenchmarkInput {
  code: string;
  year: number;
  comparator: Comparator;
  value: number;
}

/** Enter or replace benchmarks (a year's published figure for a comparator), all or none. */
export async function saveBenchmarks(
  db: Db,
  ctx: ChangeContext,
  rows: readonly BenchmarkInput[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await ensureIndicators(tx, ctx.organisationId, ctx.at);
    const codes = await repo.indicatorCodes(tx, ctx.organisationId);
    const unknown = rows.find((r) => !codes.has(r.code));
    if (unknown) throw new ValidationError({ code: `There is no indicator with the code ${unknown.code}` });
    await repo.upsertBenchmarks(
      tx,
      rows.map((r) => ({
        organisationId: ctx.organisationId,
        ...r,
        createdBy: ctx.userId,
        createdAt: ctx.at,
      })),
    );
    await repo.dropStoredTables(tx, ctx.organisationId);
    await recordAudit(tx, ctx, {
      action: 'indicator.benchmarks',
      recordType: 'indicator',
      recordId: rows.length === 1 ? rows[0]!.code : undefined,
      detail: `${rows.length} benchmark${rows.length === 1 ? '' : 's'}`,
    });
  });
}

/** Enter a figure for an indicator entered by hand, for a period; a later entry for the same period replaces it. */
export async function enterValue(
  db: Db,
  ctx: ChangeContext,
  code: string,
  period: { first: string; last: string },
  value: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await ensureIndicators(tx, ctx.organisationId, ctx.at);
    const latest = (await repo.indicatorVersions(tx, ctx.organisationId, code)).at(-1);
    if (!latest) throw new NotFoundError('indicator');
    if (latest.definition.source.kind !== 'entered') {
      throw new ValidationError({
        value: `This indicator is computed from ${SOURCE_NAMES[latest.definition.source.kind]}: it cannot be entered`,
      });
    }
    await repo.insertEnteredValue(tx, {
      organisationId: ctx.organisationId,
      code,
      periodStart: period.first,
      periodEnd: period.last,
      value,
      createdBy: ctx.userId,
      createdAt: ctx.at,
    });
    await repo.dropStoredTables(tx, ctx.organisationId);
    await recordAudit(tx, ctx, {
      action: 'indicator.value',
      recordType: 'indicator',
      recordId: code,
      detail: `${period.first} to ${period.last}: ${value}`,
    });
  });
}

/** An indicator's benchmarks, latest year first. */
export async function benchmarksFor(
  db: Db,
  organisationId: string,
  code: string,
): Promise<repo.StoredBenchmark[]> {
  return repo.benchmarks(db, organisationId, [code]);
}
