import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/helpers/app';
import { followUps } from '../modules/missing/overview';
import { rawRows } from '../platform/db/client';
import { loadCaseDemo } from './cases';
import { missingDemo } from './missing';
import { missingEducationDemo } from './missing-education';

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
          where organisation_id = ${ctx.org.organisationId} order by start_at`,
    );
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.ssd)).toHaveLength(1);
    expect(rows.filter((r) => !r.ended && !r.ssd)).toHaveLength(1);
    const interviews = await rawRows<{ response: string }>(
      ctx.oversight.database.db,
      sql`select response from missing_return_interviews where organisation_id = ${ctx.org.organisationId} order by response`,
    );
    expect(interviews.map((i) => i.response)).toEqual(['accepted', 'declined']);
    const [risk] = await rawRows<{ assessments: number; plans: number }>(
      ctx.oversight.database.db,
      sql`select (select count(*)::int from missing_risk_assessments where organisation_id = ${ctx.org.organisationId}) as assessments,
                 (select count(*)::int from missing_trigger_plans where organisation_id = ${ctx.org.organisationId}) as plans`,
    );
    expect(risk).toEqual({ assessments: 1, plans: 1 });
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
          from missing_cme_cases c where c.organisation_id = ${ctx.org.organisationId} order by c.first_absent_on`,
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
});
