import { addMonths, laterOf } from '../../../platform/calendar/working-days';
import { addInterval, type Interval } from './interval';
import type { CaseEvent, CaseFacts, Episode, RuleDefinition } from './model';
import { type TaskStatus, taskStatus } from './status';

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
  if (rule.ageBands && facts.dateOfBirth) {
    const ageYears = monthsBetween(facts.dateOfBirth, from) / 12;
    const band = rule.ageBands.find((b) => ageYears < b.underYears);
    if (band) return band.interval;
  }
  if (rule.longTerm && episode.longTerm && monthsBetween(episode.start, from) >= rule.longTerm.afterMonths) {
    return rule.longTerm.interval;
  }
  return base;
}

/**
 * Every task one rule gives one child: for each episode of the rule's scope,
 * when the clock starts, when each occurrence is due, whether and when it was
 * done, and its traffic light today. An episode that closes before a due date
 * leaves nothing due.
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
  const scopeEpisodes = facts.episodes.filter((e) => e.type === rule.scope && e.start <= ctx.today);
  const scopeIds = new Set(scopeEpisodes.map((e) => e.id));
  const tasks: ComputedTask[] = [];

  for (const episode of scopeEpisodes) {
    const belongs = (ev: CaseEvent) =>
      ev.episodeId && scopeIds.has(ev.episodeId) ? ev.episodeId === episode.id : within(ev.date, episode);
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
      if (!completedOn && episode.end && episode.end < due) return null;
      const { status, daysLate } = taskStatus({
        due,
        completedOn,
        today: completedOn || open ? ctx.today : (episode.end ?? ctx.today),
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
        episodeOpen: open,
      };
    };

    const starts: string[] = [];
    switch (rule.start.kind) {
      case 'episode-start':
        starts.push(episode.start);
        break;
      case 'each-event': {
        const type = rule.start.event;
        for (const ev of facts.events)
          if (ev.type === type && belongs(ev) && ev.date <= ctx.today) starts.push(ev.date);
        break;
      }
      case 'last-event': {
        const type = rule.start.event;
        const dates = facts.events
          .filter((ev) => ev.type === type && belongs(ev) && ev.date <= ctx.today)
          .map((ev) => ev.date)
          .sort();
        if (dates.length) starts.push(dates[dates.length - 1]!);
        break;
      }
      case 'age': {
        if (!facts.dateOfBirth) break;
        const milestone = addMonths(facts.dateOfBirth, rule.start.months);
        if (milestone <= ctx.today && (!episode.end || milestone <= episode.end))
          starts.push(laterOf(milestone, episode.start));
        break;
      }
    }

    for (const clockStart of starts.sort()) {
      if (rule.recurrence === 'once') {
        const version = inForce(clockStart);
        if (!version) continue;
        const interval = intervalFor(version.definition, 0, clockStart, episode, facts);
        const done = completions.find((d) => d >= clockStart) ?? null;
        const task = make(version, 0, clockStart, addInterval(clockStart, interval, ctx.holidays), done);
        if (task) tasks.push(task);
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
        if (done < clockStart) continue;
        const task = occurrenceTask(done);
        if (task) tasks.push(task);
        previous = done;
        occurrence += 1;
      }
      const next = occurrenceTask(null);
      if (next) tasks.push(next);
    }
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
