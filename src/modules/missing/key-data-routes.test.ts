/**
 * The lists behind the key data figures. Today is Monday 16 November 2026.
 * Oakhaven's extract: Rowan (looked after) missing 2 October (back 3rd,
 * interview offered and accepted) and from 14 November (still missing); Kit
 * (looked after) away 10-11 November (offered, declined) and missing 10-12 July.
 * Westbrook's extract: Zara, missing 1-2 November.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';
import type { Csv } from '../cases/fixtures';
import { cmeCases } from './cme-schema';
import { importExtractAsAdministrator, SSD_MISSING_HEADER } from './test-fixture';

type Child = [id: string, forename: string, surname: string];

function extract(children: Child[], missing: string[][]): Record<string, Csv> {
  return {
    'ssd_department.csv': [
      ['dept_team_id', 'dept_team_name'],
      ['DEPT-CIC', 'Children in Care Team'],
    ],
    'ssd_professionals.csv': [
      [
        'prof_professional_id',
        'prof_professional_name',
        'prof_professional_email',
        'prof_professional_job_title',
      ],
      ['W9', 'Noor Fairley', '', 'Social worker'],
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
      ...children.map(([id, f, s]) => [id, f, s, 'F', '02', 'WBRI', '2012-05-01']),
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
      ...children.map(([id]) => [`R-${id}`, id, '2026-05-01', 'N1', 'DEPT-CIC', 'W9']),
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
      ...children.map(([id]) => [`E-${id}`, id, `LA-${id}`, `R-${id}`, '2026-05-01', 'S', 'N1']),
    ],
    'ssd_cla_placement.csv': [
      [
        'clap_cla_placement_id',
        'clap_person_id',
        'clap_cla_id',
        'clap_cla_placement_start_date',
        'clap_cla_placement_type',
      ],
      ...children.map(([id]) => [`PL-${id}`, id, `LA-${id}`, '2026-05-01', 'U4']),
    ],
    'ssd_missing.csv': [SSD_MISSING_HEADER, ...missing],
  };
}

let ctx: TestContext;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const audits = () =>
  rawRows<{ detail: string | null }>(
    ctx.oversight.database.db,
    sql`select detail from access_audit where action = 'missing.keydata.list' order by at, id`,
  );

beforeAll(async () => {
  ctx = await startTestApp();
  await importExtractAsAdministrator(
    ctx,
    extract(
      [
        ['P1', 'Rowan', 'Ashgrove'],
        ['P2', 'Kit', 'Mallory'],
      ],
      [
        ['MIS-1', 'P1', '2026-10-02', '2026-10-03', 'M', 'Y', 'Y'],
        ['MIS-2', 'P1', '2026-11-14', '', 'M', '', ''],
        ['MIS-3', 'P2', '2026-11-10', '2026-11-11', 'A', 'Y', 'N'],
        ['MIS-4', 'P2', '2026-07-10', '2026-07-12', 'M', 'N', 'N'],
      ],
    ),
  );
  await importExtractAsAdministrator(
    ctx,
    extract([['Z1', 'Zara', 'Quill']], [['MIS-9', 'Z1', '2026-11-01', '2026-11-02', 'M', 'Y', 'Y']]),
    ctx.other,
  );
  // Kit on the children missing education register across the Q2 end; a case of Rowan's closed in Q1.
  const people = await rawRows<{ id: string; source_id: string }>(
    ctx.oversight.database.db,
    sql`select id, source_id from case_people where organisation_id = ${ctx.org.organisationId}`,
  );
  const idOf = (source: string) => people.find((p) => p.source_id === source)!.id;
  const cmeCase = (personId: string, reportedOn: string, closedOn: string | null) => ({
    organisationId: ctx.org.organisationId,
    personId,
    school: 'Oakhaven Academy',
    reportedOn,
    reporterKind: 'school',
    reportedBy: 'Designated safeguarding lead',
    firstAbsentOn: reportedOn,
    reason: 'stopped_attending',
    outcome: closedOn ? 'found_in_school' : null,
    closedOn,
    createdAt: ctx.clock.now(),
    updatedAt: ctx.clock.now(),
  });
  await ctx.oversight.database.db
    .insert(cmeCases)
    .values([
      cmeCase(idOf('P2'), '2026-09-21', '2026-10-09'),
      cmeCase(idOf('P1'), '2026-05-04', '2026-05-20'),
    ]);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('the list behind each key data figure', () => {
  it('links every non-zero internal figure to a list as long as the figure, audited once per read', async () => {
    const qa = await signedIn(ctx, emailOf(ctx.org, 'qa_officer'));
    const page = (await qa.get('/missing/key-data?year=2026')).body;
    const links = [...page.matchAll(/href="(\/missing\/key-data\/2026\/(\d)\/(\w+))">(\d+)</g)].map((m) => ({
      url: m[1]!,
      figure: Number(m[4]),
    }));
    // Q2: Kit went missing, a missing episode, Kit's return; Q3: both children, three episodes, returns, Rowan still out.
    expect(links.length).toBeGreaterThanOrEqual(10);
    const before = (await audits()).length;
    for (const { url, figure } of links) {
      expect(figure).toBeGreaterThan(0);
      const res = await qa.get(url);
      expect(res.statusCode, url).toBe(200);
      const entries = res.body.match(/govuk-link" href="\/children\/[0-9a-f-]+"/g) ?? [];
      expect(entries.length, url).toBe(figure);
      expect(res.body).not.toContain('Zara');
    }
    expect((await audits()).length).toBe(before + links.length);

    const atEnd = await qa.get('/missing/key-data/2026/3/lacMissingAtEnd');
    expect(text(atEnd.body)).toContain('1 child');
    expect(text(atEnd.body)).toContain('Rowan Ashgrove');
    expect(text(atEnd.body)).not.toContain('Kit Mallory');
    const went = text((await qa.get('/missing/key-data/2026/3/lacWentMissing')).body);
    expect(went).toContain('2 children');
    expect((await audits()).at(-1)!.detail).toBe('2026-27 Q3, lacWentMissing: 2 children');

    // Children missing education, from the register: Kit in Q2 and Q3 (one case across the end), Rowan in Q1.
    expect(links.map((l) => l.url)).toEqual(
      expect.arrayContaining([
        '/missing/key-data/2026/1/childrenMissingEducation',
        '/missing/key-data/2026/2/childrenMissingEducation',
        '/missing/key-data/2026/3/childrenMissingEducation',
      ]),
    );
    const cme = await qa.get('/missing/key-data/2026/3/childrenMissingEducation');
    expect(text(cme.body)).toContain('Kit Mallory');
    expect(text(cme.body)).toContain('Oakhaven Academy, reported 21 September 2026 , closed 9 October 2026');
    expect(cme.body).toMatch(/href="\/missing\/cme\/[0-9a-f-]{36}"/);
    expect(text(cme.body)).not.toContain('Rowan');
    expect(links.some((l) => l.url === '/missing/key-data/2026/4/childrenMissingEducation')).toBe(false);

    // As published, and bad addresses: no links, no list.
    expect((await qa.get('/missing/key-data?year=2026&view=public')).body).not.toContain(
      '/missing/key-data/2026/',
    );
    expect((await qa.get('/missing/key-data/2026/5/lacWentMissing')).statusCode).toBe(404);
    expect((await qa.get('/missing/key-data/2026/3/nonsense')).statusCode).toBe(404);
  });

  it('refuses roles that do not see every child of the organisation', async () => {
    for (const role of [
      'practitioner',
      'team_manager',
      'committee_member',
      'committee_clerk',
      'administrator',
    ]) {
      const a = await signedIn(ctx, emailOf(ctx.org, role));
      expect((await a.get('/missing/key-data/2026/3/lacWentMissing')).statusCode, role).toBe(403);
    }
  });

  it("never shows another organisation's episodes", async () => {
    const theirs = await signedIn(ctx, emailOf(ctx.other, 'qa_officer'));
    const list = text((await theirs.get('/missing/key-data/2026/3/missingEpisodes')).body);
    expect(list).toContain('Zara Quill');
    expect(list).toContain('1 episode');
    expect(list).not.toContain('Rowan');
    expect(list).not.toContain('Kit');
  });
});
