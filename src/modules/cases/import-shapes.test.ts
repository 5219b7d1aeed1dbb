/**
 * Extracts shaped as the public SSD scripts (data-to-insight/ssd-data-model
 * v1.4.5: SystemC, Mosaic, Eclipse) write them: accepted with the right
 * notices, or rejected with the right message.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/helpers/app';
import { importExtract } from '../../../test/helpers/extract';
import { rawRows } from '../../platform/db/client';
import { type Csv, smallExtract } from './fixtures';
import { saveImportSettings } from './import-settings';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
});
afterAll(async () => ctx.close());

const run = (extract: Record<string, Csv>, mode: 'full' | 'partial' = 'full', org = ctx.org) =>
  importExtract(ctx, org, extract, mode);

/** The same file without one column. */
function without(csv: Csv, column: string): Csv {
  const at = csv[0]!.indexOf(column);
  return csv.map((r) => r.filter((_, i) => i !== at));
}

/** The same file with one more column (values by data row). */
function withColumn(csv: Csv, column: string, values: string[]): Csv {
  return csv.map((r, i) => [...r, i === 0 ? column : (values[i - 1] ?? '')]);
}

const careLeavers = (ids: [string, string]): Csv => [
  [
    'clea_table_id',
    'clea_person_id',
    'clea_care_leaver_eligibility',
    'clea_care_leaver_in_touch',
    'clea_care_leaver_latest_contact',
    'clea_care_leaver_accommodation',
    'clea_care_leaver_accom_suitable',
    'clea_care_leaver_activity',
    'clea_pathway_plan_review_date',
    'clea_care_leaver_worker_id',
  ],
  [
    ids[0],
    'P4',
    'Former Relevant',
    'YES',
    '2026-10-01 00:00:00.000',
    'Supported lodgings',
    'Suitable',
    'Full time in higher education',
    '1900-01-01 00:00:00.000',
    'W'.repeat(60),
  ],
  [ids[1], 'P2', 'No Current Eligibility', 'YES', '', '', '', '', '1900-01-01', ''],
];

function systemcExtract(careLeaverIds: [string, string]): Record<string, Csv> {
  const e = smallExtract();
  const cin = e['ssd_cin_episodes.csv']!;
  delete e['ssd_cin_episodes.csv'];
  return {
    ...e,
    'ssd_person.csv': [
      e['ssd_person.csv']![0]!,
      ['P1', 'Amara', 'Testwell', 'F', 'F', 'BAFR', '2009-04-15 00:00:00.000', '9434765919', ''],
      ['P2', 'Jonah', 'Quillby', 'M', 'M', 'WBRI', '2016-11-02 00:00:00.000', '', ''],
      ['P3', 'Lior', 'Penhallow', 'I', '12', 'WOTH', '2008-02-15 00:00:00.000', '', 'UN7'],
      ['P4', 'Maisie', 'Orrick', 'F', 'U', 'MWBC', '2019-07-30 00:00:00.000', '', ''],
    ],
    // Named as the script names its table, with a column the SSD does not have.
    'ssd_development.ssd_cin_episodes.csv': withColumn(
      cin.map((r, i) => (i === 1 ? [...r.slice(0, 2), '2024-01-10 22:15:00.000', ...r.slice(3)] : r)),
      'cine_local_flag',
      ['1', '', '', ''],
    ),
    'ssd_cp_plans.csv': [
      e['ssd_cp_plans.csv']![0]!,
      ['CP1', 'P2', 'R2', 'C1', '2026-06-24', '', 'Neglect', 'Multiple: Neglect, Emotional abuse'],
    ],
    'ssd_legal_status.csv': [
      e['ssd_legal_status.csv']![0]!,
      ['L1', 'P1', 'Full care order', '2024-02-01 00:00:00.000', ''],
      ['L3', 'P3', 'Special guardianship order', '2025-02-03 00:00:00.000', ''],
    ],
    'ssd_contacts.csv': [
      ['cont_contact_id', 'cont_person_id', 'cont_contact_date', 'cont_contact_outcome_json'],
      ['K1', 'P2', '2026-05-31 23:40:00.000', '{"outcome": "referral'],
    ],
    'ssd_missing.csv': [
      [
        'miss_table_id',
        'miss_person_id',
        'miss_missing_episode_start_date',
        'miss_missing_episode_type',
        'miss_missing_episode_end_date',
        'miss_missing_rhi_offered',
        'miss_missing_rhi_accepted',
      ],
      ['M1', 'P1', '2026-07-01 22:15:00.000', 'Missing', '2026-07-02 09:05:00.000', 'Y', 'NA'],
    ],
    'ssd_care_leavers.csv': careLeavers(careLeaverIds),
    'ssd_development.ssd_cohort.csv': [['dim_person_id'], ['P1']],
    'ssd_dim_date.csv': [['dim_date_key'], ['2026-01-01']],
  };
}

describe('extracts shaped as the SSD scripts write them', () => {
  it('accepts SystemC codes and date-times, listing what it kept as given or left empty', async () => {
    const outcome = await run(systemcExtract(['6F9619FF-8B86-D011-B42D-00C04FC964FF', 'A1B2']));
    expect(outcome.errors).toEqual([]);
    expect(outcome.status).toBe('applied');
    const notices = outcome.notices.map((n) => [n.file, n.row, n.field, n.value]);
    expect(notices).toEqual(
      expect.arrayContaining([
        ['ssd_address.csv', 0, '', 'ssd_address'],
        ['ssd_development.ssd_cohort.csv', 0, '', 'ssd_cohort'],
        ['ssd_dim_date.csv', 0, '', 'ssd_dim_date'],
        ['ssd_development.ssd_cin_episodes.csv', 1, 'cine_local_flag', ''],
        ['ssd_contacts.csv', 2, 'cont_contact_outcome_json', '{"outcome": "referral'],
        ['ssd_care_leavers.csv', 2, 'clea_pathway_plan_review_date', '1900-01-01 00:00:00.000'],
        ['ssd_care_leavers.csv', 3, 'clea_pathway_plan_review_date', '1900-01-01'],
      ]),
    );
    expect(outcome.notices).toHaveLength(7);
    const byField = Object.fromEntries(outcome.notices.map((n) => [n.field || n.value, n.expected]));
    expect(byField.cine_local_flag).toMatch(/not one of them, so it was not read/);
    expect(byField.cont_contact_outcome_json).toMatch(/JSON text.*\(kept as given\)/);
    expect(byField.clea_pathway_plan_review_date).toMatch(/placeholder.*read as unknown/);

    const db = ctx.oversight.database.db;
    const org = ctx.org.organisationId;
    const people = await rawRows<{ source_id: string; sex: string; gender: string; upn: string | null }>(
      db,
      sql`select source_id, sex, gender, upn_unknown_reason as upn from case_people
          where organisation_id = ${org} order by source_id`,
    );
    expect(people.map((p) => [p.source_id, p.sex, p.gender, p.upn])).toEqual([
      ['P1', 'F', 'F', null],
      ['P2', 'M', 'M', null],
      ['P3', 'I', '12', 'UN7'],
      ['P4', 'F', 'U', null],
    ]);
    const [referral] = await rawRows<{ d: string; at: string }>(
      db,
      sql`select referral_date::text as d, to_char(referral_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as at
          from case_referrals where organisation_id = ${org} and source_id = 'R1'`,
    );
    expect(referral).toEqual({ d: '2024-01-10', at: '2024-01-10 22:15' });
    // Summer time: 22:15 in London is 21:15 UTC; the date stays the London date.
    const [missing] = await rawRows<{ d: string; s: string; e: string; offered: boolean; accepted: boolean }>(
      db,
      sql`select start_date::text as d, to_char(start_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as s,
                 to_char(end_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as e,
                 return_interview_offered as offered, return_interview_accepted as accepted
          from case_missing_episodes where organisation_id = ${org}`,
    );
    expect(missing).toEqual({
      d: '2026-07-01',
      s: '2026-07-01 21:15',
      e: '2026-07-02 08:05',
      offered: true,
      accepted: null,
    });
    const [contact] = await rawRows<{ d: string }>(
      db,
      sql`select contact_date::text as d from case_contacts where organisation_id = ${org}`,
    );
    expect(contact?.d).toBe('2026-05-31');
    const legal = await rawRows<{ legal_status: string }>(
      db,
      sql`select legal_status from case_legal_statuses where organisation_id = ${org} order by source_id`,
    );
    expect(legal.map((l) => l.legal_status)).toEqual(['C2', 'Special guardianship order']);
    const [plan] = await rawRows<{ i: string; l: string }>(
      db,
      sql`select initial_category as i, latest_category as l from case_cp_plans where organisation_id = ${org}`,
    );
    expect(plan).toEqual({ i: 'NEG', l: 'Multiple: Neglect, Emotional abuse' });
    const leavers = await rawRows<{
      source_id: string;
      accommodation: string;
      suitable: string;
      activity: string;
      review: string | null;
      worker: string;
    }>(
      db,
      sql`select source_id, accommodation, accommodation_suitable as suitable, activity,
                 pathway_plan_review_date::text as review, worker_source_id as worker
          from case_care_leavers where organisation_id = ${org} order by source_id`,
    );
    expect(leavers[1]).toEqual({
      source_id: 'P4',
      accommodation: 'E',
      suitable: '1',
      activity: 'F1',
      review: null,
      worker: 'W'.repeat(60),
    });
  });

  it('matches care leavers on the person when the script regenerates their ids: a re-import closes nothing', async () => {
    const outcome = await run(systemcExtract(['0E984725-C51C-4BF4-9960-E1C80E27ABA0', 'C3D4']));
    expect(outcome.status).toBe('applied');
    expect(outcome.counts.ssd_care_leavers).toEqual({ added: 0, changed: 0, unchanged: 2, closed: 0 });
    expect(outcome.totals.closed).toBe(0);
    expect(outcome.totals.added).toBe(0);
  });

  it('rejects two care leaver rows for one person, saying why rows are matched on the person', async () => {
    const extract = systemcExtract(['X1', 'X2']);
    extract['ssd_care_leavers.csv']![2]![1] = 'P4';
    const outcome = await run(extract, 'partial');
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => [e.file, e.row, e.field, e.value])).toEqual([
      ['ssd_care_leavers.csv', 3, 'clea_person_id', 'P4'],
    ]);
    expect(outcome.errors[0]!.expected).toMatch(/row 2 has the same.*clea_table_id = NEWID\(\)/);
  });

  it('accepts Mosaic’s column sets: visits and placements without person ids, cin_plan_id, repeated and extra columns', async () => {
    const e = smallExtract();
    const cpVisits = without(e['ssd_cp_visits.csv']!, 'cppv_person_id');
    const extract: Record<string, Csv> = {
      ...e,
      'ssd_cp_visits.csv': cpVisits.map((r, i) => [...r, i === 0 ? 'cppv_cp_visit_id' : r[0]!]),
      'ssd_cla_placement.csv': withColumn(
        without(e['ssd_cla_placement.csv']!, 'clap_person_id'),
        'clap_cla_placement_la',
        ['Oakhaven'],
      ),
      'ssd_cin_plans.csv': [
        ['cin_plan_id', 'cinp_referral_id', 'cinp_person_id', 'cinp_cin_plan_start_date'],
        ['CINP1', 'R4', 'P4', '2023-03-20 00:00:00.000'],
      ],
      'ssd_cin_visits.csv': [
        ['cinv_cin_visit_id', 'cinv_cin_plan_id', 'cinv_cin_visit_date', 'cinv_cin_visit_seen'],
        ['CINV1.P4', 'CINP1', '2023-04-01 10:00:00.000', 'Y'],
      ],
    };
    const outcome = await run(extract, 'full', ctx.other);
    expect(outcome.errors).toEqual([]);
    expect(outcome.status).toBe('applied');
    expect(outcome.notices.map((n) => [n.file, n.field])).toEqual([
      ['ssd_address.csv', ''],
      ['ssd_cp_visits.csv', 'cppv_cp_visit_id'],
      ['ssd_cla_placement.csv', 'clap_cla_placement_la'],
    ]);
    expect(outcome.notices[1]!.expected).toMatch(/repeated, so only its first column was read/);
    const db = ctx.oversight.database.db;
    const rows = await rawRows<{ t: string; id: string; person: string }>(
      db,
      sql`select 'cp' as t, v.source_id as id, p.source_id as person from case_cp_visits v join case_people p on p.id = v.person_id
            where v.organisation_id = ${ctx.other.organisationId}
          union all
          select 'cin', v.source_id, p.source_id from case_cin_visits v join case_people p on p.id = v.person_id
            where v.organisation_id = ${ctx.other.organisationId}
          union all
          select 'pl', v.source_id, p.source_id from case_cla_placements v join case_people p on p.id = v.person_id
            where v.organisation_id = ${ctx.other.organisationId}
          order by 1, 2`,
    );
    expect(rows.map((r) => `${r.t} ${r.id} ${r.person}`)).toEqual([
      'cin CINV1.P4 P4',
      'cp V1 P2',
      'cp V2 P2',
      'pl PL1 P1',
      'pl PL2 P1',
      'pl PL3 P3',
    ]);
  });

  it('takes the child of an Eclipse review from its period of care, and says which column is missing when it cannot', async () => {
    const reviews = without(smallExtract()['ssd_cla_reviews.csv']!, 'clar_person_id');
    const ok = await run({ 'ssd_cla_reviews.csv': reviews }, 'partial');
    expect(ok.status).toBe('applied');
    const [review] = await rawRows<{ person: string }>(
      ctx.oversight.database.db,
      sql`select p.source_id as person from case_cla_reviews r join case_people p on p.id = r.person_id
          where r.organisation_id = ${ctx.org.organisationId} and r.source_id = 'RV2'`,
    );
    expect(review?.person).toBe('P3');

    const blank = await run(
      { 'ssd_cla_reviews.csv': [reviews[0]!, ['RV9', '', '2025-03-03', '2025-03-01', 'N', 'PN2']] },
      'partial',
    );
    expect(blank.status).toBe('rejected');
    expect(blank.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'clar_cla_id'],
      [2, 'clar_cla_id'],
    ]);
    expect(blank.errors.map((e) => e.expected).join('\n')).toMatch(
      /no clar_person_id column \(the Eclipse script does not write it\)/,
    );

    const neither = await run({ 'ssd_cla_reviews.csv': without(reviews, 'clar_cla_id') }, 'partial');
    expect(neither.status).toBe('rejected');
    expect(neither.errors[0]).toMatchObject({ row: 1, field: 'clar_person_id' });
    expect(neither.errors[0]!.expected).toMatch(/or clar_cla_id to find the person.*the file has neither/);
  });

  it('treats notices as errors for an organisation that asks, but never a table it does not read', async () => {
    const db = ctx.oversight.database.db;
    await saveImportSettings(
      db,
      ctx.org.organisationId,
      { noticesAreErrors: true },
      { userId: ctx.org.userIds.administrator, at: ctx.clock.now() },
    );
    const outcome = await run(
      {
        'ssd_contacts.csv': [
          ['cont_contact_id', 'cont_person_id', 'cont_contact_date', 'cont_extra'],
          ['K2', 'P2', '2026-06-01', 'x'],
        ],
        'ssd_cohort.csv': [['dim_person_id'], ['P1']],
      },
      'partial',
    );
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => [e.file, e.field])).toEqual([['ssd_contacts.csv', 'cont_extra']]);
    expect(outcome.notices.map((n) => n.file)).toEqual(['ssd_cohort.csv']);
    await saveImportSettings(
      db,
      ctx.org.organisationId,
      { noticesAreErrors: false },
      { userId: ctx.org.userIds.administrator, at: ctx.clock.now() },
    );
  });
});
