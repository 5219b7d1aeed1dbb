/**
 * Demo performance indicators for Oakhaven: the default catalogue, the child
 * population for the rates, the LADO's and the leaving care service's
 * figures for the last five complete quarters, and benchmarks for the last
 * published year. Benchmarks are illustrative, not the published tables.
 * Entered through the kpis service, as the QA officer would; deterministic
 * (periods relative to the clock's today, fixed figures).
 */
import type { Oversight } from '../app';
import { POPULATION_CODE } from '../modules/kpis/defaults';
import * as kpis from '../modules/kpis/service';
import {
  financialYear,
  financialYearOf,
  lastCompleteQuarter,
  quartersTo,
} from '../platform/calendar/quarters';
import { today } from '../platform/clock';
import type { DemoScale } from './load';
import type { DemoOrganisation } from './organisation';

const LADO = [12, 9, 15, 11, 14];
const CARE_LEAVERS_EET = [58.5, 61.2, 57.9, 60.4, 62];

/** [code, England, London, statistical neighbours] */
const BENCHMARKS: Array<[string, number, number, number]> = [
  ['REF-02', 22.4, 19.8, 21],
  ['ASS-01', 82.1, 85.3, 84],
  ['ICPC-01', 78, 80.1, 76.5],
  ['CP-02', 41.6, 35.2, 44],
  ['CP-03', 3.9, 3.1, 3.5],
  ['CP-04', 23.8, 21.6, 22.9],
  ['CLA-02', 71, 48, 66],
  ['CLA-04', 10, 9, 11],
  ['CL-01', 56, 58, 55],
];

export async function kpisDemo(oversight: Oversight, org: DemoOrganisation, scale: DemoScale): Promise<void> {
  const { db, clock } = { db: oversight.database.db, clock: oversight.clock };
  const ctx = {
    organisationId: org.organisationId,
    userId: org.userIds.qa_officer,
    ip: null,
    userAgent: null,
    requestId: null,
    at: clock.now(),
  };
  await kpis.ensureIndicators(db, org.organisationId, clock.now());
  const quarter = lastCompleteQuarter(today(clock));
  const year = financialYearOf(quarter.last);
  for (const y of [year - 2, year - 1, year]) {
    await kpis.enterValue(db, ctx, POPULATION_CODE, financialYear(y), scale === 'large' ? 61_800 : 5_150);
  }
  for (const [n, q] of quartersTo(quarter, 4).entries()) {
    await kpis.enterValue(db, ctx, 'LADO-01', q, LADO[n]!);
    await kpis.enterValue(db, ctx, 'CL-01', q, CARE_LEAVERS_EET[n]!);
  }
  await kpis.saveBenchmarks(
    db,
    ctx,
    BENCHMARKS.flatMap(([code, england, london, neighbours]) => [
      { code, year: year - 1, comparator: 'england' as const, value: england },
      { code, year: year - 1, comparator: 'london' as const, value: london },
      { code, year: year - 1, comparator: 'neighbours' as const, value: neighbours },
    ]),
  );
  // The home page's figures, with the entered ones, as the nightly job would leave them.
  await kpis.refreshLatestFigures(db, org.organisationId, clock);
}
