import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Short code used in URLs and exports, e.g. "NRB". */
  code: text('code').notNull().unique(),
  createdAt: createdAt(),
});

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * How an organisation's service looks and what it marks its pages and
 * documents with. No row means the defaults (OFFICIAL-SENSITIVE, no feedback
 * link, no logo). The logo is kept here, not on disk, so every instance
 * serves the same one.
 */
export const organisationSettings = pgTable('organisation_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  protectiveMarking: text('protective_marking').notNull().default('OFFICIAL-SENSITIVE'),
  feedbackUrl: text('feedback_url'),
  /** "image/png" or "image/jpeg", checked from the file's own bytes. */
  logoType: text('logo_type'),
  logo: bytea('logo'),
  logoUpdatedAt: timestamp('logo_updated_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** The service the team belongs to, e.g. "Children in care". */
    service: text('service').notNull(),
    /** Identifier of the team in the case management system (SSD department id). */
    sourceId: text('source_id'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teams_org_name').on(t.organisationId, t.name)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Lower-cased; sign-in is by email across the whole service. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    jobTitle: text('job_title'),
    role: text('role').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    /** Null until the person sets a password from their invitation. */
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    /** The user's identifier in the case management system (SSD professional id). */
    sourceId: text('source_id'),
    createdAt: createdAt(),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /**
     * A role that sees children, asked for by an administrator and waiting
     * for a senior leader's approval (separation of duties): until then the
     * user keeps their old role, or, invited, holds "pending_approval" and
     * cannot sign in.
     */
    pendingRole: text('pending_role'),
    pendingRoleRequestedBy: uuid('pending_role_requested_by'),
    pendingRoleRequestedAt: timestamp('pending_role_requested_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email').on(t.email), index('users_org_team').on(t.organisationId, t.teamId)],
);

/** Single-use links to set a password: invitations and resets. Only a hash of the token is kept. */
export const passwordTokens = pgTable('password_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  purpose: text('purpose').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** Server-side sessions. The cookie holds a random id; only its keyed hash is stored. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Every sign-in attempt, for rate limiting, lockout and investigation. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sign_in_attempts_email_at').on(t.email, t.at),
    index('sign_in_attempts_ip_at').on(t.ip, t.at),
  ],
);

/** Which permissions each role holds. Seeded from the defaults in permissions.ts. */
export const rolePermissions = pgTable(
  'role_permissions',
  {
    role: text('role').notNull(),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.role, t.permission] })],
);

/**
 * Append-only record of who read or changed what. A trigger (migration
 * 0001) rejects UPDATE, DELETE and TRUNCATE.
 */
export const accessAudit = pgTable(
  'access_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    userId: uuid('user_id').references(() => users.id),
    /** e.g. "user.create", "child.view", "sign-in.failed" */
    action: text('action').notNull(),
    recordType: text('record_type'),
    recordId: text('record_id'),
    reason: text('reason'),
    detail: text('detail'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('access_audit_org_at').on(t.organisationId, t.at),
    index('access_audit_record').on(t.recordType, t.recordId),
  ],
);

/** Every message the service sends; without SMTP this is the outbox people read in the service. */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    toAddress: text('to_address').notNull(),
    toUserId: uuid('to_user_id').references(() => users.id),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** "outbox" (no SMTP configured), "sent" or "failed". */
    status: text('status').notNull(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_messages_org_created').on(t.organisationId, t.createdAt)],
);

/**
 * Non-working days beyond weekends. Rows with no organisation are the shipped
 * England and Wales bank holidays; administrators may add their own.
 */
export const nonWorkingDays = pgTable(
  'non_working_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('non_working_days_org_date').on(
      sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.date,
    ),
  ],
);

/**
 * One row per daily job, organisation and day. The row is also the claim:
 * several instances may look for due jobs at once, and the unique index lets
 * only one of them insert it and so run the job.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** "<job>:<organisation id>". */
    name: text('name').notNull(),
    /** The job's name, e.g. "compliance.prompts" (null on rows older than claims). */
    job: text('job'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** The London day the run is for. */
    runOn: date('run_on', { mode: 'string' }),
    /** The instance that claimed and ran it. */
    instance: text('instance'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    outcome: text('outcome'),
    detail: text('detail'),
    items: integer('items'),
  },
  (t) => [uniqueIndex('job_runs_claim').on(t.job, t.organisationId, t.runOn)],
);

/**
 * A form posted after its sender's session had expired, kept so that nothing
 * typed is lost: offered back to the same person after they sign in again,
 * then deleted when sent or discarded, or when it expires.
 */
export const keptForms = pgTable(
  'kept_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Where the form was posted: a path on this service, with its query. */
    url: text('url').notNull(),
    fields: jsonb('fields').$type<Record<string, string | string[]>>().notNull(),
    keptAt: timestamp('kept_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('kept_forms_user').on(t.userId, t.keptAt)],
);
