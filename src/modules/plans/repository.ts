/** Every query the plans module makes. Each is scoped by organisation. */
import { and, arrayOverlaps, asc, desc, eq, inArray, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { users } from '../../platform/schema';
import type { PlanDocument } from './document';
import {
  planActionLinks,
  planActions,
  planEvidenceFiles,
  planLeads,
  planPriorities,
  planRagChanges,
  planRagKey,
  planSnapshots,
  plans,
  planUpdates,
} from './schema';

export type PlanRow = typeof plans.$inferSelect;
export type NewPlanRow = typeof plans.$inferInsert;
export type PriorityRow = typeof planPriorities.$inferSelect;
export type ActionRowDb = typeof planActions.$inferSelect;
export type NewActionRow = typeof planActions.$inferInsert;
export type LeadRow = typeof planLeads.$inferSelect;
export type UpdateRow = typeof planUpdates.$inferSelect;
export type RagChangeRow = typeof planRagChanges.$inferSelect;
export type SnapshotRow = typeof planSnapshots.$inferSelect;

// RAG key

export async function ragKeyRows(db: Db, organisationId: string) {
  return db
    .select({ code: planRagKey.code, label: planRagKey.label, meaning: planRagKey.meaning })
    .from(planRagKey)
    .where(eq(planRagKey.organisationId, organisationId));
}

export async function saveRagKeyEntry(
  db: Db,
  row: {
    organisationId: string;
    code: string;
    label: string;
    meaning: string;
    updatedAt: Date;
    updatedBy: string | null;
  },
) {
  await db
    .insert(planRagKey)
    .values(row)
    .onConflictDoUpdate({
      target: [planRagKey.organisationId, planRagKey.code],
      set: { label: row.label, meaning: row.meaning, updatedAt: row.updatedAt, updatedBy: row.updatedBy },
    });
}

// Users (the platform's table: names for holders and authors, and who may hold a post)

export async function activeUsers(db: Db, organisationId: string) {
  return db
    .select({ id: users.id, name: users.name, jobTitle: users.jobTitle })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.active, true)))
    .orderBy(asc(users.name));
}

export async function userInOrganisation(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
  return row;
}

export async function userNames(db: Db, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), inArray(users.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// Leads roster

export async function listLeads(db: Db, organisationId: string) {
  return db
    .select({
      id: planLeads.id,
      jobTitle: planLeads.jobTitle,
      initials: planLeads.initials,
      holderUserId: planLeads.holderUserId,
      holderName: planLeads.holderName,
      holderUserName: users.name,
    })
    .from(planLeads)
    .leftJoin(users, eq(users.id, planLeads.holderUserId))
    .where(eq(planLeads.organisationId, organisationId))
    .orderBy(asc(planLeads.jobTitle));
}

export async function getLead(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(planLeads)
    .where(and(eq(planLeads.organisationId, organisationId), eq(planLeads.id, id)));
  return row;
}

export async function leadWithInitials(db: Db, organisationId: string, initials: string) {
  const [row] = await db
    .select({ id: planLeads.id })
    .from(planLeads)
    .where(
      and(
        eq(planLeads.organisationId, organisationId),
        sql`lower(${planLeads.initials}) = lower(${initials})`,
      ),
    );
  return row;
}

export async function insertLead(db: Db, row: typeof planLeads.$inferInsert) {
  const [created] = await db.insert(planLeads).values(row).returning({ id: planLeads.id });
  return created!;
}

export async function updateLead(
  db: Db,
  organisationId: string,
  id: string,
  set: Partial<typeof planLeads.$inferInsert>,
) {
  await db
    .update(planLeads)
    .set(set)
    .where(and(eq(planLeads.organisationId, organisationId), eq(planLeads.id, id)));
}

export async function leadIdsHeldBy(db: Db, organisationId: string, userId: string) {
  const rows = await db
    .select({ id: planLeads.id })
    .from(planLeads)
    .where(and(eq(planLeads.organisationId, organisationId), eq(planLeads.holderUserId, userId)));
  return rows.map((r) => r.id);
}

// Plans and priorities

export async function listPlans(db: Db, organisationId: string) {
  return db
    .select()
    .from(plans)
    .where(eq(plans.organisationId, organisationId))
    .orderBy(asc(plans.type), asc(plans.name));
}

export async function actionCountsByPlan(db: Db, organisationId: string) {
  const rows = await db
    .select({ planId: planActions.homePlanId, rag: planActions.rag, n: sql<number>`count(*)` })
    .from(planActions)
    .where(eq(planActions.organisationId, organisationId))
    .groupBy(planActions.homePlanId, planActions.rag);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function getPlan(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.organisationId, organisationId), eq(plans.id, id)));
  return row;
}

export async function committeePlan(db: Db, organisationId: string, committeeKey: string) {
  const [row] = await db
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.organisationId, organisationId),
        eq(plans.type, 'committee_outstanding'),
        eq(plans.committeeKey, committeeKey),
      ),
    );
  return row;
}

export async function insertPlan(db: Db, row: NewPlanRow) {
  const [created] = await db.insert(plans).values(row).returning({ id: plans.id });
  return created!;
}

export async function updatePlan(db: Db, organisationId: string, id: string, set: Partial<NewPlanRow>) {
  await db
    .update(plans)
    .set(set)
    .where(and(eq(plans.organisationId, organisationId), eq(plans.id, id)));
}

export async function listPriorities(db: Db, organisationId: string, planId: string) {
  return db
    .select()
    .from(planPriorities)
    .where(and(eq(planPriorities.organisationId, organisationId), eq(planPriorities.planId, planId)))
    .orderBy(asc(planPriorities.number));
}

export async function getPriority(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(planPriorities)
    .where(and(eq(planPriorities.organisationId, organisationId), eq(planPriorities.id, id)));
  return row;
}

export async function insertPriority(db: Db, row: typeof planPriorities.$inferInsert) {
  const [created] = await db.insert(planPriorities).values(row).returning({ id: planPriorities.id });
  return created!;
}

export async function updatePriority(
  db: Db,
  organisationId: string,
  id: string,
  set: { number: number; title: string },
) {
  await db
    .update(planPriorities)
    .set(set)
    .where(and(eq(planPriorities.organisationId, organisationId), eq(planPriorities.id, id)));
}

// Actions and links

/** An action as placed in one plan: its home placement or a link. */
export interface PlacedAction extends ActionRowDb {
  placementPriorityId: string;
  placementReference: string;
  linkId: string | null;
}

export async function actionsInPlan(db: Db, organisationId: string, planId: string): Promise<PlacedAction[]> {
  const home = await db
    .select()
    .from(planActions)
    .where(and(eq(planActions.organisationId, organisationId), eq(planActions.homePlanId, planId)));
  const linked = await db
    .select({ action: planActions, link: planActionLinks })
    .from(planActionLinks)
    .innerJoin(planActions, eq(planActions.id, planActionLinks.actionId))
    .where(and(eq(planActionLinks.organisationId, organisationId), eq(planActionLinks.planId, planId)));
  return [
    ...home.map((a) => ({
      ...a,
      placementPriorityId: a.priorityId,
      placementReference: a.reference,
      linkId: null,
    })),
    ...linked.map(({ action, link }) => ({
      ...action,
      placementPriorityId: link.priorityId,
      placementReference: link.reference,
      linkId: link.id,
    })),
  ];
}

/** Every reference taken in a plan, by home actions and by links. */
export async function referencesInPlan(db: Db, organisationId: string, planId: string) {
  const home = await db
    .select({ reference: planActions.reference, actionId: planActions.id })
    .from(planActions)
    .where(and(eq(planActions.organisationId, organisationId), eq(planActions.homePlanId, planId)));
  const linked = await db
    .select({ reference: planActionLinks.reference, actionId: planActionLinks.actionId })
    .from(planActionLinks)
    .where(and(eq(planActionLinks.organisationId, organisationId), eq(planActionLinks.planId, planId)));
  return [...home, ...linked];
}

export async function getAction(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(planActions)
    .where(and(eq(planActions.organisationId, organisationId), eq(planActions.id, id)));
  return row;
}

export async function actionsByIds(db: Db, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(planActions)
    .where(and(eq(planActions.organisationId, organisationId), inArray(planActions.id, [...ids])));
}

export async function insertAction(db: Db, row: NewActionRow) {
  const [created] = await db.insert(planActions).values(row).returning({ id: planActions.id });
  return created!;
}

export async function updateAction(db: Db, organisationId: string, id: string, set: Partial<NewActionRow>) {
  await db
    .update(planActions)
    .set(set)
    .where(and(eq(planActions.organisationId, organisationId), eq(planActions.id, id)));
}

export async function actionsLedBy(db: Db, organisationId: string, leadIds: readonly string[]) {
  if (leadIds.length === 0) return [];
  const ids = [...leadIds];
  return db
    .select()
    .from(planActions)
    .where(
      and(
        eq(planActions.organisationId, organisationId),
        or(
          inArray(planActions.leadOfficerId, ids),
          inArray(planActions.seniorLeadId, ids),
          inArray(planActions.areaLeadId, ids),
          // One of several leads named on the action ("JF/RG").
          arrayOverlaps(planActions.otherLeadIds, ids),
        ),
      ),
    );
}

export async function insertLink(db: Db, row: typeof planActionLinks.$inferInsert) {
  const [created] = await db.insert(planActionLinks).values(row).returning({ id: planActionLinks.id });
  return created!;
}

export async function linksOfAction(db: Db, organisationId: string, actionId: string) {
  return db
    .select({
      id: planActionLinks.id,
      planId: planActionLinks.planId,
      reference: planActionLinks.reference,
      planName: plans.name,
    })
    .from(planActionLinks)
    .innerJoin(plans, eq(plans.id, planActionLinks.planId))
    .where(and(eq(planActionLinks.organisationId, organisationId), eq(planActionLinks.actionId, actionId)));
}

// RAG history, updates and evidence

export async function insertRagChange(db: Db, row: typeof planRagChanges.$inferInsert) {
  const [created] = await db.insert(planRagChanges).values(row).returning({ id: planRagChanges.id });
  return created!;
}

export async function ragChangesOf(db: Db, organisationId: string, actionId: string) {
  return db
    .select({ change: planRagChanges, byName: users.name, fileName: planEvidenceFiles.filename })
    .from(planRagChanges)
    .leftJoin(users, eq(users.id, planRagChanges.changedBy))
    .leftJoin(planEvidenceFiles, eq(planEvidenceFiles.id, planRagChanges.evidenceFileId))
    .where(and(eq(planRagChanges.organisationId, organisationId), eq(planRagChanges.actionId, actionId)))
    .orderBy(asc(planRagChanges.changedAt));
}

/** The latest change to Blue for each action (its evidence of completion). */
export async function completionsOf(db: Db, organisationId: string, actionIds: readonly string[]) {
  if (actionIds.length === 0) return [];
  return db
    .select({ change: planRagChanges, fileName: planEvidenceFiles.filename })
    .from(planRagChanges)
    .leftJoin(planEvidenceFiles, eq(planEvidenceFiles.id, planRagChanges.evidenceFileId))
    .where(
      and(
        eq(planRagChanges.organisationId, organisationId),
        inArray(planRagChanges.actionId, [...actionIds]),
        eq(planRagChanges.toRag, 'blue'),
      ),
    )
    .orderBy(asc(planRagChanges.changedAt));
}

export async function insertUpdate(db: Db, row: typeof planUpdates.$inferInsert) {
  const [created] = await db.insert(planUpdates).values(row).returning({ id: planUpdates.id });
  return created!;
}

export async function getUpdate(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(planUpdates)
    .where(and(eq(planUpdates.organisationId, organisationId), eq(planUpdates.id, id)));
  return row;
}

export async function editUpdate(
  db: Db,
  organisationId: string,
  id: string,
  set: { updateDate: string; progress: string; focus: string | null; editedAt: Date },
) {
  await db
    .update(planUpdates)
    .set(set)
    .where(and(eq(planUpdates.organisationId, organisationId), eq(planUpdates.id, id)));
}

export async function updatesOf(db: Db, organisationId: string, actionIds: readonly string[]) {
  if (actionIds.length === 0) return [];
  return db
    .select({ update: planUpdates, authorName: users.name })
    .from(planUpdates)
    .leftJoin(users, eq(users.id, planUpdates.authorId))
    .where(and(eq(planUpdates.organisationId, organisationId), inArray(planUpdates.actionId, [...actionIds])))
    .orderBy(desc(planUpdates.updateDate), desc(planUpdates.createdAt));
}

export async function insertEvidenceFile(db: Db, row: typeof planEvidenceFiles.$inferInsert) {
  const [created] = await db.insert(planEvidenceFiles).values(row).returning({ id: planEvidenceFiles.id });
  return created!;
}

export async function getEvidenceFile(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(planEvidenceFiles)
    .where(and(eq(planEvidenceFiles.organisationId, organisationId), eq(planEvidenceFiles.id, id)));
  return row;
}

// Snapshots

export async function nextSnapshotNumber(db: Db, organisationId: string, planId: string) {
  const [row] = await db
    .select({ n: max(planSnapshots.number) })
    .from(planSnapshots)
    .where(and(eq(planSnapshots.organisationId, organisationId), eq(planSnapshots.planId, planId)));
  return Number(row?.n ?? 0) + 1;
}

export async function insertSnapshot(db: Db, row: typeof planSnapshots.$inferInsert) {
  const [created] = await db.insert(planSnapshots).values(row).returning({ id: planSnapshots.id });
  return created!;
}

const snapshotSummary = {
  id: planSnapshots.id,
  planId: planSnapshots.planId,
  number: planSnapshots.number,
  asAt: planSnapshots.asAt,
  publishedAt: planSnapshots.publishedAt,
  publishedByName: users.name,
  planName: plans.name,
  planType: plans.type,
};

export async function snapshotsOf(db: Db, organisationId: string, planId: string) {
  return db
    .select(snapshotSummary)
    .from(planSnapshots)
    .innerJoin(plans, eq(plans.id, planSnapshots.planId))
    .leftJoin(users, eq(users.id, planSnapshots.publishedBy))
    .where(and(eq(planSnapshots.organisationId, organisationId), eq(planSnapshots.planId, planId)))
    .orderBy(desc(planSnapshots.number));
}

export async function allSnapshots(db: Db, organisationId: string) {
  return db
    .select(snapshotSummary)
    .from(planSnapshots)
    .innerJoin(plans, eq(plans.id, planSnapshots.planId))
    .leftJoin(users, eq(users.id, planSnapshots.publishedBy))
    .where(eq(planSnapshots.organisationId, organisationId))
    .orderBy(asc(plans.name), desc(planSnapshots.number));
}

export async function snapshotByNumber(db: Db, organisationId: string, planId: string, number: number) {
  const [row] = await db
    .select({ snapshot: planSnapshots, publishedByName: users.name })
    .from(planSnapshots)
    .leftJoin(users, eq(users.id, planSnapshots.publishedBy))
    .where(
      and(
        eq(planSnapshots.organisationId, organisationId),
        eq(planSnapshots.planId, planId),
        eq(planSnapshots.number, number),
      ),
    );
  return row;
}

export async function snapshotById(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ snapshot: planSnapshots, publishedByName: users.name })
    .from(planSnapshots)
    .leftJoin(users, eq(users.id, planSnapshots.publishedBy))
    .where(and(eq(planSnapshots.organisationId, organisationId), eq(planSnapshots.id, id)));
  return row;
}

export type SnapshotDocument = PlanDocument;
