/**
 * The adults' safeguarding figures, counted from the register: each measure
 * gives a numerator and a count (the denominator, or the numerator again for
 * a plain count) for a window of dates, and the breakdowns of concluded
 * section 42 enquiries by type of abuse, location and source of risk, as
 * the Safeguarding Adults Collection counts them. Pure.
 */
import { ABUSE_TYPES, LOCATIONS, RISK_SOURCES, type Vocabulary } from './vocab';

export const ADULT_MEASURES = [
  'concerns',
  's42-started',
  's42-concluded',
  'conversion',
  'outcomes-asked',
  'outcomes-met',
  'risk-reduced',
] as const;
export type AdultMeasureKey = (typeof ADULT_MEASURES)[number];

/** What the measures read of a concern. */
export interface MeasuredConcern {
  receivedOn: string;
  s42Decision: string | null;
  enquiryType: string | null;
  enquiryStartedOn: string | null;
  enquiryConcludedOn: string | null;
  abuseTypes: readonly string[];
  location: string | null;
  riskSource: string | null;
  outcomesAsked: string | null;
  outcomesAchieved: string | null;
  riskOutcome: string | null;
}

export interface Window {
  first: string;
  last: string;
}

export interface MeasureFigure {
  numerator: number;
  count: number;
}

const within = (d: string | null, w: Window) => d !== null && d >= w.first && d <= w.last;
const isS42 = (c: MeasuredConcern) => c.enquiryType === 's42';

function tally(
  rows: readonly MeasuredConcern[],
  inDenominator: (c: MeasuredConcern) => boolean,
  inNumerator: (c: MeasuredConcern) => boolean,
): MeasureFigure {
  let numerator = 0;
  let count = 0;
  for (const c of rows) {
    if (!inDenominator(c)) continue;
    count++;
    if (inNumerator(c)) numerator++;
  }
  return { numerator, count };
}

/** One measure's figure for one window. */
export function adultMeasure(
  measure: AdultMeasureKey,
  rows: readonly MeasuredConcern[],
  w: Window,
): MeasureFigure {
  const concluded = (c: MeasuredConcern) => isS42(c) && within(c.enquiryConcludedOn, w);
  const all = () => true;
  switch (measure) {
    case 'concerns':
      return tally(rows, (c) => within(c.receivedOn, w), all);
    case 's42-started':
      return tally(rows, (c) => isS42(c) && within(c.enquiryStartedOn, w), all);
    case 's42-concluded':
      return tally(rows, concluded, all);
    case 'conversion':
      // Concerns received in the window that led to a section 42 enquiry.
      return tally(
        rows,
        (c) => within(c.receivedOn, w),
        (c) => c.s42Decision === 'yes',
      );
    case 'outcomes-asked':
      return tally(
        rows,
        (c) => concluded(c) && c.outcomesAsked !== null,
        (c) => c.outcomesAsked === 'expressed' || c.outcomesAsked === 'none-expressed',
      );
    case 'outcomes-met':
      return tally(
        rows,
        (c) => concluded(c) && c.outcomesAsked === 'expressed' && c.outcomesAchieved !== null,
        (c) => c.outcomesAchieved === 'fully' || c.outcomesAchieved === 'partly',
      );
    case 'risk-reduced':
      return tally(
        rows,
        (c) => concluded(c) && c.riskOutcome !== null,
        (c) => c.riskOutcome === 'removed' || c.riskOutcome === 'reduced',
      );
  }
}

export interface BreakdownRow {
  key: string;
  label: string;
  count: number;
}

export interface Breakdown {
  title: string;
  /** The concluded section 42 enquiries counted (a row may count one several times for types). */
  enquiries: number;
  rows: BreakdownRow[];
  /** True when one enquiry may be counted in several rows (types of abuse). */
  overlapping: boolean;
}

function breakdown(
  title: string,
  vocab: Vocabulary,
  counted: readonly MeasuredConcern[],
  keysOf: (c: MeasuredConcern) => readonly string[],
  overlapping: boolean,
): Breakdown {
  const counts = new Map(Object.keys(vocab).map((k) => [k, 0]));
  let notRecorded = 0;
  for (const c of counted) {
    const keys = keysOf(c).filter((k) => counts.has(k));
    if (!keys.length) notRecorded++;
    for (const k of keys) counts.set(k, counts.get(k)! + 1);
  }
  const rows = Object.entries(vocab).map(([key, label]) => ({ key, label, count: counts.get(key)! }));
  rows.push({ key: 'not-recorded', label: 'Not recorded', count: notRecorded });
  return { title, enquiries: counted.length, rows, overlapping };
}

/** Concluded section 42 enquiries in the window by type of abuse, location and source of risk. */
export function adultBreakdowns(rows: readonly MeasuredConcern[], w: Window): Breakdown[] {
  const counted = rows.filter((c) => isS42(c) && within(c.enquiryConcludedOn, w));
  return [
    breakdown('Type of abuse', ABUSE_TYPES, counted, (c) => c.abuseTypes, true),
    breakdown('Location of abuse', LOCATIONS, counted, (c) => (c.location ? [c.location] : []), false),
    breakdown('Source of risk', RISK_SOURCES, counted, (c) => (c.riskSource ? [c.riskSource] : []), false),
  ];
}
