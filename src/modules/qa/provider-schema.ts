/**
 * Provider and setting audits: the providers the service visits (fostering
 * agencies, supported accommodation, children's homes, early years settings),
 * each visit's RAG per area, and the recommendations a visit makes with their
 * follow-up. No child is named here: providers are organisations.
 */
import { boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/schema';
import { day, moment, orgId } from './practice-columns';
import type { AreaResult } from './provider-rules';

export const qaProviders = pgTable(
  'qa_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text('name').notNull(),
    /** vocab PROVIDER_KINDS: the areas its visits are audited against. */
    kind: text('kind').notNull(),
    /** Ofsted unique reference number, when it has one. */
    urn: text('urn'),
    addedOn: day('added_on').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('qa_providers_org').on(t.organisationId, t.name)],
);

export const qaProviderVisits = pgTable(
  'qa_provider_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => qaProviders.id),
    visitedOn: day('visited_on').notNull(),
    /** The areas as they were asked on the day (key, RAG, comment). */
    results: jsonb('results').$type<AreaResult[]>().notNull(),
    summary: text('summary').notNull(),
    visitedBy: uuid('visited_by').references(() => users.id),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [index('qa_provider_visits_provider').on(t.organisationId, t.providerId, t.visitedOn)],
);

export const qaProviderRecommendations = pgTable(
  'qa_provider_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgId(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => qaProviders.id),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => qaProviderVisits.id),
    /** The area it is about (a key of the provider's areas), if one. */
    area: text('area'),
    text: text('text').notNull(),
    dueOn: day('due_on').notNull(),
    /** open or completed (vocab PROVIDER_RECOMMENDATION_STATUSES). */
    status: text('status').notNull().default('open'),
    followUp: text('follow_up'),
    completedOn: day('completed_on'),
    createdAt: moment('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('qa_provider_recommendations_provider').on(t.organisationId, t.providerId, t.status)],
);
