import { describe, expect, it } from 'vitest';
import { cellDigest } from './import-digest';
import { rowReader } from './import-rows';
import { SSD_TABLES } from './ssd/spec';
import { mapHeader } from './ssd/validate';

const spec = (ssd: string) => SSD_TABLES.find((t) => t.ssd === ssd)!;
const digestOf = (ssd: string, header: string[]) =>
  cellDigest(rowReader(spec(ssd), mapHeader(spec(ssd), `${ssd}.csv`, header)));

const HEADER = [
  'cppv_cp_visit_id',
  'cppv_person_id',
  'cppv_cp_plan_id',
  'cppv_cp_visit_date',
  'cppv_cp_visit_seen',
];
const ROW = ['V1', 'P2', 'CP1', '2026-07-03', 'Y'];

describe('cell digests', () => {
  it('digest the cells in the order of the table’s fields: moved and extra columns digest the same, a changed cell does not', () => {
    const digest = digestOf('ssd_cp_visits', HEADER)!;
    const moved = digestOf('ssd_cp_visits', [...HEADER].reverse())!;
    const extra = digestOf('ssd_cp_visits', [...HEADER, 'cppv_local_note'])!;
    expect(moved.of([...ROW].reverse())).toBe(digest.of(ROW));
    expect(extra.of([...ROW, 'anything'])).toBe(digest.of(ROW));
    expect(digest.of(['V1', 'P2', 'CP1', '2026-07-04', 'Y'])).not.toBe(digest.of(ROW));
    // Cells are not trimmed: a space is a change in the file, even where the value reads the same.
    expect(digest.of(['V1', 'P2', 'CP1', '2026-07-03', 'Y '])).not.toBe(digest.of(ROW));
    // Cells are kept apart: moving a character from one to the next is a change.
    expect(digest.of(['V1', 'P2', 'CP12', '026-07-03', 'Y'])).not.toBe(digest.of(ROW));
  });

  it('take from a row only its identifiers, read as the check reads them', () => {
    const digest = digestOf('ssd_cp_visits', HEADER)!;
    expect(digest.id([' V1 ', 'P2'])).toBe('V1');
    const values = digest.identifiers([' V1', 'NULL', 'CP1 ', '2026-07-03', 'Y']);
    expect(values.slice(0, 3)).toEqual(['V1', null, 'CP1']);
    expect(values.slice(3).every((v) => v === null)).toBe(true);
  });

  it('are not used where a row cannot be known unchanged from its cells', () => {
    // The child is found through the visit's plan (no person column): it changes when the plan does.
    expect(
      digestOf(
        'ssd_cp_visits',
        HEADER.filter((h) => h !== 'cppv_person_id'),
      ),
    ).toBeUndefined();
    // Care leavers are matched on their natural key: the script gives each a new id at every run.
    const leavers = spec('ssd_care_leavers');
    expect(leavers.naturalKey).toBeDefined();
    expect(
      digestOf('ssd_care_leavers', [leavers.id.ssd, ...leavers.fields.map((f) => f.ssd)]),
    ).toBeUndefined();
  });
});
