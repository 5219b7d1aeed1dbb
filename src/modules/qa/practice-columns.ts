/** Column helpers shared by the practice tables of quality assurance (observations, calendar, surveys, feedback). */
import { date, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/schema';

export const moment = (name: string) => timestamp(name, { withTimezone: true });
export const day = (name: string) => date(name, { mode: 'string' });
export const orgId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);
