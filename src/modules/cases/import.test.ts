import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, startTestApp, type TestContext } from '../../../test/helpers/app';
import { importExtract } from '../../../test/helpers/extract';
import { rawRows } from '../../platform/db/client';
import { type Csv, smallExtract } from './fixtures';
import { registerCounts } from './repository';
import { SSD_TABLES } from './ssd/spec';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
});
afterAll(async () => ctx.close());

const tables = SSD_TABLES.map((t) => t.table);

const run = (extract: Record<string, Csv>, mode: 'full' | 'partial' = 'full', org = ctx.org) =>
  importExtract(ctx, org, extract, mode);

describe('SSD import', () => {
  it('rejects a file with a wrong date, a missing required field and an unknown person, writing nothing; an unknown code is a notice', async () => {
    const bad = smallExtract();
    bad['ssd_cin_episodes.csv'] = [
      ...bad['ssd_cin_episodes.csv']!,
      ['R5', 'P1', '2025-02-30', 'N1', '6', '', '', ''],
      ['R6', 'P2', '', 'N1', '6', '', '', ''],
      ['R7', 'P3', '2025-03-01', 'N12', '6', '', '', ''],
      ['R8', 'P99', '2025-03-01', 'N1', '6', '', '', ''],
    ];
    const outcome = await run(bad);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => [e.file, e.row, e.field, e.value])).toEqual([
      ['ssd_cin_episodes.csv', 6, 'cine_referral_date', '2025-02-30'],
      ['ssd_cin_episodes.csv', 7, 'cine_referral_date', ''],
      ['ssd_cin_episodes.csv', 9, 'cine_person_id', 'P99'],
    ]);
    expect(outcome.errors[0]!.expected).toMatch(/real date/);
    expect(outcome.errors[1]!.expected).toMatch(/must be given/);
    expect(outcome.errors[2]!.expected).toMatch(/no child with ID P99 is in ssd_person/);
    expect(outcome.notices.map((e) => [e.file, e.row, e.field, e.value])).toEqual([
      ['ssd_address.csv', 0, '', 'ssd_address'],
      ['ssd_cin_episodes.csv', 8, 'cine_cin_primary_need_code', 'N12'],
    ]);
    expect(outcome.notices[1]!.expected).toMatch(/category of need codes: N0, N1.*\(kept as given\)/);
    const counts = await registerCounts(ctx.oversight.database.db, ctx.org.organisationId, tables);
    expect(Object.values(counts).every((c) => c.open === 0 && c.closed === 0)).toBe(true);
  });

  it('imports a crafted extract, then a re-import changes nothing, and a newer extract updates and closes', async () => {
    const first = await run(smallExtract());
    expect(first.status).toBe('applied');
    expect(first.totals).toEqual({ added: 38, changed: 0, unchanged: 0, closed: 0 });
    const db = ctx.oversight.database.db;
    const before = await registerCounts(db, ctx.org.organisationId, tables);
    expect(before.case_people).toEqual({ open: 4, closed: 0 });
    expect(before.case_cla_episodes).toEqual({ open: 3, closed: 0 });

    const again = await run(smallExtract());
    expect(again.status).toBe('applied');
    expect(again.totals).toEqual({ added: 0, changed: 0, unchanged: 38, closed: 0 });
    expect(await registerCounts(db, ctx.org.organisationId, tables)).toEqual(before);

    const newer = smallExtract();
    newer['ssd_cp_visits.csv'] = [
      newer['ssd_cp_visits.csv']![0]!,
      ['V1', 'P2', 'CP1', '2026-07-03', 'Y', 'N'],
      ['V3', 'P2', 'CP1', '2026-07-31', 'Y', 'Y'],
    ];
    const third = await run(newer);
    expect(third.counts.ssd_cp_visits).toEqual({ added: 1, changed: 1, unchanged: 0, closed: 1 });
    const visits = await rawRows<{ source_id: string; seen_alone: boolean; closed: boolean }>(
      db,
      sql`select source_id, seen_alone, closed_at is not null as closed from case_cp_visits
          where organisation_id = ${ctx.org.organisationId} order by source_id`,
    );
    expect(visits).toEqual([
      { source_id: 'V1', seen_alone: false, closed: false },
      { source_id: 'V2', seen_alone: false, closed: true },
      { source_id: 'V3', seen_alone: true, closed: false },
    ]);
    // A partial extract closes nothing.
    const partial = await run(
      { 'ssd_cp_visits.csv': [newer['ssd_cp_visits.csv']![0]!, ['V4', 'P2', 'CP1', '2026-08-14', 'Y', 'Y']] },
      'partial',
    );
    expect(partial.totals).toEqual({ added: 1, changed: 0, unchanged: 0, closed: 0 });
  });

  it('derives each child’s service level and links workers to accounts', async () => {
    const db = ctx.oversight.database.db;
    const people = await rawRows<{
      source_id: string;
      service_level: string;
      open_case: boolean;
      uasc: boolean;
    }>(
      db,
      sql`select source_id, service_level, open_case, uasc from case_people where organisation_id = ${ctx.org.organisationId} order by source_id`,
    );
    expect(people).toEqual([
      { source_id: 'P1', service_level: 'looked_after', open_case: true, uasc: false },
      { source_id: 'P2', service_level: 'child_protection', open_case: true, uasc: false },
      { source_id: 'P3', service_level: 'looked_after', open_case: true, uasc: true },
      { source_id: 'P4', service_level: 'none', open_case: false, uasc: false },
    ]);
    const [priya] = await rawRows<{ user_email: string }>(
      db,
      sql`select u.email as user_email from case_workers w join users u on u.id = w.user_id
          where w.organisation_id = ${ctx.org.organisationId} and w.source_id = 'W1'`,
    );
    expect(priya?.user_email).toBe(emailOf(ctx.org, 'practitioner'));
  });

  it('keeps organisations apart: the same ids in another organisation are other records', async () => {
    const outcome = await run(smallExtract(), 'full', ctx.other);
    expect(outcome.totals.added).toBe(38);
    const counts = await registerCounts(ctx.oversight.database.db, ctx.other.organisationId, ['case_people']);
    expect(counts.case_people).toEqual({ open: 4, closed: 0 });
  });
});
