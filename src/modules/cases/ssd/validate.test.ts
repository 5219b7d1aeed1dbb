import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CP_CATEGORY, canonicalCode, GENDER, PRIMARY_NEED } from './codes';
import { mappingMarkdown } from './mapping-doc';
import { allFields, REF_TARGETS, SSD_TABLES, TABLES_BY_NAME } from './spec';
import {
  mapHeader,
  parseField,
  parseSsdDate,
  parseSsdDateTime,
  rowHash,
  tableForFile,
  validateRow,
} from './validate';

const TODAY = '2026-11-16';
const spec = (name: string) => TABLES_BY_NAME.get(name)!;
const field = (table: string, name: string) => allFields(spec(table)).find((f) => f.ssd === name)!;

describe('dates', () => {
  it('reads the forms SSD extracts use', () => {
    expect(parseSsdDate('2025-03-27')).toBe('2025-03-27');
    expect(parseSsdDate('2025-03-27 00:00:00.000')).toBe('2025-03-27');
    expect(parseSsdDate('2025-03-27T14:05:00Z')).toBe('2025-03-27');
    expect(parseSsdDate('27/03/2025')).toBe('2025-03-27');
    expect(parseSsdDate('7/3/2025')).toBe('2025-03-07');
  });
  it('refuses dates that do not exist or are not dates', () => {
    expect(parseSsdDate('2025-02-29')).toBeUndefined();
    expect(parseSsdDate('2024-02-29')).toBe('2024-02-29');
    expect(parseSsdDate('31/04/2025')).toBeUndefined();
    expect(parseSsdDate('2025-13-01')).toBeUndefined();
    expect(parseSsdDate('1850-01-01')).toBeUndefined();
    expect(parseSsdDate('yesterday')).toBeUndefined();
    expect(parseSsdDate('03/27/2025')).toBeUndefined();
  });
  it('reads dates and times to the second, the common forms as the rare ones', () => {
    const cases: Array<[string, string | undefined]> = [
      ['2025-03-27', '2025-03-27 00:00:00'],
      [' 2025-03-27 ', '2025-03-27 00:00:00'],
      ['2025-03-27 22:15', '2025-03-27 22:15:00'],
      ['2025-03-27T22:15:07', '2025-03-27 22:15:07'],
      ['2025-03-27 22:15:07.1234567', '2025-03-27 22:15:07'],
      ['2025-03-27 22:15:07.12345678', undefined],
      ['2025-03-27 22:15:07.', undefined],
      ['2025-03-27 22:15:0', undefined],
      ['2025-03-27 24:00:00', undefined],
      ['2025-03-27 23:60', undefined],
      ['2025-03-27 22:15:60', undefined],
      ['2025-03-27x22:15', undefined],
      ['2025-04-31', undefined],
      ['2000-02-29 01:00', '2000-02-29 01:00:00'],
      ['1900-02-29', undefined],
      ['2200-12-31', '2200-12-31 00:00:00'],
      ['2201-01-01', undefined],
      ['2025-3-27', undefined],
      // With an offset: the London wall-clock time of that instant (summer time here).
      ['2025-07-01T21:15:00Z', '2025-07-01 22:15:00'],
      ['2025-07-01 21:15:00.000+00:00', '2025-07-01 22:15:00'],
      ['01/07/2025 22:15', '2025-07-01 22:15:00'],
    ];
    for (const [raw, expected] of cases) expect([raw, parseSsdDateTime(raw)]).toEqual([raw, expected]);
  });
});

describe('fields', () => {
  it('turns blank and NULL into empty, and checks each type', () => {
    const date = field('ssd_cin_episodes', 'cine_referral_date');
    expect(parseField(date, '  ', TODAY)).toEqual({ ok: true, value: null });
    expect(parseField(date, 'NULL', TODAY)).toEqual({ ok: true, value: null });
    expect(parseField(date, '2026-11-17', TODAY)).toMatchObject({
      ok: false,
      expected: expect.stringContaining('cannot be in the future'),
    });
    expect(parseField(field('ssd_cla_reviews', 'clar_cla_review_due_date'), '2027-01-01', TODAY)).toEqual({
      ok: true,
      value: '2027-01-01',
    });
    const yn = field('ssd_cp_visits', 'cppv_cp_visit_seen');
    expect(parseField(yn, 'y', TODAY)).toEqual({ ok: true, value: true });
    expect(parseField(yn, 'No', TODAY)).toEqual({ ok: true, value: false });
    expect(parseField(yn, 'maybe', TODAY)).toEqual({ ok: false, expected: 'Y or N' });
    const distance = field('ssd_cla_placement', 'clap_cla_placement_distance');
    expect(parseField(distance, '12.5', TODAY)).toEqual({ ok: true, value: 12.5 });
    expect(parseField(distance, 'far', TODAY)).toMatchObject({ ok: false });
    const score = field('ssd_sdq_scores', 'csdq_sdq_score');
    expect(parseField(score, '41', TODAY)).toEqual({ ok: false, expected: 'A whole number from 0 to 40' });
    const json = field('ssd_cin_episodes', 'cine_referral_outcome_json');
    expect(parseField(json, '{"a":1}', TODAY)).toEqual({ ok: true, value: '{"a":1}' });
    expect(parseField(json, '{a:1}', TODAY)).toMatchObject({ ok: false });
    const name = field('ssd_person', 'pers_forename');
    expect(parseField(name, 'x'.repeat(101), TODAY)).toEqual({
      ok: false,
      expected: "Text of 100 characters or fewer (the SSD's length)",
    });
  });

  it('stores the canonical code and names the list when a code is unknown', () => {
    expect(canonicalCode(PRIMARY_NEED, 'n1')).toBe('N1');
    expect(canonicalCode(GENDER, '1')).toBe('01');
    expect(canonicalCode(CP_CATEGORY, 'Physical abuse')).toBe('PHY');
    expect(canonicalCode(PRIMARY_NEED, 'N12')).toBeUndefined();
    const need = field('ssd_cin_episodes', 'cine_cin_primary_need_code');
    expect(parseField(need, 'N12', TODAY)).toEqual({
      ok: false,
      expected: 'One of the category of need codes: N0, N1, N2, N3, N4, N5, N6, N7, N8 or N9',
    });
  });
});

describe('rows', () => {
  const table = spec('ssd_cla_episodes');
  const header = mapHeader(table, 'ssd_cla_episodes.csv', [
    'CLAE_CLA_EPISODE_ID',
    'clae_person_id',
    'clae_cla_id',
    'clae_cla_episode_start_date',
    'clae_cla_episode_ceased', // the older SSD name
  ]);

  it('matches headers without regard to case and accepts older field names', () => {
    expect(header.errors).toEqual([]);
    const fields = allFields(table);
    expect(header.positions[fields.findIndex((f) => f.ssd === 'clae_cla_episode_ceased_date')]).toBe(4);
  });

  it('reports a missing required column once, for the whole file', () => {
    const missing = mapHeader(table, 'f.csv', ['clae_cla_episode_id', 'clae_person_id']);
    expect(missing.errors.map((e) => e.field)).toEqual(['clae_cla_id', 'clae_cla_episode_start_date']);
    expect(missing.errors[0]!.row).toBe(1);
  });

  it('checks dates are in order (an episode cannot start and end on the same day)', () => {
    const fields = allFields(table);
    const same = validateRow(
      table,
      fields,
      header.positions,
      ['E1', 'P1', 'LA1', '2025-01-10', '2025-01-10'],
      'f.csv',
      2,
      TODAY,
    );
    expect(same.errors).toEqual([
      {
        file: 'f.csv',
        row: 2,
        field: 'clae_cla_episode_ceased_date',
        value: '2025-01-10',
        expected: 'A date after the date the episode started (2025-01-10)',
      },
    ]);
    const fine = validateRow(
      table,
      fields,
      header.positions,
      ['E1', 'P1', 'LA1', '2025-01-10', '2025-01-11'],
      'f.csv',
      2,
      TODAY,
    );
    expect(fine.errors).toEqual([]);
    expect(rowHash(fine.values)).toBe(rowHash([...fine.values]));
    expect(rowHash(fine.values)).not.toBe(rowHash(same.values));
  });
});

describe('files', () => {
  it('knows a table from its file name', () => {
    expect(tableForFile('ssd_person.csv')).toEqual({ table: spec('ssd_person') });
    expect(tableForFile('extract/SSD_CIN_EPISODES_2026-11-01.csv')).toEqual({
      table: spec('ssd_cin_episodes'),
    });
    expect(tableForFile('ssd_cin_episodes_extra.csv')).toEqual({ table: spec('ssd_cin_episodes') });
    expect(tableForFile('ssd_address.csv')).toEqual({ notRead: 'ssd_address' });
    expect(tableForFile('people.csv')).toBeUndefined();
    expect(tableForFile('ssd_person.xlsx')).toBeUndefined();
  });
});

describe('the table descriptions', () => {
  it('give every table an identifier and unique columns, and point references at tables that exist', () => {
    for (const table of SSD_TABLES) {
      const columns = allFields(table).map((f) => f.column);
      expect(new Set(columns).size, table.ssd).toBe(columns.length);
      expect(table.id.column).toBe('source_id');
      for (const f of allFields(table))
        if (f.ref) expect(TABLES_BY_NAME.has(REF_TARGETS[f.ref].ssd)).toBe(true);
    }
  });

  it('match docs/ssd-mapping.md', () => {
    const doc = readFileSync(new URL('../../../../docs/ssd-mapping.md', import.meta.url), 'utf8');
    expect(doc).toBe(mappingMarkdown());
  });
});
