/**
 * Withdrawing a wrongly recorded event, setting a placement's visiting kind,
 * and the private fostering register, through the pages. Today is Monday 16
 * November 2026.
 *
 * P1 Rowan (W1, Priya, practitioner): looked after from Mon 26 Oct 2026, placement PL1 (U4).
 * P2 Kit (W2, no account): looked after from 26 Oct, placed with parents (P1) under a full
 *   care order (C2): regulation 28(5), first visit due Mon 2 Nov.
 * P3 Sky (W1): no open case; privately fostered, recorded here.
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
      ['P3', 'Sky', 'Brennan', 'F', '02', 'WBRI', '2011-02-03'],
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
      ['PL2', 'P2', 'LA2', '2026-10-26', 'P1'],
    ],
    'ssd_legal_status.csv': [
      ['lega_legal_status_id', 'lega_person_id', 'lega_legal_status', 'lega_legal_status_start_date'],
      ['LS2', 'P2', 'C2', '2026-10-20'],
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
      ['IN3', 'P3', 'W1', 'Allocated social worker', 'DEPT-CHILDREN-IN-CARE', '2026-10-26'],
    ],
  };
}

let ctx: TestContext;
let rowan: string;
let kit: string;
let sky: string;

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
          join case_people p on p.id = t.person_id where t.rule_key = ${ruleKey} order by p.source_id, t.due`,
  );
const audits = (action: string, personId: string) =>
  rawRows<{ user_id: string; detail: string | null }>(
    ctx.oversight.database.db,
    sql`select user_id, detail from access_audit where action = ${action} and record_id = ${personId}`,
  );
const date = (name: string, d: string) => {
  const [year, month, day] = d.split('-');
  return { [`${name}-day`]: day!, [`${name}-month`]: month!, [`${name}-year`]: year! };
};
const recordedId = async (personId: string, type: string) =>
  (
    await rawRows<{ id: string }>(
      ctx.oversight.database.db,
      sql`select id from case_recorded_events where person_id = ${personId} and event_type = ${type}`,
    )
  )[0]!.id;

beforeAll(async () => {
  ctx = await startTestApp();
  await importExtract();
  const people = await rawRows<{ id: string; source_id: string }>(
    ctx.oversight.database.db,
    sql`select id, source_id from case_people where organisation_id = ${ctx.org.organisationId}`,
  );
  rowan = people.find((p) => p.source_id === 'P1')!.id;
  kit = people.find((p) => p.source_id === 'P2')!.id;
  sky = people.find((p) => p.source_id === 'P3')!.id;
});
afterAll(async () => ctx.close());

describe('withdrawing a wrongly recorded event', () => {
  it('is offered to the recorder’s team manager, not to the practitioner who recorded it', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    expect(
      (await priya.post(`/children/${rowan}/events`, { type: 'care_plan', ...date('date', '2026-11-02') }))
        .statusCode,
    ).toBe(302);
    expect(
      (await manager.post(`/children/${kit}/events`, { type: 'care_plan', ...date('date', '2026-10-30') }))
        .statusCode,
    ).toBe(302);
    await ctx.app.deps.background.idle();
    expect(await tasks('care-plan')).toEqual([
      { source_id: 'P1', due: '2026-11-09', status: 'done', completed_on: '2026-11-02' },
      { source_id: 'P2', due: '2026-11-09', status: 'done', completed_on: '2026-10-30' },
    ]);
    const eventId = await recordedId(rowan, 'care_plan');
    const own = await priya.get(`/children/${rowan}/events/new`);
    expect(own.body).toContain('Events recorded in Oversight');
    expect(own.body).not.toContain(`/events/${eventId}/withdraw`);
    expect((await priya.get(`/children/${rowan}/events/${eventId}/withdraw`)).statusCode).toBe(403);
    const page = await manager.get(`/children/${rowan}/events/new`);
    expect(page.body).toContain(`href="/children/${rowan}/events/${eventId}/withdraw"`);
  });

  it('is refused to a team manager when the recorder is in another team', async () => {
    const db = ctx.oversight.database.db;
    const setTeam = (team: string) =>
      db.execute(
        sql`update users set team_id = ${ctx.org.teamIds[team]!} where id = ${ctx.org.userIds.practitioner}`,
      );
    await setTeam('quality');
    try {
      const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
      const eventId = await recordedId(rowan, 'care_plan');
      expect((await manager.get(`/children/${rowan}/events/new`)).body).not.toContain(
        `/events/${eventId}/withdraw`,
      );
      expect((await manager.get(`/children/${rowan}/events/${eventId}/withdraw`)).statusCode).toBe(403);
      expect(
        (await manager.post(`/children/${rowan}/events/${eventId}/withdraw`, { reason: 'Wrong' })).statusCode,
      ).toBe(403);
    } finally {
      await setTeam('children-in-care');
    }
  });

  it('asks why, then withdraws it: the task is undone, the row kept, the chronology and audit say who and why', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const eventId = await recordedId(rowan, 'care_plan');
    const form = await manager.get(`/children/${rowan}/events/${eventId}/withdraw`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="_csrf"');
    expect((await audits('child.event.withdraw.form', rowan)).map((a) => a.user_id)).toEqual([
      ctx.org.userIds.team_manager,
    ]);
    const blank = await manager.post(`/children/${rowan}/events/${eventId}/withdraw`, { reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('govuk-error-summary');
    expect(blank.body).toContain('Enter why the event is being withdrawn');
    const res = await manager.post(`/children/${rowan}/events/${eventId}/withdraw`, {
      reason: 'Recorded for the wrong child',
    });
    expect(res.statusCode).toBe(302);
    // 10 working days from Mon 26 Oct: due Mon 9 Nov, now overdue; Kit's stays done.
    expect(await tasks('care-plan')).toEqual([
      { source_id: 'P1', due: '2026-11-09', status: 'overdue', completed_on: null },
      { source_id: 'P2', due: '2026-11-09', status: 'done', completed_on: '2026-10-30' },
    ]);
    const [row] = await rawRows<{ n: number }>(
      ctx.oversight.database.db,
      sql`select count(*)::int as n from case_recorded_events where id = ${eventId}`,
    );
    expect(row!.n).toBe(1);
    const audit = await audits('child.event.withdraw', rowan);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.user_id).toBe(ctx.org.userIds.team_manager);
    expect(audit[0]!.detail).toMatch(/^care_plan on 2026-11-02 \(OVS-/);
    const list = await manager.get(`/children/${rowan}/events/new`);
    expect(list.body).toContain('Withdrawn');
    expect(list.body).toContain('Recorded for the wrong child');
    const chronology = await manager.get(`/children/${rowan}/chronology`);
    expect(chronology.body).toContain('Care plan prepared (withdrawn)');
    expect(chronology.body).toContain('Recorded event withdrawn: Care plan prepared of 2026-11-02');
    expect(chronology.body).toContain('Reason: Recorded for the wrong child');
  });

  it('cannot withdraw twice, nor for another organisation; the withdrawals are append-only', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'team_manager'));
    const eventId = await recordedId(rowan, 'care_plan');
    const again = await manager.post(`/children/${rowan}/events/${eventId}/withdraw`, { reason: 'Again' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already been withdrawn');
    const westbrook = await signedIn(ctx, emailOf(ctx.other, 'team_manager'));
    expect((await westbrook.get(`/children/${rowan}/events/${eventId}/withdraw`)).statusCode).toBe(404);
    expect(
      (await westbrook.post(`/children/${rowan}/events/${eventId}/withdraw`, { reason: 'x' })).statusCode,
    ).toBe(404);
    for (const statement of [
      sql`update case_recorded_event_withdrawals set reason = 'changed'`,
      sql`delete from case_recorded_event_withdrawals`,
    ]) {
      const error = (await ctx.oversight.database.db.execute(statement).then(
        () => undefined,
        (e: unknown) => e,
      )) as { message?: string; cause?: { message?: string } } | undefined;
      expect(`${error?.message} ${error?.cause?.message}`).toMatch(/append-only/);
    }
  });

  it('withdrawing the organisation’s last event of a kind puts its rule back to No data yet for everyone', async () => {
    const service = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const eventId = await recordedId(kit, 'care_plan');
    const res = await service.post(`/children/${kit}/events/${eventId}/withdraw`, {
      reason: 'Never happened',
    });
    expect(res.statusCode).toBe(302);
    await ctx.app.deps.background.idle();
    expect(await tasks('care-plan')).toEqual([]);
  });
});

describe('a placement’s visiting kind', () => {
  it('reads placed with parents under a care order from the extract: 1 week, then 6-weekly', async () => {
    // Kit placed Mon 26 Oct 2026 with parents (P1) under a care order (C2): first visit due Mon 2 Nov.
    expect(await tasks('visit-care-order-home')).toEqual([
      { source_id: 'P2', due: '2026-11-02', status: 'overdue', completed_on: null },
    ]);
    expect((await tasks('cla-visit')).map((t) => t.source_id)).toEqual(['P1']);
  });

  it('is set by hand where the extract cannot say, and the visits follow at once', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const page = await priya.get(`/children/${rowan}/placements`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The extract’s codes');
    const bad = await priya.post(`/children/${rowan}/placements/kind`, { kind: 'castle' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select a placement');
    expect(bad.body).toContain('Select the kind of placement');
    expect(bad.body).toContain('Select yes if the placement is intended to last until 18');
    // Kit's placement is not Rowan's.
    expect(
      (
        await priya.post(`/children/${rowan}/placements/kind`, {
          placement: 'PL2',
          kind: 'ordinary',
          longTerm: 'no',
        })
      ).statusCode,
    ).toBe(404);
    const res = await priya.post(`/children/${rowan}/placements/kind`, {
      placement: 'PL1',
      kind: 'parent_before_assessment',
      longTerm: 'no',
    });
    expect(res.statusCode).toBe(302);
    // Weekly from Mon 26 Oct: first visit due Mon 2 Nov, overdue; the ordinary rule no longer applies.
    expect(await tasks('visit-parent-before-assessment')).toEqual([
      { source_id: 'P1', due: '2026-11-02', status: 'overdue', completed_on: null },
    ]);
    expect(await tasks('cla-visit')).toEqual([]);
    expect((await priya.get(`/children/${rowan}/placements`)).body).toContain('Set by');
    expect((await audits('child.placement.kind', rowan))[0]!.detail).toBe('PL1: parent_before_assessment');
  });

  it('refuses people who may not set it', async () => {
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.get(`/children/${rowan}/placements`)).statusCode).toBe(403);
    expect(
      (
        await member.post(`/children/${rowan}/placements/kind`, {
          placement: 'PL1',
          kind: 'ordinary',
          longTerm: 'no',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the private fostering register', () => {
  it('says what is wrong with an arrangement, and records nothing', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const page = await priya.get(`/children/${sky}/private-fostering`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No private fostering arrangement is recorded');
    const res = await priya.post(`/children/${sky}/private-fostering`, {
      carerName: '',
      ...date('startDate', '2026-11-01'),
      ...date('endDate', '2026-10-01'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('Enter the name of the private foster carer');
    expect(res.body).toContain('Enter the date the council was told');
  });

  it('records an arrangement: the child’s case opens and the first visit is due 7 days from notification', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const res = await priya.post(`/children/${sky}/private-fostering`, {
      carerName: 'Ada Linwood',
      carerRelationship: 'Family friend',
      ...date('notificationDate', '2026-11-02'),
      ...date('startDate', '2026-11-01'),
    });
    expect(res.statusCode).toBe(302);
    await ctx.app.deps.background.idle();
    // Notified Mon 2 Nov (after the start on 1 Nov): visit due Mon 9 Nov, overdue.
    expect(await tasks('private-fostering-visit')).toEqual([
      { source_id: 'P3', due: '2026-11-09', status: 'overdue', completed_on: null },
    ]);
    const [person] = await rawRows<{ open_case: boolean; service_level: string }>(
      ctx.oversight.database.db,
      sql`select open_case, service_level from case_people where id = ${sky}`,
    );
    expect(person).toEqual({ open_case: true, service_level: 'private_fostering' });
    expect((await audits('child.private-fostering.record', sky))[0]!.user_id).toBe(
      ctx.org.userIds.practitioner,
    );
  });

  it('records a visit against the arrangement: done, and the next due 6 weeks later', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const list = await priya.get(`/children/${sky}/private-fostering`);
    expect(list.body).toContain('Ada Linwood (Family friend)');
    expect(list.body).toContain('/events/new?type=private_fostering_visit');
    const early = await priya.post(`/children/${sky}/events`, {
      type: 'private_fostering_visit',
      ...date('date', '2026-10-20'),
    });
    expect(early.statusCode).toBe(400);
    const res = await priya.post(`/children/${sky}/events`, {
      type: 'private_fostering_visit',
      ...date('date', '2026-11-05'),
    });
    expect(res.statusCode).toBe(302);
    // Visited Thu 5 Nov: next due Thu 17 Dec.
    expect(await tasks('private-fostering-visit')).toEqual([
      { source_id: 'P3', due: '2026-11-09', status: 'done', completed_on: '2026-11-05' },
      { source_id: 'P3', due: '2026-12-17', status: 'upcoming', completed_on: null },
    ]);
    const chronology = await priya.get(`/children/${sky}/chronology`);
    expect(chronology.body).toContain('Private fostering arrangement notified');
    expect(chronology.body).toContain('Private fostering visit');
  });

  it('ends the arrangement: no more visits are owed and the case closes', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const [a] = await rawRows<{ id: string }>(
      ctx.oversight.database.db,
      sql`select id from private_fostering_arrangements where person_id = ${sky}`,
    );
    const form = await priya.get(`/children/${sky}/private-fostering/${a!.id}/edit`);
    expect(form.body).toContain('value="Ada Linwood"');
    const res = await priya.post(`/children/${sky}/private-fostering/${a!.id}`, {
      carerName: 'Ada Linwood',
      carerRelationship: 'Family friend',
      ...date('notificationDate', '2026-11-02'),
      ...date('startDate', '2026-11-01'),
      ...date('assessmentDate', '2026-11-06'),
      ...date('endDate', '2026-11-13'),
    });
    expect(res.statusCode).toBe(302);
    expect(await tasks('private-fostering-visit')).toEqual([
      { source_id: 'P3', due: '2026-11-09', status: 'done', completed_on: '2026-11-05' },
    ]);
    const [person] = await rawRows<{ open_case: boolean }>(
      ctx.oversight.database.db,
      sql`select open_case from case_people where id = ${sky}`,
    );
    expect(person!.open_case).toBe(false);
    const westbrook = await signedIn(ctx, emailOf(ctx.other, 'practitioner'));
    expect((await westbrook.get(`/children/${sky}/private-fostering`)).statusCode).toBe(404);
    expect((await westbrook.get(`/children/${sky}/private-fostering/${a!.id}/edit`)).statusCode).toBe(404);
  });
});
