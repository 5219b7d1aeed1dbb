/**
 * Pure rules of the audit reports: how a round's standing grades add up
 * (overall and per section), how a round compares with another, which round
 * is "the previous" and "the same round last year", and which themes the
 * findings raise most. No database; tested directly.
 */
import { gradeDistribution } from './audit-rules';
import type { Grade } from './vocab';

export type Distribution = ReturnType<typeof gradeDistribution>;

/** One audit's grades as they stand after moderation: by section key, and 'overall'. */
export type StandingGrades = Record<string, Grade | null>;

export interface RoundGrades {
  /** Audits with an overall grade (submitted or further). */
  graded: number;
  overall: Distribution;
  /** Good or outstanding overall, as a share of the graded audits (one decimal place), or null when none. */
  goodOrBetter: number | null;
  sections: Array<{ key: string; title: string; graded: number; distribution: Distribution }>;
}

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

/** The grade distribution overall and per section of a round's audits. */
export function roundGrades(
  audits: ReadonlyArray<StandingGrades>,
  sections: ReadonlyArray<{ key: string; title: string }>,
): RoundGrades {
  const overall = audits.map((a) => a.overall ?? null);
  const distribution = gradeDistribution(overall);
  const graded = overall.filter((g) => g !== null).length;
  const good = distribution
    .filter((d) => d.grade === 'outstanding' || d.grade === 'good')
    .reduce((n, d) => n + d.count, 0);
  return {
    graded,
    overall: distribution,
    goodOrBetter: share(good, graded),
    sections: sections.map((s) => {
      const grades = audits.map((a) => a[s.key] ?? null);
      return {
        key: s.key,
        title: s.title,
        graded: grades.filter((g) => g !== null).length,
        distribution: gradeDistribution(grades),
      };
    }),
  };
}

export interface Comparison {
  /** Percentage points by grade: this round's share less the other's. */
  change: Array<{ grade: Grade; points: number }>;
  /** Change in the share good or better, in percentage points, or null when either has no graded audit. */
  goodOrBetterPoints: number | null;
}

const points = (a: number, b: number) => Math.round((a - b) * 10) / 10;

/** How a round's overall grades moved against another round's. */
export function compareRounds(current: RoundGrades, other: RoundGrades): Comparison {
  return {
    change: current.overall.map((d, i) => ({
      grade: d.grade,
      points: points(d.percent, other.overall[i]!.percent),
    })),
    goodOrBetterPoints:
      current.goodOrBetter === null || other.goodOrBetter === null
        ? null
        : points(current.goodOrBetter, other.goodOrBetter),
  };
}

interface DatedRound {
  id: string;
  type: string;
  startDate: string;
}

/** The round of the same type that started last before this one. */
export function previousRound<R extends DatedRound>(round: R, all: readonly R[]): R | undefined {
  return all
    .filter((r) => r.id !== round.id && r.type === round.type && r.startDate < round.startDate)
    .sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
}

const dayNumber = (iso: string) =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5;

/**
 * The round of the same type that started nearest to a year before this one
 * (within three months either side), if any: "the same round last year".
 */
export function sameRoundLastYear<R extends DatedRound>(round: R, all: readonly R[]): R | undefined {
  const target = dayNumber(round.startDate) - 365;
  return all
    .filter((r) => r.id !== round.id && r.type === round.type)
    .map((r) => ({ r, gap: Math.abs(dayNumber(r.startDate) - target) }))
    .filter((x) => x.gap <= 92)
    .sort((a, b) => a.gap - b.gap)[0]?.r;
}

export interface ThemeCount {
  themeId: string;
  name: string;
  strengths: number;
  development: number;
  total: number;
  /** A few findings' words, areas for development first. */
  examples: string[];
}

/** Themes by how often the findings raise them, most first (ties by name), with up to `examples` examples each. */
export function themeFrequency(
  findings: ReadonlyArray<{ kind: string; text: string; themeIds: readonly string[] }>,
  themes: ReadonlyArray<{ id: string; name: string }>,
  examples = 3,
): ThemeCount[] {
  const byId = new Map<string, ThemeCount & { dev: string[]; str: string[] }>();
  for (const t of themes)
    byId.set(t.id, {
      themeId: t.id,
      name: t.name,
      strengths: 0,
      development: 0,
      total: 0,
      examples: [],
      dev: [],
      str: [],
    });
  for (const f of findings)
    for (const id of new Set(f.themeIds)) {
      const c = byId.get(id);
      if (!c) continue;
      c.total += 1;
      if (f.kind === 'strength') {
        c.strengths += 1;
        c.str.push(f.text);
      } else {
        c.development += 1;
        c.dev.push(f.text);
      }
    }
  return [...byId.values()]
    .filter((c) => c.total > 0)
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))
    .map(({ dev, str, ...c }) => ({ ...c, examples: [...dev, ...str].slice(0, examples) }));
}
