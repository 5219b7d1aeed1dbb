/**
 * Performance indicators: the catalogue (each definition a version, never
 * overwritten), benchmarks by year, figures entered by hand (partner
 * figures), and the quarterly report's commentary and signed-off snapshots.
 * Every row carries organisation_id; versions, entered figures, commentary
 * and sign-offs are append-only (the latest row wins).
 */
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/schema';
import type { IndicatorDefinition } from './catalogue';

const moment = (name: string) => timestamp(name, { withTimezone: true });
const orgId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);

/** One version of one indicator's definition; the highest version is the one in use. */
export const kpiIndicatorVersions = pgTable(
  'kpi_indicator_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<IndicatorDefinition>().notNull(),
    reason: text('reason').notNull(),
    /** Null for the definition shipped with Oversight. */
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [uniqueIndex('kpi_indicator_versions_key').on(t.organisationId, t.code, t.version)],
);

/** A published comparator for one indicator and financial year (England, London, statistical neighbours). */
export const kpiBenchmarks = pgTable(
  'kpi_benchmarks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    code: text('code').notNull(),
    /** The financial year's starting calendar year (2025 for 2025-26). */
    year: integer('year').notNull(),
    /** england, london or neighbours. */
    comparator: text('comparator').notNull(),
    value: doublePrecision('value').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [uniqueIndex('kpi_benchmarks_key').on(t.organisationId, t.code, t.year, t.comparator)],
);

/** A figure entered by hand for an indicator and period; the latest entry for a period is the one used. */
export const kpiEnteredValues = pgTable(
  'kpi_entered_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    code: text('code').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [index('kpi_entered_values_key').on(t.organisationId, t.code, t.periodEnd)],
);

/** An officer's commentary on one indicator (or, with code '', on the whole report) for a quarter. */
export const kpiCommentary = pgTable(
  'kpi_commentary',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    /** Whose report: children or adults (the audience of the catalogue's sets). */
    audience: text('audience').notNull().default('children'),
    /** The quarter's first day. */
    quarter: date('quarter', { mode: 'string' }).notNull(),
    code: text('code').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [index('kpi_commentary_key').on(t.organisationId, t.audience, t.quarter, t.code)],
);

/** A senior leader's sign-off of a quarter's report for an audience: the report frozen as it stood. */
export const kpiReportSignoffs = pgTable(
  'kpi_report_signoffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    audience: text('audience').notNull().default('children'),
    quarter: date('quarter', { mode: 'string' }).notNull(),
    snapshot: jsonb('snapshot').notNull(),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    signedAt: moment('signed_at').notNull(),
  },
  (t) => [uniqueIndex('kpi_report_signoffs_key').on(t.organisationId, t.audience, t.quarter)],
);

/**
 * The latest computed figure of each indicator for the last complete quarter,
 * as the nightly and after-import refresh left it: the home page reads these
 * (one query) rather than computing every measure on each load. Replaced
 * whole at each refresh; not history (the signed-off reports are).
 */
export const kpiLatestFigures = pgTable(
  'kpi_latest_figures',
  {
    organisationId: orgId(),
    code: text('code').notNull(),
    /** The quarter's first day. */
    quarter: date('quarter', { mode: 'string' }).notNull(),
    value: doublePrecision('value'),
    /** red, amber or green; null with no figure or no target. */
    rag: text('rag'),
    computedAt: moment('computed_at').notNull(),
  },
  (t) => [uniqueIndex('kpi_latest_figures_key').on(t.organisationId, t.code)],
);

/**
 * The whole indicator table of each audience for the last complete quarter,
 * as computed (figures.ts IndicatorRow[]), refreshed with kpi_latest_figures:
 * the indicators page and the draft report read it rather than computing
 * every measure on each load. Dropped when a definition, target, entered
 * figure or benchmark changes or an import lands, so a page computes afresh
 * until the refresh has stored it again. Not history (sign-offs are).
 */
export const kpiStoredTables = pgTable(
  'kpi_stored_tables',
  {
    organisationId: orgId(),
    audience: text('audience').notNull(),
    /** The quarter's first day. */
    quarter: date('quarter', { mode: 'string' }).notNull(),
    rows: jsonb('rows').notNull(),
    computedAt: moment('computed_at').notNull(),
  },
  (t) => [uniqueIndex('kpi_stored_tables_key').on(t.organisationId, t.audience)],
);

/**
 * How many times the organisation's stored figures and tables have been
 * forgotten. A refresh reads it before computing and writes only if it is
 * unchanged, under a row lock: a refresh that began before a change never
 * writes back what it computed from the figures as they were, and two
 * refreshes never write at once.
 */
export const kpiStoredGenerations = pgTable('kpi_stored_generations', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  generation: integer('generation').notNull().default(0),
});
