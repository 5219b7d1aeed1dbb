/**
 * For the performance indicators (kpis module): the register's figures for
 * dated ranges, one set-based query per measure for all the ranges asked at
 * once (never a query per child, team or period), and the children behind a
 * figure for a person allowed to see them.
 *
 * Each measure is a set of rows (range, child, counted in the numerator?)
 * built over the ranges in `r` (i, first, last). A count measure counts the
 * rows (or the distinct children), a percentage measure the numerator rows
 * over all rows. Closed records (gone from the latest full extract) are left
 * out. Working days skip weekends and the non-working days given.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { type Db, rawRows } from '../../platform/db/client';
import type { Actor } from '../../platform/permissions';
import { scopeFor } from './access';
import { scopeCondition } from './repository';

export interface MeasureRange {
  first: string;
  last: string;
}

interface Measure {
  /** What one row is: an event (counted as rows) or a child (counted once per range). */
  counts: 'rows' | 'children';
  percentage: boolean;
  rows(org: string, holidays: SQL): SQL;
}

/** Weekdays before a date, counted from Monday 1 January 1900: Monday to Friday of each week. */
const weekdaysBefore = (d: SQL) =>
  sql`(5 * ((${d} - date '1900-01-01') / 7) + least((${d} - date '1900-01-01') % 7, 5))`;

/**
 * Working days after `from` up to and including `to` (none when `to` is not
 * after `from`): the weekdays between, by arithmetic, less the non-working
 * weekdays among them, counted by binary search (width_bucket) in the sorted
 * array of non-working weekdays (holidayArray). Counting day by day
 * (generate_series) cost the 45-day assessments measure over a second at the
 * large authority, and filtering the array for each row a third of a second.
 */
export const workingDays = (from: SQL, to: SQL, holidays: SQL) =>
  sql`(greatest(0, ${weekdaysBefore(sql`(${to})::date + 1`)} - ${weekdaysBefore(sql`(${from})::date + 1`)})
        - greatest(0, width_bucket((${to})::date, ${holidays}) - width_bucket((${from})::date, ${holidays})))`;

/** Children looked after at the end of each range. */
const lookedAfterAtEnd = (org: string) =>
  sql`select distinct r.i, e.person_id from r join case_cla_episodes e
        on e.organisation_id = ${org}::uuid and e.closed_at is null
       and e.start_date <= r.last and (e.ceased_date is null or e.ceased_date > r.last)`;

const MEASURES = {
  contacts: {
    counts: 'rows',
    percentage: false,
    rows: (org) => sql`select r.i, c.person_id, true as num from r join case_contacts c
      on c.organisation_id = ${org}::uuid and c.closed_at is null and c.contact_date between r.first and r.last`,
  },
  referrals: {
    counts: 'rows',
    percentage: false,
    rows: (org) => sql`select r.i, f.person_id, true as num from r join case_referrals f
      on f.organisation_id = ${org}::uuid and f.closed_at is null and f.referral_date between r.first and r.last`,
  },
  're-referrals': {
    counts: 'rows',
    percentage: true,
    // One pass over the referrals from 12 months before the first range: each
    // counts the same child's referrals in the 12 months before its day.
    rows: (org) => sql`select r.i, f.person_id, f.num from r join (
        select person_id, referral_date, count(*) over (partition by person_id order by referral_date
            range between interval '12 months' preceding and interval '1 day' preceding) > 0 as num
        from case_referrals where organisation_id = ${org}::uuid and closed_at is null
          and referral_date >= (select min(first) from r) - interval '12 months'
          and referral_date <= (select max(last) from r)) f
      on f.referral_date between r.first and r.last`,
  },
  'assessments-45': {
    counts: 'rows',
    percentage: true,
    rows: (org, holidays) => sql`select r.i, a.person_id,
        ${workingDays(sql`a.start_date`, sql`a.authorised_date`, holidays)} <= 45 as num
      from r join case_assessments a on a.organisation_id = ${org}::uuid and a.closed_at is null
        and a.authorised_date between r.first and r.last`,
  },
  s47: {
    counts: 'rows',
    percentage: false,
    rows: (org) => sql`select r.i, s.person_id, true as num from r join case_s47_enquiries s
      on s.organisation_id = ${org}::uuid and s.closed_at is null and s.start_date between r.first and r.last`,
  },
  'icpc-15': {
    counts: 'rows',
    percentage: true,
    rows: (org, holidays) => sql`select r.i, c.person_id,
        ${workingDays(sql`s.start_date`, sql`c.conference_date`, holidays)} <= 15 as num
      from r join case_initial_conferences c on c.organisation_id = ${org}::uuid and c.closed_at is null
        and c.conference_date between r.first and r.last and c.transfer_in is not true
      join case_s47_enquiries s on s.organisation_id = c.organisation_id and s.source_id = c.s47_source_id
        and s.closed_at is null`,
  },
  'cp-plans': {
    counts: 'children',
    percentage: false,
    rows: (org) => sql`select r.i, p.person_id, true as num from r join case_cp_plans p
      on p.organisation_id = ${org}::uuid and p.closed_at is null
      and p.start_date <= r.last and (p.end_date is null or p.end_date > r.last)`,
  },
  'cp-two-years': {
    counts: 'rows',
    percentage: true,
    rows: (org) => sql`select r.i, p.person_id, p.end_date >= p.start_date + interval '2 years' as num
      from r join case_cp_plans p on p.organisation_id = ${org}::uuid and p.closed_at is null
        and p.end_date between r.first and r.last`,
  },
  'cp-repeat': {
    counts: 'rows',
    percentage: true,
    rows: (org) => sql`select r.i, p.person_id, exists (select 1 from case_cp_plans b
        where b.organisation_id = p.organisation_id and b.person_id = p.person_id and b.closed_at is null
          and b.start_date < p.start_date) as num
      from r join case_cp_plans p on p.organisation_id = ${org}::uuid and p.closed_at is null
        and p.start_date between r.first and r.last`,
  },
  cla: {
    counts: 'children',
    percentage: false,
    rows: (org) => sql`select l.i, l.person_id, true as num from (${lookedAfterAtEnd(org)}) l`,
  },
  'cla-uasc': {
    counts: 'children',
    percentage: false,
    rows: (org) => sql`select l.i, l.person_id, true as num from (${lookedAfterAtEnd(org)}) l
      join case_people pp on pp.id = l.person_id and pp.uasc`,
  },
  'cla-three-placements': {
    counts: 'children',
    percentage: true,
    // One join and count, not a count of placements per child and range.
    rows: (org) => sql`select l.i, l.person_id, count(pl.person_id) >= 3 as num
      from (${lookedAfterAtEnd(org)}) l join r on r.i = l.i
      left join case_cla_placements pl on pl.organisation_id = ${org}::uuid and pl.person_id = l.person_id
        and pl.closed_at is null and pl.start_date > r.last - interval '12 months' and pl.start_date <= r.last
      group by l.i, l.person_id`,
  },
  'cla-reviews': {
    counts: 'rows',
    percentage: true,
    rows: (
      org,
    ) => sql`select r.i, v.person_id, v.review_date <= v.due_date as num from r join case_cla_reviews v
      on v.organisation_id = ${org}::uuid and v.closed_at is null and v.cancelled is not true
      and v.due_date is not null and v.review_date between r.first and r.last`,
  },
  'early-help': {
    counts: 'rows',
    percentage: false,
    rows: (org) => sql`select r.i, e.person_id, true as num from r join case_early_help_episodes e
      on e.organisation_id = ${org}::uuid and e.closed_at is null and e.start_date between r.first and r.last`,
  },
} satisfies Record<string, Measure>;

export type MeasureKey = keyof typeof MEASURES;
export const MEASURE_KEYS = Object.keys(MEASURES) as MeasureKey[];

export function isPercentageMeasure(measure: MeasureKey): boolean {
  return MEASURES[measure].percentage;
}

export interface MeasureFigure {
  /** Rows or children counted (the denominator of a percentage). */
  count: number;
  /** Of those, how many are in the numerator (equal to count for a count measure). */
  numerator: number;
}

const rangesCte = (ranges: readonly MeasureRange[]) =>
  sql`r as (select * from jsonb_to_recordset(${JSON.stringify(ranges.map((x, i) => ({ i, first: x.first, last: x.last })))}::jsonb) as x(i int, first date, last date))`;

/** The non-working days that fall on weekdays, each once, in order, as a date array (for workingDays). */
export const holidayArray = (holidays: readonly string[]) => {
  const weekdays = [...new Set(holidays)]
    .filter((d) => {
      const day = new Date(`${d}T00:00:00Z`).getUTCDay();
      return day >= 1 && day <= 5;
    })
    .sort();
  return sql`${`{${weekdays.join(',')}}`}::date[]`;
};

/** One measure for each range, in the order given: one query. */
export async function measureFigures(
  db: Db,
  organisationId: string,
  measure: MeasureKey,
  ranges: readonly MeasureRange[],
  holidays: readonly string[],
): Promise<MeasureFigure[]> {
  if (!ranges.length) return [];
  const m: Measure = MEASURES[measure];
  // Distinct children only where the measure counts children: counting them sorts every row.
  const counted =
    m.counts === 'children'
      ? sql`count(distinct m.person_id)::int as n, (count(distinct m.person_id) filter (where m.num))::int as num`
      : sql`count(m.person_id)::int as n, (count(m.person_id) filter (where m.num))::int as num`;
  const rows = await rawRows<{ i: number; n: number; num: number }>(
    db,
    sql`with ${rangesCte(ranges)}, m as (${m.rows(organisationId, holidayArray(holidays))})
        select r.i, ${counted} from r left join m on m.i = r.i group by r.i order by r.i`,
  );
  return rows.map((row) => ({ count: Number(row.n), numerator: Number(row.num) }));
}

export interface MeasureChild {
  id: string;
  forename: string | null;
  surname: string | null;
  dateOfBirth: string | null;
  /** Events of this child counted (rows), and whether any is in the numerator. */
  events: number;
  inNumerator: boolean;
}

/**
 * The children behind one figure, those the actor may see only (their case
 * scope), audited as a list of children. At most `limit`.
 */
export async function measureChildren(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  measure: MeasureKey,
  range: MeasureRange,
  holidays: readonly string[],
  options: { numeratorOnly: boolean; limit?: number },
): Promise<MeasureChild[]> {
  const m: Measure = MEASURES[measure];
  const scope = scopeCondition(scopeFor(actor, ctx.at), range.last);
  const rows = await rawRows<{
    id: string;
    forename: string | null;
    surname: string | null;
    date_of_birth: string | null;
    events: number;
    num: boolean;
  }>(
    db,
    sql`with ${rangesCte([range])}, m as (${m.rows(actor.organisationId, holidayArray(holidays))})
        select p.id, p.forename, p.surname, p.date_of_birth::text, count(*)::int as events, bool_or(m.num) as num
        from m join case_people p on p.id = m.person_id and p.organisation_id = ${actor.organisationId}::uuid
        where ${scope}
        group by p.id having ${options.numeratorOnly} = false or bool_or(m.num)
        order by p.surname, p.forename, p.id limit ${options.limit ?? 500}`,
  );
  await recordAudit(db, ctx, {
    action: 'child.list',
    recordType: 'child',
    detail: `indicator ${measure} ${range.first} to ${range.last}: ${rows.length} children`,
  });
  return rows.map((r) => ({
    id: r.id,
    forename: r.forename,
    surname: r.surname,
    dateOfBirth: r.date_of_birth,
    events: Number(r.events),
    inNumerator: Boolean(r.num),
  }));
}
