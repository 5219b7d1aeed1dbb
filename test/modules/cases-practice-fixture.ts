/**
 * The case register's practice tests share one set-up: the register's own
 * importer fed the small hand-made SSD extract (src/modules/cases/fixtures.ts)
 * with a voice-of-the-child flag added, for the organisation and another one.
 * P1 is allocated to the demo practitioner, P1 and P2 to the Children in Care
 * Team (the team manager's), P3 to the Assessment Team.
 */
import { sql } from 'drizzle-orm';
import type { DemoOrganisation } from '../../src/demo/organisation';
import { type Csv, extractFiles, smallExtract } from '../../src/modules/cases/fixtures';
import { importAndWait } from '../../src/modules/cases/importer';
import { rawRows } from '../../src/platform/db/client';
import { startTestApp, type TestContext } from '../helpers/app';

function extract(): Record<string, Csv> {
  return {
    ...smallExtract(),
    'ssd_voice_of_child.csv': [
      [
        'voch_table_id',
        'voch_person_id',
        'voch_explained_worries',
        'voch_story_help_understand',
        'voch_agree_worker',
        'voch_plan_safe',
        'voch_tablet_help_explain',
      ],
      ['VC1', 'P2', 'Y', 'N', 'Y', 'Y', 'N'],
    ],
  };
}

async function load(ctx: TestContext, org: DemoOrganisation) {
  const outcome = await importAndWait(ctx.oversight.database.db, {
    organisationId: org.organisationId,
    userId: org.userIds.administrator,
    origin: 'upload',
    mode: 'full',
    files: extractFiles(extract()),
    clock: ctx.clock,
    audit: {
      organisationId: org.organisationId,
      userId: org.userIds.administrator,
      ip: null,
      userAgent: 'test',
      requestId: null,
      at: ctx.clock.now(),
    },
    concurrentProgress: false,
  });
  if (outcome.status !== 'applied') throw new Error(`fixture import ${outcome.status}`);
}

export interface PracticeApp {
  ctx: TestContext;
  /** The organisation's children by SSD person id (P1, P2...). */
  ids: Record<string, string>;
  /** P1 of the other organisation. */
  otherChild: string;
}

/** The test app on 16 November 2026 with the extract loaded into both organisations. */
export async function startPracticeApp(): Promise<PracticeApp> {
  const ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
  await load(ctx, ctx.org);
  await load(ctx, ctx.other);
  const db = ctx.oversight.database.db;
  const ids: Record<string, string> = {};
  for (const row of await rawRows<{ id: string; source_id: string }>(
    db,
    sql`select id, source_id from case_people where organisation_id = ${ctx.org.organisationId}`,
  )) {
    ids[row.source_id] = row.id;
  }
  const [other] = await rawRows<{ id: string }>(
    db,
    sql`select id from case_people where organisation_id = ${ctx.other.organisationId} and source_id = 'P1'`,
  );
  return { ctx, ids, otherChild: other!.id };
}

/** Access-audit rows of an action (and record), oldest first. */
export async function auditRows(ctx: TestContext, action: string, recordId?: string) {
  return rawRows<{ user_id: string; record_id: string | null }>(
    ctx.oversight.database.db,
    sql`select user_id, record_id from access_audit where action = ${action}
        ${recordId ? sql`and record_id = ${recordId}` : sql``} order by id`,
  );
}
