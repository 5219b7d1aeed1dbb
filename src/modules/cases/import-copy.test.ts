import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';
import { copyArray, copyLine } from './import-copy';
import { openStagingWriter } from './import-staging';

/** Everything COPY text or an array literal treats specially, and some things they do not. */
const NASTY = [
  'tab\there',
  'new\nline',
  'windows\r\nline',
  'back\\slash',
  'ends with a backslash\\',
  '\\N',
  '\\.',
  'NULL',
  'null',
  '',
  ' spaces kept ',
  'quote " inside',
  '"quoted"',
  '\\"\t\n\\\\',
  '{braces},comma',
  'ünïcødé ✓ 😀',
  "apostrophe's",
];

describe('COPY text for staged rows', () => {
  it('escapes each value once as an array element and once for COPY', () => {
    expect(copyArray(['a\tb', 'c\\d', 'e"f', 'g\nh\r', null, 3, true, false], 8)).toBe(
      '{"a\\tb","c\\\\\\\\d","e\\\\"f","g\\nh\\r",NULL,3,t,f}',
    );
    // Fields missing at the end of a short row are empty.
    expect(copyArray(['x'], 3)).toBe('{"x",NULL,NULL}');
    expect(copyLine('i', 2, 7, 'n', 'h+/=', ['v'], 1)).toBe('i\t2\t7\tn\th+/=\t{"v"}');
  });
});

describe('staging writers', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
  });
  afterAll(async () => ctx.close());

  it('bring every value back exactly as it was written, in chunks', async () => {
    const db = ctx.oversight.database.db;
    const importId = '00000000-0000-7000-8000-0000000000c0';
    const rows = NASTY.map((value, i) => [value, null, i, i % 2 === 0]);
    const writer = await openStagingWriter(db);
    // Two chunks, the first ending mid-way through the values.
    const lines = rows.map(
      (values, i) =>
        `${copyLine(
          importId,
          0,
          i + 1,
          `00000000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`,
          'h',
          values,
          4,
        )}\n`,
    );
    await writer.write(lines.slice(0, 5).join(''));
    await writer.write(lines.slice(5).join(''));
    await writer.end();
    const back = await rawRows<{ v: Array<string | null> }>(
      db,
      sql`select v from case_import_staging where import_id = ${importId}::uuid order by seq`,
    );
    await db.execute(sql`delete from case_import_staging where import_id = ${importId}::uuid`);
    expect(back.map((r) => r.v)).toEqual(
      rows.map(([value, , i, even]) => [value, null, String(i), even ? 't' : 'f']),
    );
  });

  it('stage nothing of a chunk the database refuses', async () => {
    const db = ctx.oversight.database.db;
    const importId = '00000000-0000-7000-8000-0000000000c1';
    const writer = await openStagingWriter(db);
    const failed = await (async () => {
      await writer.write(`${copyLine(importId, 0, 1, 'not a uuid', 'h', ['x'], 1)}\n`);
      await writer.end();
    })().then(
      () => undefined,
      (e: Error) => e,
    );
    if (failed) await writer.abort(failed);
    expect(failed).toBeInstanceOf(Error);
    const [row] = await rawRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from case_import_staging where import_id = ${importId}::uuid`,
    );
    expect(Number(row?.n)).toBe(0);
  });
});
