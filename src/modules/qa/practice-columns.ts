/** Column helpers shared by the practice tables of quality assurance (observations, calendar, surveys, feedback). */
import { customType, date, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/schema';

export const moment = (name: string) => timestamp(name, { withTimezone: true });
export const day = (name: string) => date(name, { mode: 'string' });
export const orgId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);
/** A file's bytes, kept in the database (evidence files). */
export const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
