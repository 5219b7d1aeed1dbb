/**
 * The regulation 28 visiting kind of a placement: what the SSD codes imply,
 * and what a person set on the child's record where the extract cannot say.
 * Pure: no database. The names match the compliance rules' placement kinds.
 */
import { LONG_TERM_PLACEMENTS } from './ssd/codes';

export const PLACEMENT_KIND_LABELS = {
  ordinary: 'An ordinary placement (visits at least every 6 weeks after the first)',
  parent_before_assessment: 'Placed with a parent before the assessment is complete',
  connected_person_temporary: 'With a connected person on temporary approval',
  interim_care_order_at_home: 'At home with a parent under an interim care order',
  care_order_at_home: 'At home with a parent under a care order',
  short_breaks: 'Short breaks (an agreed series of short-term placements)',
} as const;

export type PlacementKindChoice = keyof typeof PLACEMENT_KIND_LABELS;
export type SpecialPlacementKind = Exclude<PlacementKindChoice, 'ordinary'>;
export const PLACEMENT_KIND_CHOICES = Object.keys(PLACEMENT_KIND_LABELS) as PlacementKindChoice[];

export function isPlacementKindChoice(value: string): value is PlacementKindChoice {
  return Object.hasOwn(PLACEMENT_KIND_LABELS, value);
}

/** Placed with parents or others with parental responsibility. */
const WITH_PARENTS = 'P1';

/**
 * What the extract says: placed with parents (P1) under an interim care order
 * (C1) or a full care order (C2) in force when the placement started; short
 * breaks where the legal status is an agreed series of short-term breaks
 * (V3, V4); long term for the long-term foster placement types (U1, U4).
 * Placement with a parent before assessment and a connected person's
 * temporary approval are in no SSD code: they are set by hand.
 */
export function placementKindFromSsd(
  placementType: string | null,
  legalStatuses: readonly string[],
): { kind: SpecialPlacementKind | null; longTerm: boolean } {
  const longTerm = placementType ? LONG_TERM_PLACEMENTS.has(placementType) : false;
  if (legalStatuses.includes('V3') || legalStatuses.includes('V4')) return { kind: 'short_breaks', longTerm };
  if (placementType === WITH_PARENTS) {
    if (legalStatuses.includes('C1')) return { kind: 'interim_care_order_at_home', longTerm };
    if (legalStatuses.includes('C2')) return { kind: 'care_order_at_home', longTerm };
  }
  return { kind: null, longTerm };
}

/** The kind the engine uses: the one set by hand (latest) wins over the SSD codes. */
export function placementVisiting(
  placementType: string | null,
  legalStatuses: readonly string[],
  set: { kind: string; longTerm: boolean } | null,
): { kind: SpecialPlacementKind | null; longTerm: boolean; source: 'set' | 'ssd' } {
  if (set && isPlacementKindChoice(set.kind)) {
    return { kind: set.kind === 'ordinary' ? null : set.kind, longTerm: set.longTerm, source: 'set' };
  }
  return { ...placementKindFromSsd(placementType, legalStatuses), source: 'ssd' };
}
