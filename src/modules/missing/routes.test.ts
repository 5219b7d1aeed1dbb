/**
 * Missing episodes end to end. Today is Monday 16 November 2026, 09:00 (GMT).
 *
 * P1 Rowan Ashgrove (born 1 May 2014, so 12: high risk at once), looked after
 * from 26 October 2026, allocated to W1 (the demo practitioner). The extract
 * says Rowan went missing on Saturday 14 November (MIS-2, no end yet).
 * P2 Kit Mallory (W2, no account): away from placement 10-11 November (MIS-1).
 *
 * Rowan's episode recorded from 22:15 on Saturday 14 November:
 *   police told due 02:15 Sunday 15 -> told at 23:00 Saturday: done;
 *   first strategy meeting: first working day after Saturday is Monday 16,
 *     by the end of it (before 72 hours, Tuesday 22:15) -> due soon at 09:00 Monday;
 *   AD told by the end of Tuesday 17; lead member by the end of Saturday 21.
 * Returned Sunday 15 at 18:00 -> social worker contact due Monday 16 at 18:00,
 *   interview offer due Wednesday 18 at 18:00 (the AD, lead member and the
 *   meeting were not yet due when Rowan came back: not due).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';
import type { Csv } from '../cases/fixtures';
import { keyDataTableForReport } from './service';
import { importExtractAsAdministrator, SSD_MISSING_HEADER } from './test-fixture';

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
    'ssd_missing.csv': [
      SSD_MISSING_HEADER,
      ['MIS-1', 'P2', '2026-11-10', '2026-11-11', 'A', 'Y', 'N'],
      ['MIS-2', 'P1', '2026-11-14', '', 'M', '', ''],
    ],
  };
}
let ctx: TestContext;
let rowan: string;
let kit: string;

const when = (name: string, date: string, time?: string) => {
  const [year, month, day] = date.split('-');
  return {
    [`${name}-day`]: day!,
    [`${name}-month`]: month!,
    [`${name}-year`]: year!,
    ...(time === undefined ? {} : { [`${name}-time`]: time }),
  };
};
const audit = (action: string) =>
  rawRows<{ record_id: string | null; detail: string | null }>(
    ctx.oversight.database.db,
    sql`select record_id, detail from access_audit where action = ${action} order by at, id`,
  );
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  ctx = await startTestApp();
  await importExtractAsAdministrator(ctx, extract());
  const people = await rawRows<{ id: string; source_id: string }>(
    ctx.oversight.database.db,
    sql`select id, source_id from case_people where organisation_id = ${ctx.org.organisationId}`,
  );
  rowan = people.find((p) => p.source_id === 'P1')!.id;
  kit = people.find((p) => p.source_id === 'P2')!.id;
});
afterAll(async () => ctx.close());

describe('recording a missing episode', () => {
  let episode: string;

  it('shows the SSD episode on the child’s record, and a form that says what is wrong', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const record = text((await priya.get(`/children/${rowan}`)).body);
    expect(record).toContain('Missing episodes');
    expect(record).toContain('Missing from 14 November 2026 (SSD extract)');
    const form = await priya.get(`/children/${rowan}/missing/new`);
    expect(form.statusCode).toBe(200);
    const bad = await priya.post(`/children/${rowan}/missing`, {
      ...when('startAt', '2026-11-14', '25:10'),
      type: 'missing',
    });
    expect(bad.statusCode).toBe(400);
    const page = text(bad.body);
    expect(page).toContain('There is a problem');
    expect(page).toContain('Enter the time in 24-hour form, like 14:30');
    expect(page).toContain('Enter who reported it');
    expect(page).toContain('Enter when it was reported');
  });

  it('records it, merged with the imported episode of the same day, high risk at once at 12', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const res = await priya.post(`/children/${rowan}/missing`, {
      ...when('startAt', '2026-11-14', '22:15'),
      type: 'missing',
      reportedBy: 'Foster carer',
      ...when('reportedAt', '2026-11-14', '22:40'),
      policeReference: 'CAD 1234/14NOV',
      policeRisk: 'medium',
      withWhom: 'Older friends from the estate',
    });
    expect(res.statusCode).toBe(302);
    episode = res.headers.location!.split('/').at(-1)!;
    expect(res.headers.location).toBe(`/missing/episodes/${episode}`);
    const page = text((await priya.get(`/missing/episodes/${episode}`)).body);
    expect(page).toContain('High (local rule); Aged 12 or younger');
    expect(page).toContain('In the SSD extract MIS-2');
    expect(page).toContain('Police told 15 November 2026 at 02:15 Not recorded Overdue');
    expect(page).toContain('Strategy meeting 1 by the end of 16 November 2026 Not recorded Due soon');
    expect(page).toContain('Assistant director told by the end of 17 November 2026 Not recorded Not yet due');
    const record = text((await priya.get(`/children/${rowan}`)).body);
    expect(record.match(/from 14 November 2026/g)).toHaveLength(1);
    expect((await audit('missing.episode.record')).map((a) => a.record_id)).toEqual([rowan]);
    expect((await audit('missing.episode.view')).at(-1)?.detail).toBe(`episode ${episode}`);
  });

  it('records who was told, the return, and the 24- and 72-hour clocks start', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect(
      (
        await priya.post(`/missing/episodes/${episode}/notifications`, {
          ...when('policeToldAt', '2026-11-14', '23:00'),
        })
      ).statusCode,
    ).toBe(302);
    const early = await priya.post(`/missing/episodes/${episode}/return`, {
      ...when('endAt', '2026-11-14', '20:00'),
      whereFound: 'At a friend’s flat',
    });
    expect(early.statusCode).toBe(400);
    expect(text(early.body)).toContain('The date and time must be on or after the episode started');
    const back = await priya.post(`/missing/episodes/${episode}/return`, {
      ...when('endAt', '2026-11-15', '18:00'),
      whereFound: 'At a friend’s flat',
    });
    expect(back.statusCode).toBe(302);
    const page = text((await priya.get(`/missing/episodes/${episode}`)).body);
    expect(page).toContain('Police told 15 November 2026 at 02:15 14 November 2026 at 23:00 Done');
    expect(page).toContain(
      'Social worker in touch after the return 16 November 2026 at 18:00 Not recorded Not yet due',
    );
    expect(page).toContain(
      'Return home interview offered (or refusal recorded) 18 November 2026 at 18:00 Not recorded Not yet due',
    );
    expect(page).not.toContain('Assistant director told');
    expect(page).not.toContain('Strategy meeting 1');
  });

  it('keeps a change of type as history', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const res = await priya.post(`/missing/episodes/${episode}/type`, {
      type: 'away',
      ...when('fromAt', '2026-11-15', '10:00'),
    });
    expect(res.statusCode).toBe(302);
    const page = text((await priya.get(`/missing/episodes/${episode}`)).body);
    expect(page).toContain('Missing from 14 November 2026 at 22:15');
    expect(page).toContain('Away from placement without authorisation from 15 November 2026 at 10:00');
  });

  it('records an attempt to locate and a strategy meeting', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect(
      (
        await priya.post(`/missing/episodes/${episode}/attempts`, {
          ...when('at', '2026-11-15', '08:00'),
          contacted: 'Mother, by phone',
          result: 'Not seen since Friday',
        })
      ).statusCode,
    ).toBe(302);
    const future = await priya.post(`/missing/episodes/${episode}/meetings`, {
      ...when('heldOn', '2026-11-17'),
      chair: 'Service manager',
      decisions: 'x',
    });
    expect(text(future.body)).toContain('The date of the meeting must be today or in the past');
    const page = text((await priya.get(`/missing/episodes/${episode}`)).body);
    expect(page).toContain('Mother, by phone Not seen since Friday');
  });

  it('records the interview offered and accepted, the child’s words kept as theirs; the clock is done', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const wrong = await priya.post(`/missing/episodes/${episode}/interview`, {
      ...when('completedOn', '2026-11-16'),
      completedBy: 'Jo',
    });
    expect(wrong.statusCode).toBe(400);
    expect(text(wrong.body)).toContain('An interview can be completed only when the child accepted it');
    const res = await priya.post(`/missing/episodes/${episode}/interview`, {
      ...when('offeredAt', '2026-11-16', '08:30'),
      offeredBy: 'Safe Steps (independent service)',
      independent: 'yes',
      response: 'accepted',
      ...when('respondedOn', '2026-11-16'),
      childAccount: 'I went because it is loud at home and my friends were there.',
      pullFactors: 'Friends, freedom',
    });
    expect(res.statusCode).toBe(302);
    const page = text((await priya.get(`/missing/episodes/${episode}`)).body);
    expect(page).toContain(
      'Return home interview offered (or refusal recorded) 18 November 2026 at 18:00 16 November 2026 at 08:30 Done',
    );
    expect(page).toContain(
      'In Rowan Ashgrove’s words I went because it is loud at home and my friends were there.',
    );
    expect((await audit('missing.interview.record')).map((a) => a.detail)).toEqual([
      `episode ${episode}: accepted`,
    ]);
  });
});

describe('who may see and do what', () => {
  it('a child outside the practitioner’s caseload, and another organisation’s, are not found', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await priya.get(`/children/${kit}/missing/new`)).statusCode).toBe(404);
    const [own] = await rawRows<{ id: string }>(
      ctx.oversight.database.db,
      sql`select id from missing_episodes limit 1`,
    );
    const stranger = await signedIn(ctx, emailOf(ctx.other, 'service_manager'));
    expect((await stranger.get(`/missing/episodes/${own!.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/missing/episodes/${own!.id}/return`, {})).statusCode).toBe(404);
  });

  it('committee roles see no child-level page; a form without the CSRF token is refused', async () => {
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.get('/missing')).statusCode).toBe(403);
    const [own] = await rawRows<{ id: string }>(
      ctx.oversight.database.db,
      sql`select id from missing_episodes limit 1`,
    );
    expect((await member.get(`/missing/episodes/${own!.id}`)).statusCode).toBe(403);
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect(
      (await priya.post(`/children/${rowan}/missing`, { type: 'missing' }, { csrf: false })).statusCode,
    ).toBe(403);
  });
});

describe('follow-ups for managers', () => {
  it('lists episodes of children in scope, imported ones once, and records one from the extract without a duplicate', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const list = text((await manager.get('/missing?show=all')).body);
    expect(list).toContain('Kit Mallory');
    expect(list).toContain('Away from placement without authorisation from 10 November 2026');
    expect(list).toContain('SSD extract');
    expect(list.match(/Rowan Ashgrove/g)).toHaveLength(1);
    const from = await manager.post(`/children/${kit}/missing?ssd=MIS-1`, {
      ...when('startAt', '2026-11-10', '16:00'),
      type: 'away',
      reportedBy: 'Residential key worker',
      ...when('reportedAt', '2026-11-10', '16:30'),
    });
    expect(from.statusCode).toBe(302);
    const after = text((await manager.get('/missing?show=all')).body);
    expect(after.match(/Kit Mallory/g)).toHaveLength(1);
    expect(after).toContain('Recorded and SSD');
    const again = await manager.post(`/children/${kit}/missing?ssd=MIS-1`, {
      ...when('startAt', '2026-11-10', '16:00'),
      type: 'away',
      reportedBy: 'Residential key worker',
      ...when('reportedAt', '2026-11-10', '16:30'),
    });
    expect(again.statusCode).toBe(400);
    expect((await audit('missing.follow-ups')).length).toBeGreaterThan(0);
  });

  it('puts children missing now and overdue follow-ups on the home page', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const home = text((await manager.get('/')).body);
    expect(home).toContain('Missing children');
    expect(home).toContain('Children missing now');
    expect(home).toContain('Missing episodes with an overdue follow-up');
  });

  it('counts on the home page only the children each person may see', async () => {
    // Rowan is the practitioner's; Kit is another worker's in the same team. Both had an episode, so
    // both need their risk assessment brought up to date.
    const counts: Record<string, string> = {};
    for (const role of ['practitioner', 'team_manager', 'service_manager'] as const) {
      const home = text((await (await signedIn(ctx, emailOf(ctx.org, role))).get('/')).body);
      const group = home.slice(home.indexOf('Missing children', home.indexOf('Each count')));
      counts[role] = /Missing child risk assessments to update (\d+|None)/.exec(group)?.[1] ?? '';
    }
    expect(counts).toEqual({ practitioner: '1', team_manager: '2', service_manager: '2' });
  });
});

describe('the quarterly key data', () => {
  it('counts 2026-27 from the episodes above, and suppresses small numbers as published', async () => {
    const qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    // The figures alone: each links to its list, with hidden words saying which.
    const body = (await qa.get('/missing/key-data?year=2026')).body;
    expect(body).toContain('href="/missing/key-data/2026/3/lacWentMissing"');
    const page = text(body.replace(/<span class="govuk-visually-hidden">[^<]*<\/span>/g, ''));
    // Rowan (reclassified away) and Kit (away), both looked after, both began in Q3.
    expect(page).toContain('Looked-after children who went missing during the period 0 0 2 0');
    expect(page).toContain('Missing episodes 0 0 0 0');
    expect(page).toContain('Absent episodes (including away from placement without authorisation) 0 0 2 0');
    // Rowan's offered and accepted (the form); Kit's offered, declined (the extract).
    expect(page).toContain('Return interviews offered 0 0 2 0');
    expect(page).toContain('Return interviews accepted 0 0 1 0');
    expect(page).toContain('Sex (children) Sex Children Female 1 Male 1 Not known 0 Total 2');
    expect(page).toContain(
      'Age band when the episode began (episodes) Age band when the episode began Episodes 10 or under 0 11 to 14 2 15 to 18 0 Not known 0 Total 2',
    );
    expect(page).toContain('Where found (episodes ended)');
    const published = text((await qa.get('/missing/key-data?year=2026&view=public')).body);
    expect(published).toContain('Return interviews offered 0 0 [c] 0');
    expect(published).toContain('Female [c] Male [c] Not known 0 Total [c]');
    expect(published).not.toContain('Where found');
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.get('/missing/key-data')).statusCode).toBe(403);
  });
});

describe('the key data for a committee report', () => {
  it('gives the year’s table with counts only, suppressed when public, scoped to the organisation', async () => {
    const db = ctx.oversight.database.db;
    const options = { startYear: 2026, audience: 'public' as const, now: ctx.clock.now() };
    const table = await keyDataTableForReport(db, ctx.org.organisationId, options);
    expect(table.asAt).toBe('2026-11-16');
    expect(table.rows.find((r) => r.key === 'lacWentMissing')!.cells.map((c) => c.text)).toEqual([
      '0',
      '0',
      '[c]',
      '0',
    ]);
    expect(table.breakdowns.map((b) => b.key)).toEqual(['age', 'sex', 'ethnicity', 'uasc', 'repeat', 'time']);
    expect(JSON.stringify(table)).not.toContain(rowan);
    const other = await keyDataTableForReport(db, ctx.other.organisationId, options);
    expect(other.rows.every((r) => r.cells.every((c) => c.value === 0))).toBe(true);
  });
});

describe('the SSDA903 missing table', () => {
  it('downloads the year’s episodes of looked-after children as the return writes them, audited', async () => {
    const qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    const res = await qa.get('/missing/ssda903.csv?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="ssda903-missing-2026.csv"');
    expect(res.body).toBe(
      'CHILD,MISSING,MIS_START,MIS_END\r\nP1,A,14/11/2026,15/11/2026\r\nP2,A,10/11/2026,11/11/2026\r\n',
    );
    expect((await qa.get('/missing/ssda903.csv?year=2025')).body).toBe('CHILD,MISSING,MIS_START,MIS_END\r\n');
    expect((await audit('missing.ssda903.export')).map((a) => a.detail)).toEqual([
      '2026-27: 2 episodes of 2 children',
      '2025-26: 0 episodes of 0 children',
    ]);
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await priya.get('/missing/ssda903.csv')).statusCode).toBe(403);
  });
});

describe('the grab pack', () => {
  it('is filled in by the practitioner, and opened by a manager only with a reason kept in the access audit', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const empty = await priya.post(`/children/${rowan}/grab-pack/versions`, { contacts: 'Aunt' });
    expect(empty.statusCode).toBe(400);
    expect(text(empty.body)).toContain('Enter a description of the child');
    const saved = await priya.post(`/children/${rowan}/grab-pack/versions`, {
      description: 'Slim, 1.50 m, short dark hair, grey school hoodie',
      places: 'Shopping centre; the station',
    });
    expect(saved.statusCode).toBe(302);

    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const ask = text((await manager.get(`/children/${rowan}/grab-pack`)).body);
    expect(ask).toContain('Why do you need to open the grab pack?');
    expect(ask).not.toContain('grey school hoodie');
    const noReason = await manager.post(`/children/${rowan}/grab-pack`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(text(noReason.body)).toContain('Enter why you need to open the grab pack');
    const opened = await manager.post(`/children/${rowan}/grab-pack`, {
      reason: 'Rowan is missing; police asked',
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['cache-control']).toBe('no-store');
    expect(text(opened.body)).toContain('Slim, 1.50 m, short dark hair, grey school hoodie');
    const [view] = await rawRows<{ user_id: string; reason: string; record_id: string }>(
      ctx.oversight.database.db,
      sql`select user_id, reason, record_id from access_audit where action = 'missing.grab-pack.view'
          and reason = 'Rowan is missing; police asked'`,
    );
    expect(view).toEqual({
      user_id: ctx.org.userIds.service_manager,
      reason: 'Rowan is missing; police asked',
      record_id: rowan,
    });

    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.post(`/children/${rowan}/grab-pack`, { reason: 'x' })).statusCode).toBe(403);
    const stranger = await signedIn(ctx, emailOf(ctx.other, 'service_manager'));
    expect((await stranger.post(`/children/${rowan}/grab-pack`, { reason: 'x' })).statusCode).toBe(404);
  });
});

describe('children going missing repeatedly', () => {
  it('lists a child with two episodes in 90 days, with each episode', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    expect(text((await manager.get('/missing?show=repeat')).body)).toContain('No episodes to show.');
    const res = await manager.post(`/children/${kit}/missing`, {
      ...when('startAt', '2026-11-15', '19:00'),
      type: 'missing',
      reportedBy: 'Residential key worker',
      ...when('reportedAt', '2026-11-15', '19:30'),
    });
    expect(res.statusCode).toBe(302);
    const list = text((await manager.get('/missing?show=repeat')).body);
    expect(list).toContain('2 episodes');
    expect(list).toContain('Missing from 15 November 2026 at 19:00');
    expect(list).toContain('Away from placement without authorisation from 10 November 2026 at 16:00');
    expect(list).not.toContain('Rowan Ashgrove');
  });

  it('follows the rule the administrator sets for the organisation', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const bad = await admin.post('/missing/settings', { episodes: '1', days: 'ninety' });
    expect(bad.statusCode).toBe(400);
    expect(text(bad.body)).toContain('Enter a whole number of episodes from 2 to 20');
    expect(text(bad.body)).toContain('Enter a whole number of days from 7 to 365');
    expect((await admin.post('/missing/settings', { episodes: '3', days: '90' })).statusCode).toBe(302);
    expect((await audit('missing.settings.repeat')).map((a) => a.detail)).toEqual(['3 episodes in 90 days']);
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const list = text((await manager.get('/missing?show=repeat')).body);
    expect(list).toContain('Children with 3 or more episodes begun in the last 90 days');
    expect(list).toContain('No episodes to show.');
    // The other organisation keeps the default; a manager may not change the rule.
    const stranger = await signedIn(ctx, emailOf(ctx.other, 'service_manager'));
    expect(text((await stranger.get('/missing?show=repeat')).body)).toContain('Children with 2 or more');
    expect((await manager.get('/missing/settings')).statusCode).toBe(403);
    await admin.post('/missing/settings', { episodes: '2', days: '90' });
  });
});
