/**
 * The indicators for a quarter: each with the quarter, the four before it
 * and the year to date, its target, RAG, latest benchmark and direction of
 * travel. Computed indicators take one set-based query per measure for all
 * those periods together (cases' measureFigures), adults' and early help
 * ones one read of their register for all their measures; entered ones read
 * the figure entered for exactly that period.
 */

import {
  financialYearOf,
  type Quarter,
  quartersTo,
  type Range,
  yearToDate,
} from '../../platform/calendar/quarters';
import { nonWorkingDaysFor } from '../../platform/calendar/service';
import type { Db } from '../../platform/db/client';
import { mapTogether, together } from '../../platform/db/together';
import * as adults from '../adults/service';
import * as cases from '../cases/service';
import * as earlyHelp from '../early-help/service';
import {
  type Audience,
  type Direction,
  directionOf,
  type IndicatorDefinition,
  type Rag,
  ragFor,
  windowFor,
} from './catalogue';
import { type IndicatorSummary, listIndicators } from './catalogue-service';
import { POPULATION_CODE } from './defaults';
import * as repo from './repository';

export interface Figure {
  /** The dates the figure covers. */
  window: Range;
  value: number | null;
  /** The counts behind a computed figure (numerator of count). */
  numerator: number | null;
  count: number | null;
}

export interface Benchmark {
  year: number;
  england: number | null;
  london: number | null;
  neighbours: number | null;
}

export interface IndicatorRow {
  code: string;
  version: number;
  definition: IndicatorDefinition;
  /** The five quarters, oldest first; the last is the quarter reported. */
  quarters: Array<Figure & { quarter: Quarter }>;
  current: Figure;
  yearToDate: Figure;
  rag: Rag | null;
  direction: Direction | null;
  benchmark: Benchmark | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** What a register gives for a measure and window: the count and the numerator of it. */
type Counts = { count: number; numerator: number };

/** The value of an indicator from its measure's counts (a percentage, a rate, an average or the count itself). */
export function indicatorValue(
  def: IndicatorDefinition,
  figure: { count: number; numerator: number },
  population: number | null,
): number | null {
  switch (def.unit) {
    case 'percentage':
      return figure.count ? round1((figure.numerator / figure.count) * 100) : null;
    case 'rate':
      return population ? round1((figure.numerator * 10000) / population) : null;
    case 'average':
      return figure.count ? round1(figure.numerator / figure.count) : null;
    default:
      return figure.numerator;
  }
}

/** The entered figure for a window: exactly that period, the latest entry. */
function enteredFor(entries: readonly repo.StoredEnteredValue[], code: string, w: Range): number | null {
  return (
    entries.find((e) => e.code === code && e.periodStart === w.first && e.periodEnd === w.last)?.value ?? null
  );
}

/** The population for a date: the latest entered figure whose period began on or before it. */
function populationAt(entries: readonly repo.StoredEnteredValue[], date: string): number | null {
  const candidates = entries
    .filter((e) => e.code === POPULATION_CODE && e.periodStart <= date)
    .sort((a, b) => b.periodStart.localeCompare(a.periodStart));
  return candidates[0]?.value ?? null;
}

/** The latest year's benchmarks up to the quarter's financial year. */
function benchmarkFor(
  rows: readonly repo.StoredBenchmark[],
  code: string,
  fyStart: number,
): Benchmark | null {
  const own = rows.filter((r) => r.code === code && r.year <= fyStart);
  const year = Math.max(...own.map((r) => r.year));
  if (!Number.isFinite(year)) return null;
  const of = (c: string) => own.find((r) => r.year === year && r.comparator === c)?.value ?? null;
  return { year, england: of('england'), london: of('london'), neighbours: of('neighbours') };
}

const key = (w: Range) => `${w.first}/${w.last}`;

/** Every indicator for a quarter (or only some codes). */
export async function indicatorTable(
  db: Db,
  organisationId: string,
  quarter: Quarter,
  at: Date,
  options: { codes?: readonly string[]; indicators?: IndicatorSummary[]; audience?: Audience } = {},
): Promise<IndicatorRow[]> {
  // One audience's set (children's unless asked), unless codes or indicators are named.
  const audience = options.codes ? undefined : (options.audience ?? 'children');
  const all = options.indicators ?? (await listIndicators(db, organisationId, at, audience));
  const indicators = options.codes ? all.filter((i) => options.codes!.includes(i.code)) : all;
  const quarters = quartersTo(quarter, 4);
  const windowsOf = (def: IndicatorDefinition) => [
    ...quarters.map((q) => windowFor(def.period, q)),
    yearToDate(quarter),
  ];

  // Every window each measure is needed for, so each measure is one query.
  // Adults' measures come from the adults' register, all in one query; early
  // help ones from the early help outcomes plan, likewise.
  const needed = new Map<cases.MeasureKey, Map<string, Range>>();
  const neededAdults = new Map<adults.AdultMeasureKey, Map<string, Range>>();
  const neededEarlyHelp = new Map<earlyHelp.EarlyHelpMeasureKey, Map<string, Range>>();
  const registers = { computed: needed, adults: neededAdults, 'early-help': neededEarlyHelp };
  for (const i of indicators) {
    const source = i.current.definition.source;
    if (source.kind === 'entered') continue;
    const into = registers[source.kind] as Map<string, Map<string, Range>>;
    const windows = into.get(source.measure) ?? new Map<string, Range>();
    for (const w of windowsOf(i.current.definition)) windows.set(key(w), w);
    into.set(source.measure, windows);
  }
  const holidays = [...(await nonWorkingDaysFor(db, organisationId))];
  /** Each measure's figures by window, from a register's figures for the windows listed. */
  const byWindow = <K>(wanted: Map<K, Map<string, Range>>, figures: Map<K, readonly Counts[]>) =>
    [...wanted].map(([measure, windows]) => {
      const values = figures.get(measure)!;
      return [measure, new Map([...windows.keys()].map((k, n) => [k, values[n]!]))] as const;
    });
  const listed = <K>(wanted: Map<K, Map<string, Range>>) =>
    [...wanted].map(([measure, windows]) => ({ measure, windows: [...windows.values()] }));
  const [computed, adultComputed, earlyHelpComputed, entries, benchmarks] = await together(
    db,
    () =>
      mapTogether(db, needed, async ([measure, windows]) => {
        const list = [...windows.values()];
        const figures = await cases.measureFigures(db, organisationId, measure, list, holidays);
        return [measure, new Map(list.map((w, n) => [key(w), figures[n]!]))] as const;
      }),
    () =>
      adults
        .adultFigures(db, organisationId, listed(neededAdults))
        .then((figures) => byWindow(neededAdults, figures)),
    () =>
      earlyHelp
        .earlyHelpFigures(db, organisationId, listed(neededEarlyHelp))
        .then((figures) => byWindow(neededEarlyHelp, figures)),
    () => repo.enteredValues(db, organisationId),
    () =>
      repo.benchmarks(
        db,
        organisationId,
        indicators.map((i) => i.code),
      ),
  );
  const byMeasure = new Map<string, Map<string, { count: number; numerator: number }>>([
    ...computed,
    ...adultComputed,
    ...earlyHelpComputed,
  ]);

  const figureFor = (i: IndicatorSummary, w: Range): Figure => {
    const def = i.current.definition;
    if (i.code === POPULATION_CODE) {
      // A yearly estimate: the one in force at the end of the period.
      return { window: w, value: populationAt(entries, w.last), numerator: null, count: null };
    }
    if (def.source.kind === 'entered') {
      return { window: w, value: enteredFor(entries, i.code, w), numerator: null, count: null };
    }
    const f = byMeasure.get(def.source.measure)?.get(key(w));
    if (!f) return { window: w, value: null, numerator: null, count: null };
    return { window: w, value: indicatorValue(def, f, populationAt(entries, w.last)), ...f };
  };

  const fyStart = financialYearOf(quarter.last);
  return indicators.map((i) => {
    const def = i.current.definition;
    const windows = windowsOf(def);
    const figures = quarters.map((q, n) => ({ ...figureFor(i, windows[n]!), quarter: q }));
    const current = figures.at(-1)!;
    const previous = figures.at(-2)!;
    return {
      code: i.code,
      version: i.current.version,
      definition: def,
      quarters: figures,
      current,
      yearToDate: figureFor(i, windows.at(-1)!),
      rag: ragFor(current.value, def),
      direction: directionOf(current.value, previous.value, def.polarity),
      benchmark: benchmarkFor(benchmarks, i.code, fyStart),
    };
  });
}
