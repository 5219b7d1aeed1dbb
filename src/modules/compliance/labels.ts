import { monthNames } from '../../platform/http/views';
import { formatIntervalSequence } from './rules/interval';
import type { RuleDefinition } from './rules/model';

export const SERVICE_LEVEL_LABELS: Record<RuleDefinition['serviceLevel'], string> = {
  front_door: 'Front door',
  child_in_need: 'Child in need',
  child_protection: 'Child protection',
  looked_after: 'Looked after',
  care_leaver: 'Care leaver',
  missing: 'Missing',
  early_help: 'Early help',
};

export const TASK_TYPE_LABELS: Record<string, string> = {
  decision: 'Decision',
  assessment: 'Assessment',
  conference: 'Conference',
  visit: 'Visit',
  meeting: 'Meeting',
  review: 'Review',
  health: 'Health assessment',
  plan: 'Plan',
  interview: 'Return interview',
  supervision: 'Supervision',
};

/** Tasks recorded with the visit form, and the kind of visit each is. */
export const VISIT_KINDS: Record<string, string> = {
  'cla-visit': 'looked_after',
  'cp-visit': 'child_protection',
  'cin-visit': 'child_in_need',
};

export const SOURCE_TYPE_LABELS: Record<RuleDefinition['sourceType'], string> = {
  statute: 'Statute',
  regulation: 'Regulation',
  guidance: 'Statutory guidance',
  local: 'Local standard',
};

/** "12-20" -> "20 December". */
export function dayMonth(monthDay: string): string {
  return `${Number(monthDay.slice(3, 5))} ${monthNames[Number(monthDay.slice(0, 2)) - 1]}`;
}

/** "45 working days", or with age bands and long-term placements spelled out. */
export function describeDue(def: RuleDefinition): string {
  let text = formatIntervalSequence(def.intervals);
  if (def.ageBands?.length) {
    text += `; ${def.ageBands.map((b) => `${formatIntervalSequence([b.interval])} under age ${b.underYears}`).join('; ')}`;
  }
  if (def.afterEvent) {
    text += `; after the first ${def.afterEvent.event.replaceAll('_', ' ')}, ${formatIntervalSequence([def.afterEvent.interval])}`;
  }
  if (def.later) {
    text += `; after ${def.later.afterMonths} months, ${formatIntervalSequence([def.later.interval])}`;
  }
  if (def.recurrence === 'termly') {
    text += `, then by the end of each school term (${(def.terms ?? []).map((t) => `${t.name.toLowerCase()} ends ${dayMonth(t.end)}`).join('; ')})`;
  }
  if (def.longTerm) {
    text += `; after ${def.longTerm.afterMonths} months in a long-term placement, ${formatIntervalSequence([def.longTerm.interval])}`;
  }
  return text;
}
