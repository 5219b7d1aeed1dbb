/**
 * The education service's lists, recorded in Oversight: add a child to a list
 * (from the child's record), record the last day on it, and read each list's
 * children now and the counts at the end of each of the last 12 months, for
 * the children the person may see. Changes are one transaction with their
 * access-audit event; person-level reads are audited. All queries live here
 * and are scoped by organisation (the lists are small: one query a list page).
 */
import { and, asc, eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { londonDateOf } from '../../platform/clock';
import { anyId } from '../../platform/db/any-id';
import type { Db } from '../../platform/db/client';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { childIdsInScope, childNames, mayViewChild } from '../cases/service';
import {
  checkListDates,
  countsOverTime,
  EDUCATION_LISTS,
  type EducationList,
  monthEnds,
  onListOn,
} from './education-lists';
import { educationListEntries } from './education-lists-schema';

export type ListEntryRow = typeof educationListEntries.$inferSelect;

export interface ListEntryInput {
  list: EducationList;
  fromOn: string;
  note: string | null;
}

function check(errors: Record<string, string>) {
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

export async function addToList(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  personId: string,
  input: ListEntryInput,
): Promise<void> {
  if (!(await mayViewChild(db, actor, personId, ctx.at))) throw new NotFoundError('child');
  check(checkListDates(input.fromOn, null, londonDateOf(ctx.at)));
  await db.transaction(async (tx) => {
    await tx.insert(educationListEntries).values({
      organisationId: actor.organisationId,
      personId,
      ...input,
      recordedBy: actor.userId,
      recordedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'missing.education-list.add',
      recordType: 'child',
      recordId: personId,
      detail: `${input.list} from ${input.fromOn}`,
    });
  });
}

/** An entry the actor may see, or not found. */
export async function listEntryOf(db: Db, actor: Actor, id: string, at: Date): Promise<ListEntryRow> {
  const [row] = /^[0-9a-f-]{36}$/i.test(id)
    ? await db
        .select()
        .from(educationListEntries)
        .where(
          and(eq(educationListEntries.organisationId, actor.organisationId), eq(educationListEntries.id, id)),
        )
    : [];
  if (!row || !(await mayViewChild(db, actor, row.personId, at))) throw new NotFoundError('entry');
  return row;
}

export async function endListEntry(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  toOn: string,
): Promise<void> {
  const row = await listEntryOf(db, actor, id, ctx.at);
  if (row.toOn) throw new ValidationError({ toOn: 'The child is already off this list' });
  check(checkListDates(row.fromOn, toOn, londonDateOf(ctx.at)));
  await db.transaction(async (tx) => {
    await tx
      .update(educationListEntries)
      .set({ toOn, endedBy: actor.userId })
      .where(
        and(eq(educationListEntries.organisationId, actor.organisationId), eq(educationListEntries.id, id)),
      );
    await recordAudit(tx, ctx, {
      action: 'missing.education-list.end',
      recordType: 'child',
      recordId: row.personId,
      detail: `${row.list} to ${toOn}`,
    });
  });
}

/** A child's entries, for the panel on the child's record (the record page checks and audits the read). */
export async function listEntriesOfChild(db: Db, organisationId: string, personId: string) {
  return db
    .select()
    .from(educationListEntries)
    .where(
      and(
        eq(educationListEntries.organisationId, organisationId),
        eq(educationListEntries.personId, personId),
      ),
    )
    .orderBy(asc(educationListEntries.fromOn));
}

/** Each list's children now (named) and its counts at the last 12 month ends; audited as a list read. */
export async function educationListsOverview(db: Db, actor: Actor, ctx: AuditContext) {
  const people = await childIdsInScope(db, actor, ctx.at);
  const rows =
    people !== 'all' && people.length === 0
      ? []
      : await db
          .select()
          .from(educationListEntries)
          .where(
            and(
              eq(educationListEntries.organisationId, actor.organisationId),
              people === 'all' ? undefined : anyId(educationListEntries.personId, people),
            ),
          )
          .orderBy(asc(educationListEntries.fromOn));
  const today = londonDateOf(ctx.at);
  const dates = monthEnds(today, 12);
  const current = rows.filter((r) => onListOn(r, today));
  const names = await childNames(db, actor.organisationId, [...new Set(current.map((r) => r.personId))]);
  await recordAudit(db, ctx, {
    action: 'missing.education-list.view',
    recordType: 'child',
    detail: `${current.length} children on lists`,
  });
  return {
    dates,
    counts: countsOverTime(rows, dates),
    current: EDUCATION_LISTS.map((list) => ({
      list,
      children: current
        .filter((r) => r.list === list)
        .map((r) => ({ ...r, childName: names.get(r.personId) ?? 'Unknown child' }))
        .sort((a, b) => a.childName.localeCompare(b.childName)),
    })),
  };
}
