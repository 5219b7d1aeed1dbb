/** The case register's SSD import jobs and logs, and each organisation's import settings. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';

const moment = (name: string) => timestamp(name, { withTimezone: true });

/** One SSD import: the job (status and progress) and the log (who, when, files, counts). */
export const caseImports = pgTable(
  'case_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Null for the scheduled command and the demo generator. */
    userId: uuid('user_id').references(() => users.id),
    /** "upload", "command" or "demo". */
    origin: text('origin').notNull(),
    /** "full": records absent from an included table are closed; "partial": nothing is closed. */
    mode: text('mode').notNull(),
    /** queued, validating, rejected, applying, applied, failed. */
    status: text('status').notNull(),
    /** What it is doing now, in words ("Checking ssd_cin_visits"). */
    phase: text('phase'),
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsDone: integer('rows_done').notNull().default(0),
    /** [{ name, table, rows }] */
    files: jsonb('files').notNull().default(sql`'[]'::jsonb`),
    /** { [ssdTable]: { added, changed, unchanged, closed } } */
    counts: jsonb('counts').notNull().default(sql`'{}'::jsonb`),
    added: integer('added').notNull().default(0),
    changed: integer('changed').notNull().default(0),
    closed: integer('closed').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** The first errors: [{ file, row, field, value, expected }]. */
    errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`),
    /**
     * Problems that did not stop the import, like errors: [{ file, row, field, value, expected }]
     * (a value kept as given or left empty, a column or table not read).
     */
    notices: jsonb('notices').notNull().default(sql`'[]'::jsonb`),
    noticeCount: integer('notice_count').notNull().default(0),
    /** For a failure that is not a data error. */
    failure: text('failure'),
    createdAt: moment('created_at').notNull(),
    startedAt: moment('started_at'),
    finishedAt: moment('finished_at'),
    /** Last sign of life; a running job silent for long is treated as interrupted. */
    heartbeatAt: moment('heartbeat_at'),
    /** The instance running it (platform/instance.ts): once that instance is gone, the import was interrupted. */
    owner: text('owner'),
  },
  (t) => [
    index('case_imports_org_created').on(t.organisationId, t.createdAt),
    // One running import per organisation at a time.
    uniqueIndex('case_imports_one_running')
      .on(t.organisationId)
      .where(sql`status in ('queued', 'validating', 'applying')`),
  ],
);

/** How an organisation's SSD imports are graded (administrators set it). */
export const caseImportSettings = pgTable('case_import_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  /** Notices (values kept as given or left empty, extra columns) reject the extract like errors. */
  noticesAreErrors: boolean('notices_are_errors').notNull().default(false),
  updatedAt: moment('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * Rows of a running import on their way to the register (importer.ts): written in many short
 * transactions while the import runs, never read by a page, merged into the register in the
 * import's one final transaction, then removed. Each row is a record's values as text, in the
 * order of the table's fields (ssd/spec.ts allFields), cast back to their types by the merge.
 * UNLOGGED (migration 0037): nothing in it outlives a crash, so it skips the write-ahead log.
 */
export const caseImportStaging = pgTable(
  'case_import_staging',
  {
    importId: uuid('import_id').notNull(),
    /** The file of the import the row came from (its place in the import's plan). */
    part: smallint('part').notNull(),
    seq: integer('seq').notNull(),
    /** The id the record gets if it is new. */
    newId: uuid('new_id').notNull(),
    rowHash: text('row_hash').notNull(),
    values: text('v').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.part, t.seq] })],
);
