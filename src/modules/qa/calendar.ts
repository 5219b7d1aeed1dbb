/**
 * The QA calendar: recurring activities (the typical year of quality
 * assurance), their dated items made by the recurrence for a year, and
 * completion with evidence by the owner or quality assurance. Overdue items
 * are flagged and counted for the QA officer's home page.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { addDays } from '../../platform/calendar/working-days';
import type { Db } from '../../platform/db/client';
import { activeUsers } from '../../platform/directory';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type Actor, can } from '../../platform/permissions';
import { byMonth, instancesInYear, itemState, type Recurrence, recurrenceProblems } from './calendar-rules';
import { QA, qaPermissions } from './permissions';
import * as repo from './practice-repository';

export interface ActivityInput extends Recurrence {
  name: string;
  ownerId: string;
}

/** People who can own an activity: those who may read the calendar and complete what they own. */
export async function possibleOwners(db: Db, organisationId: string) {
  return activeUsers(db, organisationId, { roles: qaPermissions[QA.calendarRead]!.roles });
}

const itemRows = (activity: repo.ActivityRow, year: number, at: Date) =>
  instancesInYear(
    {
      frequency: activity.frequency as Recurrence['frequency'],
      months: activity.months,
      dueDay: activity.dueDay,
    },
    year,
  ).map((dueDate) => ({
    organisationId: activity.organisationId,
    activityId: activity.id,
    dueDate,
    createdAt: at,
  }));

/** Add a recurring activity and make its dates for the given year, in one transaction. */
export async function addActivity(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: ActivityInput,
  year: number,
) {
  if (!can(actor, QA.calendarManage)) throw new ForbiddenError();
  const fields = recurrenceProblems(input);
  const owners = await possibleOwners(db, actor.organisationId);
  if (!owners.some((o) => o.id === input.ownerId)) fields.ownerId = 'Select the owner of the activity';
  if (Object.keys(fields).length) throw new ValidationError(fields);
  return db.transaction(async (tx) => {
    const activity = await repo.insertActivity(tx, {
      organisationId: actor.organisationId,
      name: input.name,
      frequency: input.frequency,
      months: input.frequency === 'monthly' ? [] : [...new Set(input.months)].sort((a, b) => a - b),
      dueDay: input.dueDay,
      ownerId: input.ownerId,
      createdAt: ctx.at,
      createdBy: actor.userId,
    });
    await repo.insertItems(tx, itemRows(activity, year, ctx.at));
    await recordAudit(tx, ctx, {
      action: 'qa-calendar.activity.create',
      recordType: 'qa_calendar_activity',
      recordId: activity.id,
    });
    return activity;
  });
}

/** Make every activity's dates for a year; dates already made are left as they are. How many were added. */
export async function makeYear(db: Db, actor: Actor, ctx: AuditContext, year: number): Promise<number> {
  if (!can(actor, QA.calendarManage)) throw new ForbiddenError();
  return db.transaction(async (tx) => {
    const all = await repo.activities(tx, actor.organisationId);
    const added = await repo.insertItems(
      tx,
      all.flatMap((a) => itemRows(a, year, ctx.at)),
    );
    await recordAudit(tx, ctx, { action: 'qa-calendar.year.make', detail: `${year}: ${added} added` });
    return added;
  });
}

type Joined = Awaited<ReturnType<typeof repo.itemsBetween>>[number];

const present = (rows: Joined[], names: Map<string, string>, today: string, actor: Actor) =>
  rows.map(({ item, activity }) => ({
    ...item,
    name: activity.name,
    frequency: activity.frequency,
    ownerId: activity.ownerId,
    ownerName: names.get(activity.ownerId) ?? 'Unknown',
    state: itemState(item, today),
    mayComplete: !item.completedOn && (activity.ownerId === actor.userId || can(actor, QA.calendarManage)),
  }));

/** A calendar year by month, and every overdue item whatever its year. */
export async function calendarYear(db: Db, actor: Actor, year: number, today: string) {
  if (!can(actor, QA.calendarRead)) throw new ForbiddenError();
  const names = await repo.staffNames(db, actor.organisationId);
  const items = present(
    await repo.itemsBetween(db, actor.organisationId, `${year}-01-01`, `${year}-12-31`),
    names,
    today,
    actor,
  );
  const overdue = present(
    await repo.itemsBetween(db, actor.organisationId, '1900-01-01', addDays(today, -1)),
    names,
    today,
    actor,
  ).filter((i) => i.state === 'overdue');
  const activities = await repo.activities(db, actor.organisationId);
  return {
    months: byMonth(items, year),
    overdue,
    activities: activities.map((a) => ({ ...a, ownerName: names.get(a.ownerId) ?? 'Unknown' })),
    counts: {
      total: items.length,
      done: items.filter((i) => i.state === 'done').length,
      overdue: items.filter((i) => i.state === 'overdue').length,
    },
  };
}

/** One item: its activity, owner and completion. */
export async function calendarItem(db: Db, actor: Actor, id: string, today: string) {
  if (!can(actor, QA.calendarRead)) throw new ForbiddenError();
  const row = await repo.calendarItem(db, actor.organisationId, id);
  if (!row) throw new NotFoundError();
  const names = await repo.staffNames(db, actor.organisationId);
  const [item] = present([row], names, today, actor);
  return { ...item!, completedByName: row.item.completedBy ? names.get(row.item.completedBy) : undefined };
}

/** Complete an item with its evidence: its owner or quality assurance, once, on a date not in the future. */
export async function completeItem(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  input: { completedOn: string; evidence: string },
  today: string,
) {
  const item = await calendarItem(db, actor, id, today);
  if (item.completedOn) throw new ValidationError({ evidence: 'This activity has already been completed' });
  if (!item.mayComplete)
    throw new ForbiddenError('Only the owner of this activity or quality assurance can complete it.');
  if (input.completedOn > today)
    throw new ValidationError({ completedOn: 'The date completed must be today or in the past' });
  await db.transaction(async (tx) => {
    const done = await repo.completeItem(tx, actor.organisationId, id, {
      completedOn: input.completedOn,
      completedBy: actor.userId,
      evidence: input.evidence,
    });
    if (!done) throw new ValidationError({ evidence: 'This activity has already been completed' });
    await recordAudit(tx, ctx, {
      action: 'qa-calendar.item.complete',
      recordType: 'qa_calendar_item',
      recordId: id,
    });
  });
}

/** Overdue items in the organisation, for the QA officer's home page. */
export async function overdueCount(db: Db, organisationId: string, today: string): Promise<number> {
  return repo.overdueCount(db, organisationId, today);
}
