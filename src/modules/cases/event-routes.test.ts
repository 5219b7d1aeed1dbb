/**
 * Recording, by form, the statutory events no SSD extract holds. Today is
 * Monday 16 November 2026.
 *
 * P1 (W1, Priya Ashdown, practitioner): looked after from Mon 26 Oct 2026, placed from 26 Oct.
 *   Care plan (regulation 4): 10 working days from 26 Oct -> due Mon 9 Nov.
 * P2 (W2, Noor Fairley, no account): looked after from 26 Oct too, no care plan recorded.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';
import { type Csv, extractFiles } from './fixtures';
import { importSettled, startSsdImport } from './service';

function extract(): Record<string, Csv> {
  return {
    'ssd_department.csv': [
      ['dept_team_id', 'dept_team_name'],
      ['DEPT-CHILDREN-IN-CARE', 'Children in Care Team'],
    ],
    'ssd_professionals.csv': [
      [
        'prof_professional_id',
        'prof_professional_name',
        'prof_professional_email',
        'prof_professional_job_title',
      ],
      ['W1', 'Priya Ashdown', 'practitioner@oakhaven.example', 'Social worker'],
      ['W2', 'Noor Fairley', '', 'Social worker'],
    ],
    'ssd_person.csv': [
      [
        'pers_person_id',
        'pers_forename',
        'pers_surname',
        'pers_sex',
        'pers_gender',
        'pers_ethnicity',
        'pers_dob',
      ],
      ['P1', 'Rowan', 'Ashgrove', 'F', '02', 'WBRI', '2014-05-01'],
      ['P2', 'Kit', 'Mallory', 'M', '01', 'WBRI', '2012-09-12'],
    ],
    'ssd_cin_episodes.csv': [
      [
        'cine_referral_id',
        'cine_person_id',
        'cine_referral_date',
        'cine_cin_primary_need_code',
        'cine_referral_team',
        'cine_referral_worker_id',
      ],
      ['R1', 'P1', '2026-10-26', 'N1', 'DEPT-CHILDREN-IN-CARE', 'W1'],
      ['R2', 'P2', '2026-10-26', 'N1', 'DEPT-CHILDREN-IN-CARE', 'W2'],
    ],
    'ssd_cla_episodes.csv': [
      [
        'clae_cla_episode_id',
        'clae_person_id',
        'clae_cla_id',
        'clae_referral_id',
        'clae_cla_episode_start_date',
        'clae_cla_episode_start_reason',
        'clae_cla_primary_need_code',
      ],
      ['E1', 'P1', 'LA1', 'R1', '2026-10-26', 'S', 'N1'],
      ['E2', 'P2', 'LA2', 'R2', '2026-10-26', 'S', 'N1'],
    ],
    'ssd_cla_placement.csv': [
      [
        'clap_cla_placement_id',
        'clap_person_id',
        'clap_cla_id',
        'clap_cla_placement_start_date',
        'clap_cla_placement_type',
      ],
      ['PL1', 'P1', 'LA1', '2026-10-26', 'U4'],
      ['PL2', 'P2', 'LA2', '2026-10-26', 'U4'],
    ],
    'ssd_involvements.csv': [
      [
        'invo_involvements_id',
        'invo_person_id',
        'invo_professional_id',
        'invo_professional_role_id',
        'invo_professional_team',
        'invo_involvement_start_date',
      ],
      ['IN1', 'P1', 'W1', 'Allocated social worker', 'DEPT-CHILDREN-IN-CARE', '2026-10-26'],
      ['IN2', 'P2', 'W2', 'Allocated social worker', 'DEPT-CHILDREN-IN-CARE', '2026-10-26'],
    ],
  };
}

let ctx: TestContext;
let rowan: string;
let kit: string;

async function importExtract(): Promise<void> {
  const actor = {
    userId: ctx.org.userIds.administrator,
    organisationId: ctx.org.organisationId,
    organisationName: ctx.org.organisationName,
    name: 'Admin',
    email: 'admin@oakhaven.example',
    role: 'administrator' as const,
    teamId: null,
    permissions: new Set<string>(),
  };
  const id = await startSsdImport(
    ctx.oversight.database.db,
    actor,
    { files: extractFiles(extract()), mode: 'full', concurrentProgress: false, clock: ctx.clock },
    {
      organisationId: ctx.org.organisationId,
      userId: actor.userId,
      ip: null,
      userAgent: null,
      requestId: null,
      at: ctx.clock.now(),
    },
  );
  const outcome = await importSettled(id);
  expect(outcome?.status, JSON.stringify(outcome?.errors?.slice(0, 3))).toBe('applied');
  await ctx.app.deps.background.idle();
}

const tasks = (ruleKey: string) =>
  rawRows<{ source_id: string; due: string; status: string; completed_on: string | null }>(
    ctx.oversight.database.db,
    sql`select p.source_id, t.due::text, t.status, t.completed_on::text from compliance_tasks t
          join case_people p on p.id = t.person_id where t.rule_key = ${ruleKey} order by p.source_id`,
  );
const recordAs = (agent: Awaited<ReturnType<typeof signedIn>>, personId: string, type: string, on: string) =>
  agent.post(`/children/${personId}/events`, { type, ...date(on) });
const date = (d: string) => {
  const [year, month, day] = d.split('-');
  return { 'date-day': day!, 'date-month': month!, 'date-year': year! };
};

beforeAll(async () => {
  ctx = await startTestApp();
  await importExtract();
  const people = await rawRows<{ id: string; source_id: string }>(
    ctx.oversight.database.db,
    sql`select id, source_id from case_people where organisation_id = ${ctx.org.organisationId}`,
  );
  rowan = people.find((p) => p.source_id === 'P1')!.id;
  kit = people.find((p) => p.source_id === 'P2')!.id;
});
afterAll(async () => ctx.close());

describe('recording an event no extract holds', () => {
  it('lists the care plan rule as No data yet while nothing is recorded, and computes no task', async () => {
    expect(await tasks('care-plan')).toEqual([]);
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const rule = await priya.get('/timescales/rules/care-plan');
    expect(rule.body).toContain('No data yet');
    expect(rule.body).toContain('Record an event');
  });

  it('offers a link from the child’s statutory tasks to a form that works without JavaScript', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const page = await priya.get(`/children/${rowan}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/children/${rowan}/events/new"`);
    const form = await priya.get(`/children/${rowan}/events/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Care plan prepared');
    expect(form.body).toContain('Placement plan agreed');
    expect(form.body).toMatch(/<form method="post" action="\/children\/[^"]+\/events\?back=/);
    expect(form.body).toContain('name="_csrf"');
  });

  it('says what is wrong: an unknown event, a date in the future, a date before the period of care', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const unknown = await priya.post(`/children/${rowan}/events`, {
      type: 'tea_party',
      ...date('2026-11-02'),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('govuk-error-summary');
    expect(unknown.body).toContain('Select what happened');
    const future = await priya.post(`/children/${rowan}/events`, {
      type: 'care_plan',
      ...date('2026-11-17'),
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date must be today or in the past');
    const before = await priya.post(`/children/${rowan}/events`, {
      type: 'care_plan',
      ...date('2026-10-25'),
    });
    expect(before.statusCode).toBe(400);
    expect(before.body).toContain(
      'The date must be on or after the period of care started (26 October 2026)',
    );
    const [{ n }] = (await rawRows<{ n: number }>(
      ctx.oversight.database.db,
      sql`select count(*)::int as n from case_recorded_events`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('refuses a committee member and an independent auditor, and answers 404 for another organisation', async () => {
    for (const role of ['committee_member', 'independent_auditor'] as const) {
      const user = await signedIn(ctx, emailOf(ctx.org, role));
      expect((await user.get(`/children/${rowan}/events/new`)).statusCode, role).toBe(403);
      expect(
        (await user.post(`/children/${rowan}/events`, { type: 'care_plan', ...date('2026-11-02') }))
          .statusCode,
        role,
      ).toBe(403);
    }
    const westbrook = await signedIn(ctx, emailOf(ctx.other, 'practitioner'));
    expect((await westbrook.get(`/children/${rowan}/events/new`)).statusCode).toBe(404);
    expect(
      (await westbrook.post(`/children/${rowan}/events`, { type: 'care_plan', ...date('2026-11-02') }))
        .statusCode,
    ).toBe(404);
    // Priya does not hold Kit's case.
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await priya.get(`/children/${kit}/events/new`)).statusCode).toBe(404);
  });

  it('records the care plan, shows the task done at once and switches the rule on for every child', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    // Opening the form reads the child: it is in the access audit.
    expect((await priya.get(`/children/${rowan}/events/new`)).statusCode).toBe(200);
    const opened = await rawRows<{ user_id: string }>(
      ctx.oversight.database.db,
      sql`select user_id from access_audit where action = 'child.event.form' and record_id = ${rowan}`,
    );
    expect(opened.map((r) => r.user_id)).toContain(ctx.org.userIds.practitioner);
    const res = await priya.post(`/children/${rowan}/events?back=/children/${rowan}`, {
      type: 'care_plan',
      ...date('2026-11-02'),
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/children/${rowan}`);
    // The child's own task is done before the next page.
    expect((await tasks('care-plan')).filter((t) => t.source_id === 'P1')).toEqual([
      { source_id: 'P1', due: '2026-11-09', status: 'done', completed_on: '2026-11-02' },
    ]);
    const page = await priya.get(`/children/${rowan}`);
    expect(page.body).toContain('Event recorded');
    // The other children follow in the background: Kit has no care plan, so his is overdue.
    await ctx.app.deps.background.idle();
    expect(await tasks('care-plan')).toEqual([
      { source_id: 'P1', due: '2026-11-09', status: 'done', completed_on: '2026-11-02' },
      { source_id: 'P2', due: '2026-11-09', status: 'overdue', completed_on: null },
    ]);
    const audit = await rawRows<{ action: string; user_id: string; detail: string }>(
      ctx.oversight.database.db,
      sql`select action, user_id, detail from access_audit where action = 'child.event.record' and record_id = ${rowan}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.user_id).toBe(ctx.org.userIds.practitioner);
    expect(audit[0]!.detail).toMatch(/^care_plan on 2026-11-02 \(OVS-/);
  });

  it('lists the rule as in use here, and still No data yet for an organisation that records nothing', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const here = await priya.get('/timescales/rules/care-plan');
    expect(here.body).toContain('Recorded by form');
    expect(here.body).not.toContain('No data yet');
    const westbrook = await signedIn(ctx, emailOf(ctx.other, 'practitioner'));
    const there = await westbrook.get('/timescales/rules/care-plan');
    expect(there.body).toContain('No data yet');
  });

  it('keeps a recorded event when the next full extract arrives without it', async () => {
    await importExtract();
    expect((await tasks('care-plan')).filter((t) => t.source_id === 'P1')).toEqual([
      { source_id: 'P1', due: '2026-11-09', status: 'done', completed_on: '2026-11-02' },
    ]);
  });

  it('links a task whose event is recorded by form to the form, preselected', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const page = await manager.get(`/children/${kit}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      `href="/children/${kit}/events/new?type=care_plan&amp;back=/children/${kit}"`,
    );
    const form = await manager.get(`/children/${kit}/events/new?type=care_plan&back=/children/${kit}`);
    expect(form.body).toMatch(/value="care_plan" checked/);
  });

  it('links the task from My tasks to the form, and back', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    // No placement plan is recorded anywhere yet, so there is no placement plan task to link.
    expect((await priya.get('/tasks')).body).not.toContain('/events/new');
    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    expect((await recordAs(manager, kit, 'placement_plan', '2026-10-28')).statusCode).toBe(302);
    await ctx.app.deps.background.idle();
    const mine = await priya.get('/tasks');
    expect(mine.body).toContain(`href="/children/${rowan}/events/new?type=placement_plan&amp;back=/tasks"`);
    expect(mine.body).toContain('Record event<span class="govuk-visually-hidden"> for Rowan Ashgrove');
  });

  it('goes back only to its own pages', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const res = await priya.post(`/children/${rowan}/events?back=//evil.example/x`, {
      type: 'sdq',
      ...date('2026-11-10'),
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/children/${rowan}`);
  });

  it('records a placement plan against the open placement, and refuses one dated before the placement', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const early = await priya.post(`/children/${rowan}/events`, {
      type: 'placement_plan',
      ...date('2026-10-20'),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('on or after the placement started (26 October 2026)');
    const res = await priya.post(`/children/${rowan}/events`, {
      type: 'placement_plan',
      ...date('2026-10-30'),
    });
    expect(res.statusCode).toBe(302);
    // 5 working days from Mon 26 Oct: Mon 2 Nov.
    expect((await tasks('placement-plan')).filter((t) => t.source_id === 'P1')).toEqual([
      { source_id: 'P1', due: '2026-11-02', status: 'done', completed_on: '2026-10-30' },
    ]);
    const [row] = await rawRows<{ episode_source_id: string; recorded_by: string; source_id: string }>(
      ctx.oversight.database.db,
      sql`select episode_source_id, recorded_by, source_id from case_recorded_events where event_type = 'placement_plan' and person_id = ${rowan}`,
    );
    expect(row).toMatchObject({ episode_source_id: 'PL1', recorded_by: ctx.org.userIds.practitioner });
    expect(row!.source_id).toMatch(/^OVS-/);
  });

  it('keeps what was recorded: the table refuses changes and removals', async () => {
    const db = ctx.oversight.database.db;
    for (const statement of [
      sql`update case_recorded_events set event_date = '2026-11-01'`,
      sql`delete from case_recorded_events`,
    ]) {
      const error = (await db.execute(statement).then(
        () => undefined,
        (e: unknown) => e,
      )) as { message?: string; cause?: { message?: string } } | undefined;
      expect(`${error?.message} ${error?.cause?.message}`).toMatch(/case_recorded_events is append-only/);
    }
  });
});
