/**
 * The register of children missing education (CME): one row per referral of
 * a child to the authority's CME officer, with the day-by-day checks, the
 * outcome and the dates the clocks of cme-clocks.ts run on. Enquiries made
 * (days 2 to 28) are rows added, never rewritten.
 */
import { sql } from 'drizzle-orm';
import { bigserial, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';

const moment = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });
const orgId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);

export const cmeCases = pgTable(
  'missing_cme_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    /** The child (case_people.id in the case register). */
    personId: uuid('person_id').notNull(),
    school: text('school').notNull(),
    reportedOn: day('reported_on').notNull(),
    /** school or other (cme-vocab.ts). */
    reporterKind: text('reporter_kind').notNull(),
    reportedBy: text('reported_by').notNull(),
    /** School day 1. */
    firstAbsentOn: day('first_absent_on').notNull(),
    /** A reason key of cme-vocab.ts. */
    reason: text('reason').notNull(),
    reasonDetails: text('reason_details'),
    parentsContactedOn: day('parents_contacted_on'),
    recontactOn: day('recontact_on'),
    dslToldOn: day('dsl_told_on'),
    homeVisitOn: day('home_visit_on'),
    cmeOfficerToldOn: day('cme_officer_told_on'),
    policeWelfareCheckOn: day('police_welfare_check_on'),
    /** An outcome key of cme-vocab.ts; null while enquiries go on. */
    outcome: text('outcome'),
    /** Located and confirmed (in school, elsewhere, home educated). */
    locatedOn: day('located_on'),
    offRollOn: day('off_roll_on'),
    recordsTransferredOn: day('records_transferred_on'),
    closedOn: day('closed_on'),
    /**
     * The earliest due date of a clock not yet done, as computed when the
     * case was last saved (or recomputed): what the overdue filter pages on.
     */
    nextDueOn: day('next_due_on'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: moment('created_at').notNull(),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [
    index('missing_cme_cases_org_person').on(t.organisationId, t.personId),
    index('missing_cme_cases_org_open').on(t.organisationId, t.nextDueOn).where(sql`closed_on is null`),
  ],
);

/** Enquiries made to find the child: when, who was contacted, what came of it. */
export const cmeEnquiries = pgTable(
  'missing_cme_enquiries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: orgId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cmeCases.id),
    madeOn: day('made_on').notNull(),
    contacted: text('contacted').notNull(),
    result: text('result').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: moment('recorded_at').notNull(),
  },
  (t) => [index('missing_cme_enquiries_case').on(t.organisationId, t.caseId)],
);
