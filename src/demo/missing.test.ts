import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/helpers/app';
import { childDemographics } from '../modules/cases/service';
import { keyDataCme } from '../modules/missing/cme-service';
import { CME_KEY, keyDataFor } from '../modules/missing/key-data';
import { followUps, keyDataEpisodes } from '../modules/missing/overview';
import { rawRows } from '../platform/db/client';
import { loadCaseDemo } from './cases';
import { missingDemo } from './missing';
import { missingEducationDemo } from './missing-education';
import { lastQuarters } from './missing-history';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
  await loadCaseDemo(ctx.oversight, ctx.org, 'small');
  await missingDemo(ctx.oversight, ctx.org, 'small');
  await missingEducationDemo(ctx.oversight, ctx.org, 'small');
});
afterAll(async () => ctx.close());

describe('the missing demo', () => {
  it('records four episodes on the practitioner’s looked-after children: one from the extract, one open, two back', async () => {
    const rows = await rawRows<{ ssd: string | null; ended: boolean; type: string }>(
      ctx.oversight.database.db,
      sql`select ssd_source_id as ssd, end_at is not null as ended, type from missing_episodes
          where organisation_id = ${ctx.org.organisationId} and recorded_by = ${ctx.org.userIds.practitioner}
          order by start_at`,
    );
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.ssd)).toHaveLength(1);
    expect(rows.filter((r) => !r.ended && !r.ssd)).toHaveLength(1);
    const interviews = await rawRows<{ response: string }>(
      ctx.oversight.database.db,
      sql`select i.response from missing_return_interviews i join missing_episodes e on e.id = i.episode_id
          where i.organisation_id = ${ctx.org.organisationId} and e.recorded_by = ${ctx.org.userIds.practitioner}
          order by i.response`,
    );
    expect(interviews.map((i) => i.response)).toEqual(['accepted', 'declined']);
    const [risk] = await rawRows<{ assessments: number; plans: number }>(
      ctx.oversight.database.db,
      sql`select (select count(*)::int from missing_risk_assessments where organisation_id = ${ctx.org.organisationId}) as assessments,
                 (select count(*)::int from missing_trigger_plans where organisation_id = ${ctx.org.organisationId}) as plans`,
    );
    expect(risk).toEqual({ assessments: 1, plans: 1 });
  });

  it('has two years of closed episodes on other looked-after children: every one of the last eight quarters', async () => {
    const db = ctx.oversight.database.db;
    const history = await rawRows<{ person_id: string; ended: boolean; response: string | null }>(
      db,
      sql`select e.person_id, e.end_at is not null as ended,
                 (select i.response from missing_return_interviews i where i.episode_id = e.id order by i.id desc limit 1) as response
          from missing_episodes e
          where e.organisation_id = ${ctx.org.organisationId} and e.recorded_by = ${ctx.org.userIds.service_manager}`,
    );
    // A handful a quarter: 3 to 5 in each of eight quarters.
    expect(history.length).toBeGreaterThanOrEqual(20);
    expect(history.length).toBeLessThanOrEqual(40);
    expect(history.every((h) => h.ended)).toBe(true);
    const declined = history.filter((h) => h.response === 'declined').length;
    expect(declined).toBeGreaterThan(0);
    expect(declined).toBeLessThan(history.length / 3);
    // None of the practitioner's children: her four episodes stay as the journeys expect.
    const hers = await rawRows<{ person_id: string }>(
      db,
      sql`select person_id from missing_episodes where recorded_by = ${ctx.org.userIds.practitioner}`,
    );
    expect(history.some((h) => hers.some((p) => p.person_id === h.person_id))).toBe(false);
    // Mostly older unaccompanied young people.
    const who = await childDemographics(db, ctx.org.organisationId, [
      ...new Set(history.map((h) => h.person_id)),
    ]);
    const uasc = history.filter((h) => who.get(h.person_id)?.uasc).length;
    expect(uasc / history.length).toBeGreaterThan(0.5);

    // The key data table: looked-after children went missing in each of the last eight quarters, and interviews were offered.
    const episodes = await keyDataEpisodes(db, ctx.org.organisationId, ctx.clock.now());
    const quarters = lastQuarters('2026-11-16', 8);
    expect(quarters.map((q) => q.label)).toEqual([
      '2024-25 Q4',
      '2025-26 Q1',
      '2025-26 Q2',
      '2025-26 Q3',
      '2025-26 Q4',
      '2026-27 Q1',
      '2026-27 Q2',
      '2026-27 Q3',
    ]);
    for (const q of quarters) {
      const figures = keyDataFor(episodes, q);
      expect(figures.lacWentMissing, q.label).toBeGreaterThanOrEqual(2);
      expect(figures.interviewsOffered, q.label).toBeGreaterThan(0);
    }
  });

  it('adds nothing to anyone’s overdue list: every clock of the history is done', async () => {
    const senior = {
      userId: ctx.org.userIds.senior_leader,
      organisationId: ctx.org.organisationId,
      organisationName: ctx.org.organisationName,
      name: 'Senior',
      email: 'senior@oakhaven.example',
      role: 'senior_leader' as const,
      teamId: null,
      permissions: new Set(['cases.read']),
    };
    const [history] = await rawRows<{ ids: string[] }>(
      ctx.oversight.database.db,
      sql`select coalesce(array_agg(id::text), '{}') as ids from missing_episodes where recorded_by = ${ctx.org.userIds.service_manager}`,
    );
    const overdue = await followUps(ctx.oversight.database.db, senior, ctx.clock.now(), 'overdue');
    expect(overdue.filter((s) => s.id && history!.ids.includes(s.id))).toEqual([]);
  });

  it('shows the episode taken up from the extract once, not twice', async () => {
    const [linked] = await rawRows<{ person_id: string; ssd_source_id: string }>(
      ctx.oversight.database.db,
      sql`select person_id, ssd_source_id from missing_episodes where ssd_source_id is not null`,
    );
    const senior = {
      userId: ctx.org.userIds.senior_leader,
      organisationId: ctx.org.organisationId,
      organisationName: ctx.org.organisationName,
      name: 'Senior',
      email: 'senior@oakhaven.example',
      role: 'senior_leader' as const,
      teamId: null,
      permissions: new Set(['cases.read']),
    };
    const all = await followUps(ctx.oversight.database.db, senior, ctx.clock.now(), 'all');
    const same = all.filter((s) => s.merged.imported?.sourceId === linked!.ssd_source_id);
    expect(same).toHaveLength(1);
    expect(same[0]?.merged.recorded).not.toBeNull();
  });

  it('records three children missing education: one with checks overdue, one just reported, one closed', async () => {
    const rows = await rawRows<{
      outcome: string | null;
      closed: boolean;
      overdue: boolean;
      enquiries: number;
    }>(
      ctx.oversight.database.db,
      sql`select c.outcome, c.closed_on is not null as closed, coalesce(c.next_due_on < '2026-11-16', false) as overdue,
                 (select count(*)::int from missing_cme_enquiries e where e.case_id = c.id) as enquiries
          from missing_cme_cases c where c.organisation_id = ${ctx.org.organisationId}
            and c.recorded_by = ${ctx.org.userIds.practitioner} order by c.first_absent_on`,
    );
    expect(rows).toEqual([
      { outcome: 'elective_home_education', closed: true, overdue: false, enquiries: 0 },
      { outcome: null, closed: false, overdue: true, enquiries: 1 },
      { outcome: null, closed: false, overdue: false, enquiries: 0 },
    ]);
    const lists = await rawRows<{ list: string }>(
      ctx.oversight.database.db,
      sql`select list from missing_education_list_entries where organisation_id = ${ctx.org.organisationId} and to_on is null order by list`,
    );
    expect(lists.map((l) => l.list)).toEqual(['attendance', 'ehe']);
  });

  it('has two years of closed cases of children missing education: every one of the last eight quarters', async () => {
    const db = ctx.oversight.database.db;
    const history = await rawRows<{
      person_id: string;
      reported_on: string;
      closed_on: string | null;
      outcome: string | null;
      next_due_on: string | null;
      off_roll_on: string | null;
      records_transferred_on: string | null;
    }>(
      db,
      sql`select person_id, reported_on::text, closed_on::text, outcome, next_due_on::text, off_roll_on::text,
                 records_transferred_on::text
          from missing_cme_cases where organisation_id = ${ctx.org.organisationId}
            and recorded_by = ${ctx.org.userIds.service_manager}`,
    );
    // A handful a quarter: 3 to 5 in each of eight quarters.
    expect(history.length).toBeGreaterThanOrEqual(20);
    expect(history.length).toBeLessThanOrEqual(40);
    // All closed, by today, with an outcome and every clock done: nothing falls due or overdue.
    for (const h of history) {
      expect(h.closed_on).not.toBeNull();
      expect(h.closed_on! <= '2026-11-16').toBe(true);
      expect(h.outcome).not.toBeNull();
      expect(h.next_due_on).toBeNull();
      if (h.off_roll_on) expect(h.records_transferred_on).not.toBeNull();
    }
    // Mostly back at school, with the other outcomes now and then.
    const outcomes = new Set(history.map((h) => h.outcome));
    expect(outcomes.has('found_in_school')).toBe(true);
    expect(outcomes.size).toBeGreaterThanOrEqual(3);
    expect(history.filter((h) => h.outcome === 'found_in_school').length).toBeGreaterThan(history.length / 4);
    // None of the practitioner's children: her register stays as the journeys expect.
    const hers = await rawRows<{ person_id: string }>(
      db,
      sql`select person_id from missing_cme_cases where recorded_by = ${ctx.org.userIds.practitioner}`,
    );
    expect(history.some((h) => hers.some((p) => p.person_id === h.person_id))).toBe(false);
    // Of compulsory school age on the day they were reported.
    const who = await childDemographics(db, ctx.org.organisationId, [
      ...new Set(history.map((h) => h.person_id)),
    ]);
    for (const h of history) {
      const dob = who.get(h.person_id)?.dateOfBirth;
      expect(dob).toBeTruthy();
      expect(dob! <= `${Number(h.reported_on.slice(0, 4)) - 5}${h.reported_on.slice(4)}`).toBe(true);
      expect(dob! > `${Number(h.reported_on.slice(0, 4)) - 17}${h.reported_on.slice(4)}`).toBe(true);
    }

    // The key data table: children missing education in each of the last eight quarters.
    const cme = await keyDataCme(db, ctx.org.organisationId);
    for (const q of lastQuarters('2026-11-16', 8))
      expect(keyDataFor([], q, cme)[CME_KEY], q.label).toBeGreaterThanOrEqual(2);
  });
});
