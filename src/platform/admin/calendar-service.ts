/** The organisation's non-working days: shipped bank holidays and its own closure days. */
import { type AuditContext, recordAudit } from '../audit/service';
import { isWeekend } from '../calendar/working-days';
import type { Db } from '../db/client';
import { NotFoundError, ValidationError } from '../errors';
import { formatDate } from '../http/views';
import type { Actor } from '../permissions';
import {
  deleteOrganisationDay,
  insertNonWorkingDay,
  nonWorkingDayOn,
  nonWorkingDaysIn,
  organisationDay,
} from './repository';
import { type AdminDeps, orgContext } from './service';

export async function calendarYear(db: Db, actor: Actor, year: number) {
  const rows = await nonWorkingDaysIn(db, actor.organisationId, year);
  return rows.map((r) => ({ ...r, ownDay: r.organisationId !== null }));
}

/** Add one of the organisation's own non-working days (a closure day, a local holiday). */
export async function addNonWorkingDay(
  deps: Pick<AdminDeps, 'db'>,
  actor: Actor,
  ctx: AuditContext,
  input: { date: string; name: string },
): Promise<{ id: string }> {
  if (isWeekend(input.date)) {
    throw new ValidationError({
      'date-day': `${formatDate(input.date)} is a weekend day, which is already a non-working day`,
    });
  }
  return deps.db.transaction(async (tx) => {
    const existing = await nonWorkingDayOn(tx, actor.organisationId, input.date);
    if (existing) {
      throw new ValidationError({
        'date-day': `${formatDate(input.date)} is already a non-working day (${existing.name})`,
      });
    }
    const row = await insertNonWorkingDay(tx, actor.organisationId, input.date, input.name);
    await recordAudit(tx, orgContext(actor, ctx), {
      action: 'calendar.add',
      recordType: 'non-working-day',
      recordId: row.id,
      detail: `${input.date} ${input.name}`.slice(0, 500),
    });
    return row;
  });
}

/** Remove one of the organisation's own days. Shipped bank holidays are not the organisation's to remove. */
export async function removeNonWorkingDay(
  deps: Pick<AdminDeps, 'db'>,
  actor: Actor,
  ctx: AuditContext,
  id: string,
): Promise<{ date: string; name: string }> {
  return deps.db.transaction(async (tx) => {
    const day = await organisationDay(tx, actor.organisationId, id);
    if (!day) throw new NotFoundError('non-working day');
    await deleteOrganisationDay(tx, actor.organisationId, id);
    await recordAudit(tx, orgContext(actor, ctx), {
      action: 'calendar.remove',
      recordType: 'non-working-day',
      recordId: id,
      detail: `${day.date} ${day.name}`.slice(0, 500),
    });
    return day;
  });
}
