/**
 * A plan as one document: its header, priorities and action rows with their
 * current RAG, flags and latest update. The live plan page, every export and
 * every published snapshot use this one shape; a snapshot stores it frozen as
 * JSON, so what was published is what is shown later.
 */
import { compareReferences } from './reference';
import { isOverdue, isStale, type RagCounts, ragCounts } from './rules';
import type { Frequency, PlanType, RagCode, RagKeyEntry, RagScale, Source } from './vocab';

export const DOCUMENT_VERSION = 1;

export interface LeadRef {
  leadId: string;
  jobTitle: string;
  initials: string | null;
  /** Who held the post when the document was made. */
  holderName: string | null;
}

export interface DocUpdate {
  updateId: string;
  date: string;
  progress: string;
  focus: string | null;
  authorName: string | null;
}

export interface DocAction {
  actionId: string;
  reference: string;
  aim: string | null;
  source: Source;
  action: string;
  startDate: string | null;
  /** How precisely the start date was written, as for the end date (absent in older snapshots: a day). */
  startDatePrecision?: string | null;
  startDateText?: string | null;
  endDate: string | null;
  /** Absent in snapshots published before precision was kept: a day. */
  endDatePrecision?: string | null;
  endDateText?: string | null;
  measure: string | null;
  outcomeForChildren: string | null;
  leadOfficer: LeadRef | null;
  seniorLead: LeadRef | null;
  areaLead: LeadRef | null;
  /** Further leads after the lead officer (absent in snapshots published before several leads were kept). */
  otherLeads?: LeadRef[];
  /** The sub-heading the action sits under inside its priority. */
  subHeading?: string | null;
  /** Columns of an imported table with no place in a plan, as "Heading: value" lines. */
  extraText?: string | null;
  rag: RagCode;
  /** The action's score (0 to 10) where the organisation scores its actions. */
  score?: number | null;
  ragReviewedOn: string | null;
  addedOn: string;
  completedOn: string | null;
  completionEvidence: string | null;
  overdue: boolean;
  stale: boolean;
  latestUpdate: DocUpdate | null;
  /** Committee outstanding actions: when and under which agenda item the action was added. */
  dateAdded: string | null;
  agendaItem: string | null;
  /** Set when the action belongs to another plan and is linked into this one. */
  homePlan: { planId: string; name: string; reference: string } | null;
}

export interface DocPriority {
  priorityId: string;
  number: number;
  title: string;
  actions: DocAction[];
}

export interface PlanHeader {
  planId: string;
  type: PlanType;
  name: string;
  durationFrom: string | null;
  durationTo: string | null;
  relevantStrategies: string | null;
  previousVersions: string | null;
  monitoringBoard: string | null;
  owner: string | null;
  implementationDate: string | null;
  reviewDate: string | null;
  monitoringFrequency: Frequency;
  aims: string | null;
  committeeName: string | null;
  /** The imported document's columns in its order, each with the field it was read as. */
  tableColumns?: Array<{ heading: string; use: string }> | null;
}

export interface PlanDocument {
  version: number;
  plan: PlanHeader;
  /** The date the flags (overdue, stale) were worked out for. */
  asAt: string;
  ragKey: RagKeyEntry[];
  /** The score bands, where the organisation scores its actions. */
  ragScale?: RagScale | null;
  priorities: DocPriority[];
  counts: RagCounts;
}

/** An action row before its flags are worked out. */
export type ActionRow = Omit<DocAction, 'overdue' | 'stale'>;

export interface DocumentInput {
  plan: PlanHeader;
  asAt: string;
  ragKey: readonly RagKeyEntry[];
  ragScale?: RagScale | null;
  priorities: ReadonlyArray<{ priorityId: string; number: number; title: string }>;
  actions: ReadonlyArray<ActionRow & { priorityId: string }>;
}

/** Put the pieces together: priorities in number order, actions in reference order, flags as at the date. */
export function buildDocument(input: DocumentInput): PlanDocument {
  const priorities = [...input.priorities]
    .sort((a, b) => a.number - b.number)
    .map((p) => ({
      priorityId: p.priorityId,
      number: p.number,
      title: p.title,
      actions: input.actions
        .filter((a) => a.priorityId === p.priorityId)
        .sort((a, b) => compareReferences(a.reference, b.reference))
        .map(({ priorityId: _p, ...a }) => ({
          ...a,
          overdue: isOverdue(a, input.asAt),
          stale: isStale(a, input.plan.monitoringFrequency, input.asAt),
        })),
    }));
  return {
    version: DOCUMENT_VERSION,
    plan: input.plan,
    asAt: input.asAt,
    ragKey: [...input.ragKey],
    ragScale: input.ragScale ?? null,
    priorities,
    counts: ragCounts(priorities.flatMap((p) => p.actions)),
  };
}

export function allActions(doc: PlanDocument): DocAction[] {
  return doc.priorities.flatMap((p) => p.actions);
}

export interface ActionFilter {
  rag?: readonly RagCode[];
  leadId?: string;
  overdue?: boolean;
  stale?: boolean;
}

function holdsLead(a: DocAction, leadId: string): boolean {
  return [a.leadOfficer, a.seniorLead, a.areaLead].some((l) => l?.leadId === leadId);
}

export function matchesFilter(a: DocAction, f: ActionFilter): boolean {
  if (f.rag?.length && !f.rag.includes(a.rag)) return false;
  if (f.leadId && !holdsLead(a, f.leadId)) return false;
  if (f.overdue && !a.overdue) return false;
  if (f.stale && !a.stale) return false;
  return true;
}

/** The document with only matching actions; priorities left empty are dropped. Counts stay those of the whole plan. */
export function filterDocument(doc: PlanDocument, f: ActionFilter): PlanDocument {
  return {
    ...doc,
    priorities: doc.priorities
      .map((p) => ({ ...p, actions: p.actions.filter((a) => matchesFilter(a, f)) }))
      .filter((p) => p.actions.length > 0),
  };
}

/** A lead as plans print it in tables and files: the initials where the post has them, else the job title. */
export function leadText(lead: LeadRef | null): string {
  if (!lead) return '';
  return lead.initials ?? lead.jobTitle;
}

/** The lead officer and any further leads, as a plan writes them: "JF/RG". */
export function leadOfficersText(a: Pick<DocAction, 'leadOfficer' | 'otherLeads'>): string {
  return [a.leadOfficer, ...(a.otherLeads ?? [])].map(leadText).filter(Boolean).join('/');
}

/** The lead officer and any further leads in full, one post title after another. */
export function leadOfficersLong(a: Pick<DocAction, 'leadOfficer' | 'otherLeads'>): string {
  return [a.leadOfficer, ...(a.otherLeads ?? [])].map(leadLong).filter(Boolean).join('; ');
}

/** A lead in full: "Head of service, children in care (Sara Okafor-Lind)". */
export function leadLong(lead: LeadRef | null): string {
  if (!lead) return '';
  return lead.holderName ? `${lead.jobTitle} (${lead.holderName})` : `${lead.jobTitle} (post vacant)`;
}
