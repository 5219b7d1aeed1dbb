import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cheapDemoPasswordHash, startTestApp, type TestContext } from '../../../test/helpers/app';
import { importBy } from '../../../test/helpers/extract';
import { createDemoOrganisation, type DemoOrganisation } from '../../demo/organisation';
import { rawRows } from '../../platform/db/client';
import { type Csv, extractFiles, smallExtract } from './fixtures';
import { readRow, rowReader } from './import-rows';
import { type ImportOutcome, importAndWait } from './importer';
import { SSD_TABLES } from './ssd/spec';
import { mapHeader, rowHash } from './ssd/validate';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
});
afterAll(async () => ctx.close());

const organisation = async (name: string, code: string) =>
  createDemoOrganisation(
    ctx.oversight.database.db,
    ctx.clock.now(),
    { name, code, emailDomain: `${code.toLowerCase()}.example` },
    { passwordHash: await cheapDemoPasswordHash() },
  );

/** How many times the import opened each file. */
type Opens = Map<string, number>;

async function run(
  org: DemoOrganisation,
  extract: Record<string, Csv>,
  mode: 'full' | 'partial' = 'full',
): Promise<ImportOutcome & { opens: Opens }> {
  // Each import a minute after the last, as they come: the last applied is the latest started.
  ctx.clock.advanceMinutes(1);
  const opens: Opens = new Map();
  const files = extractFiles(extract).map((f) => ({
    ...f,
    open: () => {
      opens.set(f.name, (opens.get(f.name) ?? 0) + 1);
      return f.open();
    },
  }));
  const outcome = await importAndWait(ctx.oversight.database.db, importBy(ctx, org, files, mode));
  return { ...outcome, opens };
}

/** The files the import read row by row (each is opened once more to be digested). */
const read = (opens: Opens) => [...opens].filter(([, n]) => n > 1).map(([name]) => name);

describe('unchanged files and rows', () => {
  it('leaves unread the files the last import applied as they are; a changed file is read with every table that refers to it', async () => {
    const org = ctx.org;
    const first = await run(org, smallExtract());
    expect(first.status).toBe('applied');
    const [log] = await rawRows<{ files: Array<{ table: string; digest?: string }> }>(
      ctx.oversight.database.db,
      sql`select files from case_imports where id = ${first.importId}`,
    );
    expect(log!.files.every((f) => typeof f.digest === 'string')).toBe(true);

    const again = await run(org, smallExtract());
    expect(again.totals).toEqual({ added: 0, changed: 0, unchanged: 38, closed: 0 });
    expect(read(again.opens)).toEqual([]);

    const renamed = smallExtract();
    renamed['ssd_person.csv']![4]![2] = 'Orrick-Vale';
    const third = await run(org, renamed);
    expect(third.totals).toEqual({ added: 0, changed: 1, unchanged: 37, closed: 0 });
    expect(third.counts.ssd_person).toEqual({ added: 0, changed: 1, unchanged: 3, closed: 0 });
    // Teams and workers refer to no child: left unread. Every table about a child is read.
    expect(read(third.opens)).not.toContain('ssd_department.csv');
    expect(read(third.opens)).not.toContain('ssd_professionals.csv');
    expect(read(third.opens)).toEqual(
      expect.arrayContaining([
        'ssd_person.csv',
        'ssd_cin_episodes.csv',
        'ssd_cp_plans.csv',
        'ssd_cp_visits.csv',
      ]),
    );
  });

  it('reads every file after a partial import', async () => {
    const org = ctx.other;
    await run(org, smallExtract());
    const partial = await run(org, { 'ssd_cp_visits.csv': smallExtract()['ssd_cp_visits.csv']! }, 'partial');
    expect(partial.status).toBe('applied');
    const full = await run(org, smallExtract());
    expect(full.totals.unchanged).toBe(38);
    const readable = Object.keys(smallExtract()).filter((name) => name !== 'ssd_address.csv');
    expect(read(full.opens).sort()).toEqual(readable.sort());
  });

  it('reads every file when which import came last cannot be told (two started at the same moment)', async () => {
    const org = await organisation('Eastbrook District Council', 'EBD');
    await run(org, smallExtract());
    await run(org, smallExtract());
    await ctx.oversight.database.db.execute(
      sql`update case_imports set created_at = (select max(created_at) from case_imports where organisation_id = ${org.organisationId})
          where organisation_id = ${org.organisationId}`,
    );
    const third = await run(org, smallExtract());
    expect(third.totals.unchanged).toBe(38);
    expect(read(third.opens).length).toBe(Object.keys(smallExtract()).length - 1);
  });

  it('reads a file again when the register no longer holds its records as the last import left them', async () => {
    const org = await organisation('Westmere Borough Council', 'WMB');
    await run(org, smallExtract());
    await ctx.oversight.database.db.execute(
      sql`update case_cp_visits set closed_at = now()
          where organisation_id = ${org.organisationId} and source_id = 'V2'`,
    );
    const again = await run(org, smallExtract());
    expect(read(again.opens)).toEqual(['ssd_cp_visits.csv']);
    expect(again.counts.ssd_cp_visits).toEqual({ added: 0, changed: 1, unchanged: 1, closed: 0 });
  });

  it('checks the references of rows it does not read: a visit whose plan is now about another child is an error', async () => {
    const org = await organisation('Eastmarsh Borough Council', 'EMB');
    await run(org, smallExtract());
    const moved = smallExtract();
    // The plan CP1 now names P1; its visits still name P2, in cells the register holds as they are.
    moved['ssd_cp_plans.csv']![1]![1] = 'P1';
    const outcome = await run(org, moved);
    expect(outcome.status).toBe('rejected');
    const visits = outcome.errors.filter((e) => e.file === 'ssd_cp_visits.csv');
    expect(visits.map((e) => [e.row, e.field, e.value])).toEqual([
      [2, 'cppv_cp_plan_id', 'CP1'],
      [3, 'cppv_cp_plan_id', 'CP1'],
    ]);
    expect(visits[0]!.expected).toMatch(/CP1 in ssd_cp_plans is about P1/);
  });

  it('reads rows with notices at every import, and lists the notices again', async () => {
    const org = await organisation('Northfold District Council', 'NFD');
    const odd = smallExtract();
    odd['ssd_cin_episodes.csv']![1]![4] = 'N12';
    const first = await run(org, odd);
    const noticed = (o: ImportOutcome) =>
      o.notices.filter((n) => n.file === 'ssd_cin_episodes.csv').map((n) => [n.row, n.value]);
    expect(noticed(first)).toEqual([[2, 'N12']]);
    const again = await run(org, odd);
    expect(again.status).toBe('applied');
    expect(noticed(again)).toEqual([[2, 'N12']]);
    expect(read(again.opens)).toContain('ssd_cin_episodes.csv');
    expect(again.totals).toEqual({ added: 0, changed: 0, unchanged: 38, closed: 0 });
  });

  it('compares a row held with the digest of its values (imported before cells were digested) by its values, and leaves it as it is', async () => {
    const org = await organisation('Southwold Borough Council', 'SWB');
    const extract = smallExtract();
    await run(org, extract);
    const visits = extract['ssd_cp_visits.csv']!;
    const spec = SSD_TABLES.find((t) => t.ssd === 'ssd_cp_visits')!;
    const reader = rowReader(spec, mapHeader(spec, 'ssd_cp_visits.csv', visits[0]!));
    const values = readRow(reader, visits[1]!, 'ssd_cp_visits.csv', 2, '2026-11-16', new Map()).values;
    const db = ctx.oversight.database.db;
    await db.execute(
      sql`update case_cp_visits set row_hash = ${rowHash(values)}
          where organisation_id = ${org.organisationId} and source_id = 'V1'`,
    );
    // The same rows in another order: the file differs, so its rows are compared.
    const reordered = { ...extract, 'ssd_cp_visits.csv': [visits[0]!, ...visits.slice(1).reverse()] };
    const outcome = await run(org, reordered);
    expect(outcome.counts.ssd_cp_visits).toMatchObject({ added: 0, changed: 0, closed: 0 });
    const [v1] = await rawRows<{ row_hash: string }>(
      db,
      sql`select row_hash from case_cp_visits where organisation_id = ${org.organisationId} and source_id = 'V1'`,
    );
    expect(v1!.row_hash).toBe(rowHash(values));
  });
});
