import { CARE_LEAVER_RULES } from './defaults/care-leavers';
import { FRONT_DOOR_RULES } from './defaults/front-door';
import { LOOKED_AFTER_RULES } from './defaults/looked-after';
import { OTHER_RULES } from './defaults/missing';
import type { RuleDefinition } from './model';

/**
 * The default statutory timescales (shared/reference/timescales.md). An
 * administrator edits them in the service; each edit is a new version.
 * Rules marked tracked: false have no source in the register yet: they are
 * listed so the set is complete, and computed once the data arrives.
 */
export const DEFAULT_RULES: readonly RuleDefinition[] = [
  ...FRONT_DOOR_RULES,
  ...LOOKED_AFTER_RULES,
  ...CARE_LEAVER_RULES,
  ...OTHER_RULES,
];

const BY_KEY = new Map(DEFAULT_RULES.map((r) => [r.key, r]));

/** The rule as shipped, by key. */
export function defaultRule(key: string): RuleDefinition | undefined {
  return BY_KEY.get(key);
}
