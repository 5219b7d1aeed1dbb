/**
 * The words of the children missing education register. vocabularies.md
 * names the register but gives it no lists of its own; these follow the
 * Department for Education's guidance on children missing education and the
 * outcomes the issue names (located and confirmed; taken off roll).
 */

export const REPORTER_KINDS = ['school', 'other'] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];
export const REPORTER_KIND_LABELS: Record<ReporterKind, string> = {
  school: 'The school',
  other: 'Someone else (a parent, another service, the police...)',
};

export const CME_REASONS = [
  'stopped_attending',
  'moved_no_school',
  'no_school_place',
  'excluded_no_provision',
  'removed_from_roll',
  'other',
] as const;
export type CmeReason = (typeof CME_REASONS)[number];
export const CME_REASON_LABELS: Record<CmeReason, string> = {
  stopped_attending: 'Stopped attending school without explanation',
  moved_no_school: 'Moved home; no new school known',
  no_school_place: 'No school place (new to the area, or waiting for a place)',
  excluded_no_provision: 'Permanently excluded with no education arranged',
  removed_from_roll: 'Removed from roll by a parent; education not known',
  other: 'Another reason',
};

export const CME_OUTCOMES = [
  'found_in_school',
  'moved_out_of_area',
  'moved_abroad',
  'elective_home_education',
  'whereabouts_unknown',
  'other',
] as const;
export type CmeOutcome = (typeof CME_OUTCOMES)[number];
export const CME_OUTCOME_LABELS: Record<CmeOutcome, string> = {
  found_in_school: 'Found in school (back at school, or on roll at another)',
  moved_out_of_area: 'Moved out of the area (the new authority told)',
  moved_abroad: 'Moved abroad (confirmed)',
  elective_home_education: 'Elective home education (confirmed with the parents)',
  whereabouts_unknown: 'Whereabouts unknown (taken off roll after enquiries)',
  other: 'Another outcome',
};

/** Outcomes that say where the child is: they need the date the child was located and confirmed. */
export const LOCATED_OUTCOMES: ReadonlySet<CmeOutcome> = new Set([
  'found_in_school',
  'moved_out_of_area',
  'moved_abroad',
  'elective_home_education',
]);
