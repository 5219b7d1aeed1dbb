import { eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { nonWorkingDays } from '../schema';
import bankHolidays from './bank-holidays.json' with { type: 'json' };

/** Load the shipped England and Wales bank holidays; dates already present are left alone. */
export async function seedBankHolidays(db: Db): Promise<void> {
  await db
    .insert(nonWorkingDays)
    .values(bankHolidays.events.map((e) => ({ organisationId: null, date: e.date, name: e.name })))
    .onConflictDoNothing();
}

/** Bank holidays and the organisation's own non-working days, as a set of ISO dates. */
export async function nonWorkingDaysFor(db: Db, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ date: nonWorkingDays.date })
    .from(nonWorkingDays)
    .where(or(isNull(nonWorkingDays.organisationId), eq(nonWorkingDays.organisationId, organisationId)));
  return new Set(rows.map((r) => r.date));
}
