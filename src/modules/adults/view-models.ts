/** What the register's pages show of a concern: labels for the stored values, dates as people write them. */
import { formatDate } from '../../platform/http/views';
import type { StoredConcern } from './repository';
import {
  ABUSE_TYPES,
  CONCERN_SOURCES,
  DECISIONS,
  ENQUIRY_TYPES,
  LOCATIONS,
  OUTCOMES_ACHIEVED,
  OUTCOMES_ASKED,
  RISK_OUTCOMES,
  RISK_SOURCES,
  type Vocabulary,
} from './vocab';

const NONE = 'Not recorded';
const label = (v: Vocabulary, value: string | null) => (value ? (v[value] ?? value) : NONE);
const day = (d: string | null) => (d ? formatDate(d) : NONE);

/** The enquiry's state in a word: none, open or concluded. */
export function enquiryState(c: Pick<StoredConcern, 'enquiryType' | 'enquiryConcludedOn'>): string {
  if (!c.enquiryType) return 'No enquiry';
  return c.enquiryConcludedOn ? 'Concluded' : 'Open';
}

export function listRow(c: StoredConcern) {
  return {
    id: c.id,
    reference: c.reference,
    personRef: c.personRef,
    received: formatDate(c.receivedOn),
    decision: c.s42Decision ? (c.s42Decision === 'yes' ? 'Yes' : 'No') : 'Not decided',
    enquiry: c.enquiryType
      ? `${ENQUIRY_TYPES[c.enquiryType as keyof typeof ENQUIRY_TYPES] ?? c.enquiryType}: ${enquiryState(c).toLowerCase()}`
      : 'No enquiry',
    abuse: c.abuseTypes.map((t) => label(ABUSE_TYPES, t)).join(', ') || NONE,
  };
}

/** GOV.UK summary list rows for one concern. */
export function summaryRows(c: StoredConcern): Array<{ key: { text: string }; value: { text: string } }> {
  const rows: Array<[string, string]> = [
    ['Concern ID', c.reference],
    ['Person ID', c.personRef],
    ['Date received', day(c.receivedOn)],
    ['Source of concern', label(CONCERN_SOURCES, c.source)],
    ['Section 42 decision', c.s42Decision ? label(DECISIONS, c.s42Decision) : 'Not decided'],
    ['Date of decision', day(c.decisionOn)],
    ['Enquiry', c.enquiryType ? label(ENQUIRY_TYPES, c.enquiryType) : 'No enquiry'],
    ['Enquiry started', day(c.enquiryStartedOn)],
    ['Enquiry concluded', day(c.enquiryConcludedOn)],
    ['Type of abuse', c.abuseTypes.map((t) => label(ABUSE_TYPES, t)).join(', ') || NONE],
    ['Location of abuse', label(LOCATIONS, c.location)],
    ['Source of risk', label(RISK_SOURCES, c.riskSource)],
    ['Asked about outcomes', label(OUTCOMES_ASKED, c.outcomesAsked)],
    ['Outcomes achieved', label(OUTCOMES_ACHIEVED, c.outcomesAchieved)],
    ['Risk outcome', label(RISK_OUTCOMES, c.riskOutcome)],
  ];
  return rows.map(([key, value]) => ({ key: { text: key }, value: { text: value } }));
}
