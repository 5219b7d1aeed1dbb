import { addDays, addMonths, laterOf } from '../../../platform/calendar/working-days';
import { eligibleChildFrom } from './eligibility';
import { addInterval, type Interval } from './interval';
import type { CaseEvent, CaseFacts, Episode, RuleDefinition, SchoolTerm } from './model';
import { type TaskStatus, taskStatus } from './status';
import { ENGLAND_TERMS, schoolAgeRange, type TermDates, termsBetween } from './terms';

/** One statutory task for one child, as computed. */
export interface ComputedTask {
  ruleKey: string;
  /** The version of the rule in force when this occurrence's clock started. */
  ruleVersion: number;
  personId: string;
  episodeId: string;
  /** 0 for the first occurrence of a recurring task. */
  occurrence: number;
  clockStart: string;
  due: string;
  completedOn: string | null;
  status: TaskStatus;
  daysLate: number;
  /** False when the episode has closed: kept for history and on-time rates, not for dashboards. */
  episodeOpen: boolean;
}

export interface EvaluationContext {
  today: string;
  holidays: ReadonlySet<string>;
}

/** One version of a rule: in force for clocks that start on or after its date. */
export interface RuleVersion {
  version: number;
  effectiveFrom: string;
  /** A retired rule gives no tasks to clocks starting on or after its date. */
  retired: boolean;
  definition: RuleDefinition;
}

/** The version in force on a date: the latest whose effective date is on or before it. */
export function versionInForce(versions: readonly RuleVersion[], date: string): RuleVersion | undefined {
  let found: RuleVersion | undefined;
  for (const v of versions) {
    if (
      v.effectiveFrom <= date &&
      (!found ||
        v.effectiveFrom > found.effectiveFrom ||
        (v.effectiveFrom === found.effectiveFrom && v.version > found.version))
    ) {
      found = v;
    }
  }
  return found;
}

function within(date: string, episode: Episode): boolean {
  return date >= episode.start && (!episode.end || date <= episode.end);
}

/** Whole months from a to b (b later), counting a month only when its day is reached. */
function monthsBetween(a: string, b: string): number {
  let months =
    (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + (Number(b.slice(5, 7)) - Number(a.slice(5, 7)));
  if (addMonths(a, months) > b) months -= 1;
  return months;
}

function intervalFor(
  rule: RuleDefinition,
  occurrence: number,
  from: string,
  episode: Episode,
  facts: CaseFacts,
): Interval {
  const base = rule.intervals[Math.min(occurrence, rule.intervals.length - 1)]!;
  // Age bands replace the repeating interval, never the first one (a health review's first falls a band after the initial assessment).
  if (rule.ageBands && facts.dateOfBirth) {
    const ageYears = monthsBetween(facts.dateOfBirth, from) / 12;
    const band = rule.ageBands.find((b) => ageYears < b.underYears);
    if (band) return band.interval;
  }
  if (rule.longTerm && episode.longTerm && monthsBetween(episode.start, from) >= rule.longTerm.afterMonths) {
    return rule.longTerm.interval;
  }
  if (rule.later && monthsBetween(episode.start, from) >= rule.later.afterMonths) return rule.later.interval;
  if (rule.afterEvent) {
    const { event } = rule.afterEvent;
    if (facts.events.some((ev) => ev.type === event && ev.date <= from && ev.date >= episode.start))
      return rule.afterEvent.interval;
  }
  return base;
}

/** Which placements a rule applies to: its kinds, or ordinary placements when it names none. */
function appliesTo(rule: RuleDefinition, episode: Episode): boolean {
  if (episode.type !== 'placement') return true;
  return rule.placementKinds ? !!episode.kind && rule.placementKinds.includes(episode.kind) : !episode.kind;
}

/** An interval in whole months, or undefined for working days, days, weeks and hours. */
function monthsOf(interval: Interval): number | undefined {
  return interval.unit === 'months'
    ? interval.amount
    : interval.unit === 'years'
      ? interval.amount * 12
      : undefined;
}

/**
 * Every task one rule gives one child: for each episode of the rule's scope,
 * when the clock starts, when each occurrence is due, whether and when it was
 * done, and its traffic light today. An episode that closes before a due date
 * leaves nothing due, except tasks whose clock starts at the episode's end
 * (the return home interview) and those a rule keeps due after it (an initial
 * conference still pending when the s47 enquiry closed).
 */
export function evaluateRule(
  ruleOrVersions: RuleDefinition | readonly RuleVersion[],
  facts: CaseFacts,
  ctx: EvaluationContext,
): ComputedTask[] {
  const versions: readonly RuleVersion[] = Array.isArray(ruleOrVersions)
    ? ruleOrVersions
    : [
        {
          version: 1,
          effectiveFrom: '0000-01-01',
          retired: false,
          definition: ruleOrVersions as RuleDefinition,
        },
      ];
  const latest = versions.reduce<RuleVersion | undefined>(
    (a, v) => (!a || v.version > a.version ? v : a),
    undefined,
  );
  if (!latest) return [];
  // Scope, clock start and completion are the rule's identity; intervals and amber come from the version in force.
  const rule = latest.definition;
  if (!rule.tracked) return [];
  const inForce = (clockStart: string) => {
    const v = versionInForce(versions, clockStart);
    return v && !v.retired && v.definition.tracked ? v : undefined;
  };
  const sameType = facts.episodes
    .filter((e) => e.type === rule.scope)
    .sort((a, b) => a.start.localeCompare(b.start));
  const scopeEpisodes = sameType.filter((e) => e.start <= ctx.today && appliesTo(rule, e));
  const scopeIds = new Set(sameType.map((e) => e.id));
  const dob = facts.dateOfBirth ?? null;
  const ageLimits =
    rule.ages && dob
      ? {
          from: addMonths(dob, rule.ages.fromYears * 12),
          until: addMonths(dob, rule.ages.untilYears * 12),
        }
      : undefined;
  // The event that starts the clock is not also its first completion (the initial health assessment is not a review).
  const startEvent =
    rule.start.kind === 'first-event' || rule.start.kind === 'last-event-before-start'
      ? rule.start.event
      : undefined;
  const countsAsDone = (done: string, clockStart: string) =>
    startEvent === rule.completion ? done > clockStart : done >= clockStart;
  const tasks: ComputedTask[] = [];

  for (const episode of scopeEpisodes) {
    if (rule.afterEpisodeEnds === 'unless-no-further-action' && episode.noFurtherAction === true) continue;
    const staysDue =
      rule.start.kind === 'episode-end' ||
      rule.afterEpisodeEnds === 'stays-due' ||
      (rule.afterEpisodeEnds === 'unless-no-further-action' && episode.noFurtherAction === false);
    // A task that stays due after the episode can be done after it: until the next episode of the type starts.
    const nextStart = sameType.find((e) => e.start > episode.start)?.start;
    const inWindow = (date: string) =>
      staysDue ? date >= episode.start && (!nextStart || date < nextStart) : within(date, episode);
    const belongs = (ev: CaseEvent) =>
      ev.episodeId && scopeIds.has(ev.episodeId) ? ev.episodeId === episode.id : inWindow(ev.date);
    const completions = facts.events
      .filter((ev) => ev.type === rule.completion && belongs(ev) && ev.date <= ctx.today)
      .map((ev) => ev.date)
      .sort();
    const open = !episode.end || episode.end > ctx.today;

    const make = (
      version: RuleVersion,
      occurrence: number,
      clockStart: string,
      due: string,
      completedOn: string | null,
    ): ComputedTask | null => {
      // Closed before it fell due and not done: it was never owed.
      if (!completedOn && episode.end && episode.end < due && !staysDue) return null;
      const { status, daysLate } = taskStatus({
        due,
        completedOn,
        today: completedOn || open || staysDue ? ctx.today : (episode.end ?? ctx.today),
        amberWorkingDays: version.definition.amberWorkingDays,
        holidays: ctx.holidays,
      });
      return {
        ruleKey: rule.key,
        ruleVersion: version.version,
        personId: facts.personId,
        episodeId: episode.id,
        occurrence,
        clockStart,
        due,
        completedOn,
        status,
        daysLate,
        episodeOpen: open || (staysDue && !completedOn),
      };
    };

    const eventDates = (type: CaseEvent['type']) =>
      facts.events
        .filter((ev) => ev.type === type && belongs(ev) && ev.date <= ctx.today)
        .map((ev) => ev.date)
        .sort();
    const starts: string[] = [];
    /** For an age start, the due date counted from the date of birth, so month ends are kept. */
    let ageDue: string | undefined;
    switch (rule.start.kind) {
      case 'episode-start':
        starts.push(episode.start);
        break;
      case 'episode-end':
        if (episode.end && episode.end <= ctx.today) starts.push(episode.end);
        break;
      case 'each-event':
        starts.push(...eventDates(rule.start.event));
        break;
      case 'last-event': {
        const dates = eventDates(rule.start.event);
        if (dates.length) starts.push(dates.at(-1)!);
        break;
      }
      case 'first-event': {
        const dates = eventDates(rule.start.event);
        if (dates.length) starts.push(dates[0]!);
        break;
      }
      case 'last-event-before-start': {
        const type = rule.start.event;
        const before = facts.events
          .filter((ev) => ev.type === type && ev.date <= episode.start)
          .map((ev) => ev.date)
          .sort();
        starts.push(before.at(-1) ?? episode.start);
        break;
      }
      case 'eligible-child': {
        const on = eligibleChildFrom(facts);
        if (on && on <= ctx.today && within(on, episode)) starts.push(on);
        break;
      }
      case 'age': {
        if (!dob) break;
        const months = rule.start.months;
        const milestone = addMonths(dob, months);
        if (milestone > ctx.today || (episode.end && milestone > episode.end)) break;
        const first = inForce(laterOf(milestone, episode.start))?.definition.intervals[0];
        const extra = first && monthsOf(first);
        if (extra !== undefined) ageDue = addMonths(dob, months + extra);
        if (ageDue && episode.start > ageDue) break;
        if (rule.eligibleAtSixteen && eligibleChildFrom(facts) !== addMonths(dob, 16 * 12)) break;
        starts.push(laterOf(milestone, episode.start));
        break;
      }
    }

    for (const start of starts.sort()) {
      const clockStart = ageLimits ? laterOf(start, ageLimits.from) : start;
      if (ageLimits && clockStart >= ageLimits.until) continue;
      if (clockStart > ctx.today) continue;
      if (rule.recurrence === 'once') {
        const version = inForce(clockStart);
        if (!version) continue;
        const interval = intervalFor(version.definition, 0, clockStart, episode, facts);
        const done = completions.find((d) => countsAsDone(d, clockStart)) ?? null;
        const due = ageDue ?? addInterval(clockStart, interval, ctx.holidays);
        const task = make(version, 0, clockStart, due, done);
        if (task) tasks.push(task);
        continue;
      }
      if (rule.recurrence === 'termly') {
        tasks.push(...termly(rule, versions, episode, dob, completions, clockStart, ctx, inForce, make));
        continue;
      }
      // Recurring: each completion closes one occurrence and starts the next clock.
      let previous = clockStart;
      let occurrence = 0;
      const occurrenceTask = (completedOn: string | null) => {
        const version = inForce(previous);
        if (!version) return null;
        const interval = intervalFor(version.definition, occurrence, previous, episode, facts);
        return make(
          version,
          occurrence,
          previous,
          addInterval(previous, interval, ctx.holidays),
          completedOn,
        );
      };
      for (const done of completions) {
        if (!countsAsDone(done, clockStart)) continue;
        const task = occurrenceTask(done);
        if (task) tasks.push(task);
        previous = done;
        occurrence += 1;
        if (ageLimits && previous >= ageLimits.until) break;
      }
      if (ageLimits && previous >= ageLimits.until) continue;
      const next = occurrenceTask(null);
      if (next) tasks.push(next);
    }
  }
  return tasks;
}

/**
 * The terms from..to, each by the term dates of the version in force when it
 * starts: a change of term dates from a date changes only the terms after it.
 */
function termDates(
  versions: readonly RuleVersion[],
  termsOf: (date: string) => readonly SchoolTerm[],
  from: string,
  to: string,
): TermDates[] {
  const lists = new Map<string, readonly SchoolTerm[]>();
  for (const list of [...versions.map((v) => v.definition.terms ?? ENGLAND_TERMS)])
    lists.set(JSON.stringify(list), list);
  const terms: TermDates[] = [];
  for (const [key, list] of lists) {
    for (const t of termsBetween(list, from, to)) if (JSON.stringify(termsOf(t.start)) === key) terms.push(t);
  }
  terms.sort((a, b) => a.start.localeCompare(b.start));
  return terms.map((t, i) => (i === 0 ? t : { ...t, windowStart: addDays(terms[i - 1]!.end, 1) }));
}

type Make = (
  version: RuleVersion,
  occurrence: number,
  clockStart: string,
  due: string,
  completedOn: string | null,
) => ComputedTask | null;

/**
 * A termly task (the PEP): the first occurrence an interval after the clock
 * starts, then one by the end of each later school term of compulsory school
 * age while the episode lasts. Each completion closes one occurrence, in
 * order; one done in the holiday before a term counts for that term.
 */
function termly(
  rule: RuleDefinition,
  versions: readonly RuleVersion[],
  episode: Episode,
  dob: string | null,
  completions: readonly string[],
  clockStart: string,
  ctx: EvaluationContext,
  inForce: (date: string) => RuleVersion | undefined,
  make: Make,
): ComputedTask[] {
  const tasks: ComputedTask[] = [];
  const termsOf = (date: string) => inForce(date)?.definition.terms ?? rule.terms ?? ENGLAND_TERMS;
  const age =
    rule.schoolAge && dob
      ? schoolAgeRange(dob, termsOf(clockStart), rule.schoolAge.fromYears, rule.schoolAge.untilYears)
      : undefined;
  let next = 0;
  const take = (from: string) => {
    while (next < completions.length && completions[next]! < from) next += 1;
    return next < completions.length ? completions[next++]! : null;
  };
  let anchor = clockStart;
  let occurrence = 0;
  const firstFits = !age || (clockStart >= age.from && clockStart <= age.until);
  const firstVersion = firstFits ? inForce(clockStart) : undefined;
  if (firstVersion) {
    const due = addInterval(clockStart, firstVersion.definition.intervals[0]!, ctx.holidays);
    const done = take(clockStart);
    const task = make(firstVersion, 0, clockStart, due, done);
    if (task) tasks.push(task);
    anchor = done ?? due;
    occurrence = 1;
  }
  // Without a first occurrence (too young on entering care), terms count from school age.
  const from = !firstVersion && age && age.from > clockStart ? age.from : undefined;
  const lastDay = episode.end && episode.end < ctx.today ? episode.end : ctx.today;
  for (const term of termDates(versions, termsOf, anchor, lastDay)) {
    // The term in which the first occurrence fell (or was due) is covered by it.
    if (from ? term.start < from : term.windowStart <= anchor) continue;
    if (age && (term.start < age.from || term.end > age.until)) continue;
    const start = laterOf(term.start, episode.start);
    if (start > lastDay) break;
    const version = inForce(start);
    if (!version) continue;
    const task = make(version, occurrence, start, term.end, take(term.windowStart));
    occurrence += 1;
    if (task) tasks.push(task);
  }
  return tasks;
}

/** All tasks all rules give one child. */
export function evaluateCase(
  rules: ReadonlyArray<RuleDefinition | readonly RuleVersion[]>,
  facts: CaseFacts,
  ctx: EvaluationContext,
): ComputedTask[] {
  return rules.flatMap((rule) => evaluateRule(rule, facts, ctx));
}
