/**
 * The adults' safeguarding vocabularies, following the annual Safeguarding
 * Adults Collection (SAC): types and locations of abuse, source of risk,
 * making safeguarding personal, risk outcome. Each list is value -> label;
 * values are what the register stores and what an import may give.
 */

export type Vocabulary = Readonly<Record<string, string>>;

export const CONCERN_SOURCES = {
  'social-care': 'Social care staff',
  health: 'Health staff',
  police: 'Police',
  family: 'Family member',
  'friend-neighbour': 'Friend or neighbour',
  self: 'The adult themselves',
  cqc: 'Care Quality Commission',
  housing: 'Housing',
  education: 'Education, training or workplace',
  other: 'Other',
} as const satisfies Vocabulary;

export const ABUSE_TYPES = {
  physical: 'Physical abuse',
  sexual: 'Sexual abuse',
  psychological: 'Psychological abuse',
  financial: 'Financial or material abuse',
  discriminatory: 'Discriminatory abuse',
  organisational: 'Organisational abuse',
  neglect: 'Neglect and acts of omission',
  domestic: 'Domestic abuse',
  'sexual-exploitation': 'Sexual exploitation',
  'modern-slavery': 'Modern slavery',
  'self-neglect': 'Self-neglect',
} as const satisfies Vocabulary;

export const LOCATIONS = {
  'own-home': 'Own home',
  community: 'In the community (excluding community services)',
  'community-service': 'In a community service',
  'care-home-nursing': 'Care home: nursing',
  'care-home-residential': 'Care home: residential',
  'hospital-acute': 'Hospital: acute',
  'hospital-mental-health': 'Hospital: mental health',
  'hospital-community': 'Hospital: community',
  other: 'Other',
} as const satisfies Vocabulary;

export const RISK_SOURCES = {
  'service-provider': 'Service provider',
  'known-to-individual': 'Other: known to the individual',
  'unknown-to-individual': 'Other: unknown to the individual',
} as const satisfies Vocabulary;

export const DECISIONS = { yes: 'Yes: a section 42 enquiry', no: 'No' } as const satisfies Vocabulary;

export const ENQUIRY_TYPES = {
  s42: 'Section 42 enquiry',
  other: 'Other safeguarding enquiry',
} as const satisfies Vocabulary;

export const OUTCOMES_ASKED = {
  expressed: 'Yes: asked, and outcomes were expressed',
  'none-expressed': 'Yes: asked, but no outcomes were expressed',
  'not-asked': 'No: not asked',
} as const satisfies Vocabulary;

export const OUTCOMES_ACHIEVED = {
  fully: 'Fully achieved',
  partly: 'Partly achieved',
  not: 'Not achieved',
} as const satisfies Vocabulary;

export const RISK_OUTCOMES = {
  removed: 'Risk removed',
  reduced: 'Risk reduced',
  remains: 'Risk remains',
} as const satisfies Vocabulary;

export type ConcernSource = keyof typeof CONCERN_SOURCES;
export type AbuseType = keyof typeof ABUSE_TYPES;
export type Location = keyof typeof LOCATIONS;
export type RiskSource = keyof typeof RISK_SOURCES;
export type Decision = keyof typeof DECISIONS;
export type EnquiryType = keyof typeof ENQUIRY_TYPES;
export type OutcomesAsked = keyof typeof OUTCOMES_ASKED;
export type OutcomesAchieved = keyof typeof OUTCOMES_ACHIEVED;
export type RiskOutcome = keyof typeof RISK_OUTCOMES;

/** The values of a vocabulary, for zod enums. */
export function valuesOf<V extends Vocabulary>(v: V): [keyof V & string, ...Array<keyof V & string>] {
  return Object.keys(v) as [keyof V & string, ...Array<keyof V & string>];
}

/** Radio or checkbox items for a vocabulary. */
export function itemsOf(v: Vocabulary): Array<{ value: string; text: string }> {
  return Object.entries(v).map(([value, text]) => ({ value, text }));
}
