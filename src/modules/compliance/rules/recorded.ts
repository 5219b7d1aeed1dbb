/**
 * When a "No data yet" rule starts working: its event is one no extract
 * holds (recorded by form on the child's record), and the organisation has
 * recorded at least one. From then the rule is computed for every child in
 * its scope, so a child without the event shows the task due or overdue.
 */
import type { RuleVersion } from './engine';
import { RECORDED_EVENT_TYPES, type RuleDefinition } from './model';

const RECORDED: ReadonlySet<string> = new Set(RECORDED_EVENT_TYPES);
/**
 * Events the practice records keep rather than a form on the child's record:
 * the children discussed at each supervision. They switch their rule on the
 * same way, but the task links to no event form.
 */
const KEPT_BY_PRACTICE: ReadonlySet<string> = new Set(['supervision']);

/** Whether the rule waits for an event recorded by form (and is otherwise complete). */
export function needsRecordedEvent(definition: RuleDefinition): boolean {
  return !definition.tracked && !definition.placementKinds && RECORDED.has(definition.completion);
}

/** Whether the rule waits for its event to be recorded in Oversight (by form or in the supervision records). */
export function waitsForRecording(definition: RuleDefinition): boolean {
  return (
    needsRecordedEvent(definition) ||
    (!definition.tracked && !definition.placementKinds && KEPT_BY_PRACTICE.has(definition.completion))
  );
}

/** Whether the rule works for an organisation that has recorded these kinds of event. */
export function activeByRecording(definition: RuleDefinition, recorded: ReadonlySet<string>): boolean {
  return waitsForRecording(definition) && recorded.has(definition.completion);
}

/** The rules as the engine takes them, with those the organisation now records switched on. */
export function withRecordedRules(
  rules: ReadonlyArray<readonly RuleVersion[]>,
  recorded: ReadonlySet<string>,
): Array<readonly RuleVersion[]> {
  return rules.map((versions) =>
    versions.map((v) =>
      activeByRecording(v.definition, recorded)
        ? { ...v, definition: { ...v.definition, tracked: true } }
        : v,
    ),
  );
}
