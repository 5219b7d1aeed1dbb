/**
 * Breakdowns of a financial year's missing episodes (those begun between 1
 * April and 31 March): by age band, sex, ethnicity, UASC, repeat episodes,
 * where found and time missing. Each breakdown's cells add up to its total;
 * when public, small numbers are suppressed with secondary suppression so the
 * total cannot reveal a cell, and where found (free text, which could name a
 * place or a person) is left out. Pure.
 */
import { financialYear } from '../../platform/calendar/quarters';
import { type Cell, cellText, suppressGroup } from '../../platform/disclosure/suppression';
import type { Audience } from './key-data-table';
import { londonDateOf } from './london-time';

export interface BreakdownEpisode {
  personId: string;
  startAt: Date;
  endAt: Date | null;
  whereFound: string | null;
  dateOfBirth: string | null;
  /** F, M or U (the SSD's codes). */
  sex: string | null;
  /** DfE ethnicity code. */
  ethnicity: string | null;
  uasc: boolean;
}

export interface Breakdown {
  key: string;
  title: string;
  /** What is counted. */
  unit: 'episodes' | 'children';
  rows: Array<{ label: string; text: string } & Cell>;
  total: { text: string } & Cell;
}

function ageOn(dateOfBirth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return date.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

export function ageBand(dateOfBirth: string | null, date: string): string {
  if (!dateOfBirth) return 'Not known';
  const age = ageOn(dateOfBirth, date);
  if (age <= 10) return '10 or under';
  if (age <= 14) return '11 to 14';
  if (age <= 18) return '15 to 18';
  return 'Not known';
}

/** The DfE ethnicity code's main group. */
export function ethnicGroup(code: string | null): string {
  const c = (code ?? '').toUpperCase();
  if (c === 'REFU' || c === 'NOBT' || c === '') return 'Not known';
  if (c === 'CHNE' || c.startsWith('O')) return 'Any other ethnic group';
  if (c.startsWith('W')) return 'White';
  if (c.startsWith('M')) return 'Mixed or multiple';
  if (c.startsWith('A')) return 'Asian or Asian British';
  if (c.startsWith('B')) return 'Black or Black British';
  return 'Not known';
}

const sexLabel = (s: string | null) => (s === 'F' ? 'Female' : s === 'M' ? 'Male' : 'Not known');

export function timeMissing(startAt: Date, endAt: Date | null): string {
  if (!endAt) return 'Still missing';
  const hours = (endAt.getTime() - startAt.getTime()) / 3_600_000;
  if (hours < 24) return 'Under 24 hours';
  if (hours <= 72) return '24 hours to 3 days';
  if (hours <= 168) return 'More than 3 days, up to 7';
  return 'More than 7 days';
}

function repeatBand(n: number): string {
  if (n === 1) return '1 episode';
  if (n === 2) return '2 episodes';
  if (n <= 5) return '3 to 5 episodes';
  return '6 or more episodes';
}

const AGE_BANDS = ['10 or under', '11 to 14', '15 to 18', 'Not known'];
const SEXES = ['Female', 'Male', 'Not known'];
const ETHNIC_GROUPS = [
  'White',
  'Mixed or multiple',
  'Asian or Asian British',
  'Black or Black British',
  'Any other ethnic group',
  'Not known',
];
const UASC = ['Unaccompanied asylum-seeking children', 'Other children'];
const REPEATS = ['1 episode', '2 episodes', '3 to 5 episodes', '6 or more episodes'];
const DURATIONS = [
  'Under 24 hours',
  '24 hours to 3 days',
  'More than 3 days, up to 7',
  'More than 7 days',
  'Still missing',
];

/** The most frequent places (as written, compared without case), then the rest together. */
const WHERE_FOUND_SHOWN = 5;

export function keyDataBreakdowns(
  episodes: readonly BreakdownEpisode[],
  startYear: number,
  audience: Audience,
): Breakdown[] {
  const { first, last } = financialYear(startYear);
  const inYear = episodes.filter((e) => {
    const d = londonDateOf(e.startAt);
    return d >= first && d <= last;
  });
  const children = new Map<string, { e: BreakdownEpisode; count: number }>();
  for (const e of inYear) {
    const seen = children.get(e.personId);
    children.set(e.personId, { e: seen?.e ?? e, count: (seen?.count ?? 0) + 1 });
  }
  const kids = [...children.values()];

  const make = (
    key: string,
    title: string,
    unit: Breakdown['unit'],
    labels: readonly string[],
    values: readonly string[],
  ): Breakdown => {
    const counts = labels.map((l) => values.filter((v) => v === l).length);
    const { cells, total } =
      audience === 'public'
        ? suppressGroup(counts)
        : {
            cells: counts.map((value): Cell => ({ value, suppressed: false })),
            total: { value: counts.reduce((a, b) => a + b, 0), suppressed: false } as Cell,
          };
    return {
      key,
      title,
      unit,
      rows: labels.map((label, i) => ({ label, ...cells[i]!, text: cellText(cells[i]!) })),
      total: { ...total, text: cellText(total) },
    };
  };

  const out = [
    make(
      'age',
      'Age band when the episode began',
      'episodes',
      AGE_BANDS,
      inYear.map((e) => ageBand(e.dateOfBirth, londonDateOf(e.startAt))),
    ),
    make(
      'sex',
      'Sex',
      'children',
      SEXES,
      kids.map((k) => sexLabel(k.e.sex)),
    ),
    make(
      'ethnicity',
      'Ethnicity',
      'children',
      ETHNIC_GROUPS,
      kids.map((k) => ethnicGroup(k.e.ethnicity)),
    ),
    make(
      'uasc',
      'Unaccompanied asylum-seeking children',
      'children',
      UASC,
      kids.map((k) => (k.e.uasc ? UASC[0]! : UASC[1]!)),
    ),
    make(
      'repeat',
      'Episodes in the year per child',
      'children',
      REPEATS,
      kids.map((k) => repeatBand(k.count)),
    ),
    make(
      'time',
      'Time missing',
      'episodes',
      DURATIONS,
      inYear.map((e) => timeMissing(e.startAt, e.endAt)),
    ),
  ];
  if (audience === 'internal') {
    const returned = inYear.filter((e) => e.endAt);
    const places = new Map<string, { label: string; n: number }>();
    for (const e of returned) {
      const place = e.whereFound?.trim();
      if (!place) continue;
      const k = place.toLowerCase();
      places.set(k, { label: places.get(k)?.label ?? place, n: (places.get(k)?.n ?? 0) + 1 });
    }
    const top = [...places.values()]
      .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label))
      .slice(0, WHERE_FOUND_SHOWN);
    const shown = new Set(top.map((t) => t.label.toLowerCase()));
    const labels = [...top.map((t) => t.label), 'Elsewhere', 'Not recorded'];
    const values = returned.map((e) => {
      const place = e.whereFound?.trim();
      if (!place) return 'Not recorded';
      return shown.has(place.toLowerCase()) ? places.get(place.toLowerCase())!.label : 'Elsewhere';
    });
    out.push(make('where', 'Where found (episodes ended)', 'episodes', labels, values));
  }
  return out;
}
