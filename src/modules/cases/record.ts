/**
 * The child's record: every current episode and event of a child the actor may see (audited
 * "child.view").
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import type { Actor } from '../../platform/permissions';
import { requireChild, SERVICE_LEVEL_NAMES, todayAt } from './access';
import type {
  caseCareLeavers,
  caseClaEpisodes,
  caseClaHealth,
  caseClaPeps,
  caseClaPlacements,
  caseClaReviews,
  caseClaVisits,
} from './looked-after-schema';
import { personRecordSets, RECORD_SETS } from './record-repository';
import { ageOn, camelRow, spec } from './record-rows';
import * as repo from './repository';
import type {
  caseAssessments,
  caseCinPlans,
  caseCinVisits,
  caseContacts,
  caseCpPlans,
  caseCpReviews,
  caseCpVisits,
  caseDisabilities,
  caseEarlyHelpEpisodes,
  caseImmigrationStatuses,
  caseInitialConferences,
  caseLegalStatuses,
  caseMissingEpisodes,
  caseReferrals,
  caseS47Enquiries,
} from './schema';
import { LEGAL_STATUS } from './ssd/codes';

// ---- one child -------------------------------------------------------------------

type Imported<T> = Omit<
  T,
  'organisationId' | 'rowHash' | 'firstImportId' | 'changedImportId' | 'closedByImportId' | 'personId'
>;

export interface ChildSummary {
  openCase: boolean;
  serviceLevel: string;
  serviceLevelName: string;
  legalStatus: { code: string; name: string; startDate: string } | null;
  allocatedWorker: { name: string; userId: string | null; role: string | null; since: string } | null;
  team: { name: string; teamId: string | null } | null;
  /** Short labels, shown as tags: "UASC", "Child protection plan", "Missing now"... */
  flags: string[];
}

export interface ChildRecord {
  id: string;
  sourceId: string;
  name: string;
  forename: string | null;
  surname: string | null;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  dateOfDeath: string | null;
  ageYears: number | null;
  sex: string | null;
  gender: string | null;
  ethnicity: string | null;
  nhsNumber: string | null;
  upn: string | null;
  upnUnknownReason: string | null;
  hasEhcp: boolean | null;
  nationality: string | null;
  legacyId: string | null;
  uasc: boolean;
  disabled: boolean;
  summary: ChildSummary;
  involvements: Array<{
    id: string;
    role: string | null;
    startDate: string;
    endDate: string | null;
    changeReason: string | null;
    workerName: string | null;
    workerUserId: string | null;
    teamName: string | null;
    teamId: string | null;
    current: boolean;
  }>;
  referrals: Imported<typeof caseReferrals.$inferSelect>[];
  assessments: Imported<typeof caseAssessments.$inferSelect>[];
  s47Enquiries: Imported<typeof caseS47Enquiries.$inferSelect>[];
  initialConferences: Imported<typeof caseInitialConferences.$inferSelect>[];
  cpPlans: Imported<typeof caseCpPlans.$inferSelect>[];
  cpReviews: Imported<typeof caseCpReviews.$inferSelect>[];
  cpVisits: Imported<typeof caseCpVisits.$inferSelect>[];
  cinPlans: Imported<typeof caseCinPlans.$inferSelect>[];
  cinVisits: Imported<typeof caseCinVisits.$inferSelect>[];
  claEpisodes: Imported<typeof caseClaEpisodes.$inferSelect>[];
  placements: Imported<typeof caseClaPlacements.$inferSelect>[];
  claReviews: Imported<typeof caseClaReviews.$inferSelect>[];
  claVisits: Imported<typeof caseClaVisits.$inferSelect>[];
  health: Imported<typeof caseClaHealth.$inferSelect>[];
  peps: Imported<typeof caseClaPeps.$inferSelect>[];
  careLeaver: Imported<typeof caseCareLeavers.$inferSelect> | null;
  missing: Imported<typeof caseMissingEpisodes.$inferSelect>[];
  earlyHelp: Imported<typeof caseEarlyHelpEpisodes.$inferSelect>[];
  contacts: Imported<typeof caseContacts.$inferSelect>[];
  legalStatuses: Imported<typeof caseLegalStatuses.$inferSelect>[];
  immigrationStatuses: Imported<typeof caseImmigrationStatuses.$inferSelect>[];
  disabilities: Imported<typeof caseDisabilities.$inferSelect>[];
}

/** The child's record, with every current episode and event, for a person the actor may see. */
export async function getChildForActor(
  db: Db,
  actor: Actor,
  personId: string,
  ctx: AuditContext,
): Promise<ChildRecord> {
  await requireChild(db, actor, personId, ctx);
  const today = todayAt(ctx);
  // The person and the register's rows together: two queries, run side by side on a server.
  const [personRow, { involvements: involvementRows, sets }] = await Promise.all([
    repo.personRecord<Record<string, unknown>>(db, spec('ssd_person'), actor.organisationId, personId),
    personRecordSets(db, actor.organisationId, personId, RECORD_SETS),
  ]);
  const person = camelRow<Record<string, unknown>>(personRow!);
  const rows = <K extends keyof ChildRecord>(key: K) =>
    (sets[key] ?? []).map((r) => camelRow<Record<string, unknown>>(r)) as unknown as ChildRecord[K];
  const referrals = rows('referrals');
  const assessments = rows('assessments');
  const s47Enquiries = rows('s47Enquiries');
  const initialConferences = rows('initialConferences');
  const cpPlans = rows('cpPlans');
  const cpReviews = rows('cpReviews');
  const cpVisits = rows('cpVisits');
  const cinPlans = rows('cinPlans');
  const cinVisits = rows('cinVisits');
  const claEpisodes = rows('claEpisodes');
  const placements = rows('placements');
  const claReviews = rows('claReviews');
  const claVisits = rows('claVisits');
  const health = rows('health');
  const peps = rows('peps');
  const careLeavers = (sets.careLeaver ?? []).map((r) => camelRow<NonNullable<ChildRecord['careLeaver']>>(r));
  const missing = rows('missing');
  const earlyHelp = rows('earlyHelp');
  const contacts = rows('contacts');
  const legalStatuses = rows('legalStatuses');
  const immigrationStatuses = rows('immigrationStatuses');
  const disabilities = rows('disabilities');
  const involvements = involvementRows.map((i) => ({
    id: i.id,
    role: i.role,
    startDate: i.start_date,
    endDate: i.end_date,
    changeReason: i.change_reason,
    workerName: i.worker_name,
    workerUserId: i.worker_user_id,
    teamName: i.team_name,
    teamId: i.team_id,
    current: i.start_date <= today && (i.end_date === null || i.end_date >= today),
  }));
  const current = [...involvements].reverse().find((i) => i.current) ?? null;
  const legal = [...legalStatuses].reverse().find((l) => l.endDate === null || l.endDate >= today) ?? null;
  const careLeaver = careLeavers.at(-1) ?? null;
  const flags: string[] = [];
  if (person.uasc) flags.push('UASC');
  if (cpPlans.some((p) => p.endDate === null)) flags.push('Child protection plan');
  if (claEpisodes.some((e) => e.ceasedDate === null)) flags.push('Looked after');
  if (missing.some((m) => m.endDate === null)) flags.push('Missing now');
  if (person.disabled) flags.push('Disabled');
  if (person.hasEhcp) flags.push('EHC plan');
  if (careLeaver && person.serviceLevel === 'care_leaver') flags.push('Care leaver');
  if (person.dateOfDeath) flags.push('Died');
  const record: ChildRecord = {
    id: person.id as string,
    sourceId: person.sourceId as string,
    name: [person.forename, person.surname].filter(Boolean).join(' ') || `Child ${person.sourceId}`,
    forename: person.forename as string | null,
    surname: person.surname as string | null,
    dateOfBirth: person.dateOfBirth as string | null,
    expectedDateOfBirth: person.expectedDateOfBirth as string | null,
    dateOfDeath: person.dateOfDeath as string | null,
    ageYears: ageOn(person.dateOfBirth as string | null, today),
    sex: person.sex as string | null,
    gender: person.gender as string | null,
    ethnicity: person.ethnicity as string | null,
    nhsNumber: person.nhsNumber as string | null,
    upn: person.upn as string | null,
    upnUnknownReason: person.upnUnknownReason as string | null,
    hasEhcp: person.hasEhcp as boolean | null,
    nationality: person.nationality as string | null,
    legacyId: person.legacyId as string | null,
    uasc: person.uasc as boolean,
    disabled: person.disabled as boolean,
    summary: {
      openCase: person.openCase as boolean,
      serviceLevel: person.serviceLevel as string,
      serviceLevelName: SERVICE_LEVEL_NAMES[person.serviceLevel as string] ?? String(person.serviceLevel),
      legalStatus: legal
        ? {
            code: legal.legalStatus,
            name: LEGAL_STATUS.codes[legal.legalStatus] ?? legal.legalStatus,
            startDate: legal.startDate,
          }
        : null,
      allocatedWorker: current?.workerName
        ? {
            name: current.workerName,
            userId: current.workerUserId,
            role: current.role,
            since: current.startDate,
          }
        : null,
      team: current?.teamName ? { name: current.teamName, teamId: current.teamId } : null,
      flags,
    },
    involvements,
    referrals,
    assessments,
    s47Enquiries,
    initialConferences,
    cpPlans,
    cpReviews,
    cpVisits,
    cinPlans,
    cinVisits,
    claEpisodes,
    placements,
    claReviews,
    claVisits,
    health,
    peps,
    careLeaver,
    missing,
    earlyHelp,
    contacts,
    legalStatuses,
    immigrationStatuses,
    disabilities,
  };
  await recordAudit(db, ctx, { action: 'child.view', recordType: 'child', recordId: personId });
  return record;
}
