/** Values the public SSD scripts (SystemC, Mosaic, Eclipse) write, field by field. */
import { describe, expect, it } from 'vitest';
import {
  ACCOMMODATION_SUITABLE,
  CARE_LEAVER_ACCOMMODATION,
  CLA_START_REASON,
  CP_CATEGORY,
  canonicalCode,
  GENDER,
  LEGAL_STATUS,
  SEX,
  UPN_UNKNOWN,
} from './codes';
import { allFields, TABLES_BY_NAME } from './spec';
import { gradeOf, mapHeader, parseField, parseSsdDateTime, tableForFile, validateRow } from './validate';

const TODAY = '2026-11-16';
const spec = (name: string) => TABLES_BY_NAME.get(name)!;
const field = (table: string, name: string) => allFields(spec(table)).find((f) => f.ssd === name)!;

describe('codes as the scripts write them', () => {
  it('accepts sex and gender codes the spec allows, and the sex code SystemC writes as gender', () => {
    expect(canonicalCode(SEX, 'I')).toBe('I');
    for (const code of ['M', 'F', 'U', '01', '09', '10', '99'])
      expect(canonicalCode(GENDER, code)).toBe(code);
    expect(canonicalCode(GENDER, '2')).toBe('02');
    expect(canonicalCode(GENDER, '100')).toBeUndefined();
    expect(canonicalCode(GENDER, 'X')).toBeUndefined();
  });
  it('accepts UPN unknown codes UN1 to UN10', () => {
    for (let n = 1; n <= 10; n++) expect(canonicalCode(UPN_UNKNOWN, `UN${n}`)).toBe(`UN${n}`);
    expect(canonicalCode(UPN_UNKNOWN, 'UN11')).toBeUndefined();
  });
  it('reads descriptions as their codes', () => {
    expect(canonicalCode(LEGAL_STATUS, 'Full care order')).toBe('C2');
    expect(canonicalCode(LEGAL_STATUS, 'Interim care order')).toBe('C1');
    expect(canonicalCode(CARE_LEAVER_ACCOMMODATION, 'Supported lodgings')).toBe('E');
    expect(canonicalCode(CARE_LEAVER_ACCOMMODATION, 'No fixed abode/homeless')).toBe('S');
    expect(canonicalCode(ACCOMMODATION_SUITABLE, 'Unsuitable')).toBe('2');
    expect(canonicalCode(CLA_START_REASON, 'Started to be looked after')).toBe('S');
    expect(canonicalCode(CLA_START_REASON, 'Change of placement and carer(s) only')).toBe('P');
  });
  it('keeps several categories of abuse as written, and legal statuses beyond the SSDA903 list', () => {
    expect(canonicalCode(CP_CATEGORY, 'Multiple: Neglect, Emotional abuse')).toBe(
      'Multiple: Neglect, Emotional abuse',
    );
    expect(
      parseField(field('ssd_legal_status', 'lega_legal_status'), 'Special guardianship order', TODAY),
    ).toEqual({
      ok: true,
      value: 'Special guardianship order',
    });
  });
  it('reads NA as not applicable for return interviews only', () => {
    expect(parseField(field('ssd_missing', 'miss_missing_rhi_offered'), 'NA', TODAY)).toEqual({
      ok: true,
      value: null,
    });
    expect(parseField(field('ssd_cp_visits', 'cppv_cp_visit_seen'), 'NA', TODAY)).toMatchObject({
      ok: false,
    });
  });
  it('takes text lengths from the spec: a worker id of 100 characters', () => {
    const worker = field('ssd_cin_episodes', 'cine_referral_worker_id');
    expect(parseField(worker, 'W'.repeat(100), TODAY)).toMatchObject({ ok: true });
    expect(parseField(worker, 'W'.repeat(101), TODAY)).toMatchObject({ ok: false });
  });
});

describe('dates and times', () => {
  it('keeps the time of day as London wall-clock time', () => {
    expect(parseSsdDateTime('2026-07-01 22:15:00.000')).toBe('2026-07-01 22:15:00');
    expect(parseSsdDateTime('2026-07-01T21:15:00Z')).toBe('2026-07-01 22:15:00');
    expect(parseSsdDateTime('2026-01-10T22:15:00+01:00')).toBe('2026-01-10 21:15:00');
    expect(parseSsdDateTime('01/07/2026 09:05')).toBe('2026-07-01 09:05:00');
    expect(parseSsdDateTime('2026-07-01')).toBe('2026-07-01 00:00:00');
    expect(parseSsdDateTime('2026-07-01 24:10:00')).toBeUndefined();
    const start = field('ssd_missing', 'miss_missing_episode_start_date');
    expect(parseField(start, '2026-07-01 22:15:00.000', TODAY)).toEqual({
      ok: true,
      value: '2026-07-01 22:15:00',
    });
    const dob = field('ssd_person', 'pers_dob');
    expect(parseField(dob, '2009-04-15 00:00:00.000', TODAY)).toEqual({ ok: true, value: '2009-04-15' });
  });
  it('reads the placeholder 1900-01-01 as unknown, with a notice', () => {
    const review = field('ssd_care_leavers', 'clea_pathway_plan_review_date');
    const parsed = parseField(review, '1900-01-01 00:00:00.000', TODAY);
    expect(parsed).toMatchObject({ ok: true, value: null });
    expect((parsed as { notice: string }).notice).toMatch(/placeholder.*read as unknown/);
  });
  it('orders a date-time against a date by day', () => {
    const s = spec('ssd_cin_episodes');
    const fields = allFields(s);
    const header = mapHeader(s, 'f.csv', [
      'cine_referral_id',
      'cine_person_id',
      'cine_referral_date',
      'cine_close_date',
    ]);
    const same = validateRow(
      s,
      fields,
      header.positions,
      ['R1', 'P1', '2026-03-01 22:15', '2026-03-01'],
      'f.csv',
      2,
      TODAY,
    );
    expect(same.errors).toEqual([]);
  });
});

describe('grading', () => {
  it('rejects on identifiers, references and dates; lists the rest', () => {
    expect(gradeOf(field('ssd_cin_episodes', 'cine_referral_id'))).toBe('error');
    expect(gradeOf(field('ssd_cin_episodes', 'cine_person_id'))).toBe('error');
    expect(gradeOf(field('ssd_cin_episodes', 'cine_referral_date'))).toBe('error');
    expect(gradeOf(field('ssd_cin_episodes', 'cine_cin_primary_need_code'))).toBe('notice');
    expect(gradeOf(field('ssd_cin_episodes', 'cine_referral_outcome_json'))).toBe('notice');
    expect(gradeOf(field('ssd_cp_visits', 'cppv_cp_visit_seen'))).toBe('notice');
  });
  it('keeps a descriptive code as given and leaves a flag empty, each with a notice', () => {
    const s = spec('ssd_cp_visits');
    const fields = allFields(s);
    const header = mapHeader(s, 'v.csv', [
      'cppv_cp_visit_id',
      'cppv_person_id',
      'cppv_cp_plan_id',
      'cppv_cp_visit_date',
      'cppv_cp_visit_seen',
    ]);
    const row = validateRow(
      s,
      fields,
      header.positions,
      ['V1', 'P1', 'CP1', '2026-07-03', 'Maybe'],
      'v.csv',
      2,
      TODAY,
    );
    expect(row.errors).toEqual([]);
    expect(row.notices).toEqual([
      { file: 'v.csv', row: 2, field: 'cppv_cp_visit_seen', value: 'Maybe', expected: 'Y or N (left empty)' },
    ]);
  });
});

describe('files and headers', () => {
  it('recognises file names with the schema in front', () => {
    expect(tableForFile('ssd_development.ssd_cin_episodes.csv')).toMatchObject({
      table: { ssd: 'ssd_cin_episodes' },
    });
    expect(tableForFile('extract/ssd_development.ssd_cohort.csv')).toEqual({ notRead: 'ssd_cohort' });
    expect(tableForFile('ssd_dim_date.csv')).toEqual({ notRead: 'ssd_dim_date' });
    expect(tableForFile('ssd_pre_cla_care_plan.csv')).toEqual({ notRead: 'ssd_pre_cla_care_plan' });
  });
  it('reads Mosaic’s cin_plan_id, and finds a visit’s child from its plan when there is no person column', () => {
    expect(
      mapHeader(spec('ssd_cin_plans'), 'p.csv', ['cin_plan_id', 'cinp_person_id', 'cinp_cin_plan_start_date'])
        .errors,
    ).toEqual([]);
    const visits = mapHeader(spec('ssd_cin_visits'), 'v.csv', [
      'cinv_cin_visit_id',
      'cinv_cin_plan_id',
      'cinv_cin_visit_date',
    ]);
    expect(visits.errors).toEqual([]);
    expect(visits.derivePerson).toBe(true);
    const neither = mapHeader(spec('ssd_cin_visits'), 'v.csv', ['cinv_cin_visit_id', 'cinv_cin_visit_date']);
    expect(neither.errors[0]!.expected).toMatch(/cinv_person_id.*or cinv_cin_plan_id.*neither/);
  });
});
