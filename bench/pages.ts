/**
 * The pages people open most, besides the navigation: found in the loaded
 * demo by what makes them heaviest (the child with the most events, the
 * largest team, the plan with the most actions), and the table that sets the
 * two databases side by side.
 */
import { sql } from 'drizzle-orm';
import type { Oversight } from '../src/app';
import { rawRows } from '../src/platform/db/client';
import { ROLE_NAMES, ROLES, type Role } from '../src/platform/permissions';
import { formatTable, type PageTiming } from './harness';

export interface BenchPage {
  role: Role;
  url: string;
  label: string;
}

/** The first value of a one-row, one-column query (undefined when no row). */
async function first(oversight: Oversight, query: ReturnType<typeof sql>): Promise<string | undefined> {
  const [row] = await rawRows<{ v: string | null }>(oversight.database.db, query);
  return row?.v ?? undefined;
}

/** The child with the most rows across every case table that holds a person's events. */
async function busiestChild(oversight: Oversight, organisationId: string): Promise<string | undefined> {
  const tables = await rawRows<{ table_name: string }>(
    oversight.database.db,
    sql`select c.table_name from information_schema.columns c
        join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
        where c.table_schema = 'public' and c.column_name = 'person_id' and t.table_type = 'BASE TABLE'
          and c.table_name like 'case\\_%' order by c.table_name`,
  );
  if (!tables.length) return undefined;
  const union = sql.join(
    tables.map(
      (t) =>
        sql`select person_id from ${sql.identifier(t.table_name)} where organisation_id = ${organisationId}`,
    ),
    sql` union all `,
  );
  return first(
    oversight,
    sql`select person_id::text as v from (${union}) e group by person_id order by count(*) desc, person_id limit 1`,
  );
}

/**
 * Pages to time besides the navigation, each as the role that opens it most.
 * A page whose subject the demo lacks is left out, with a note.
 */
export async function namedPages(
  oversight: Oversight,
  organisationId: string,
  log: (message: string) => void,
): Promise<BenchPage[]> {
  const pages: BenchPage[] = [];
  const add = (role: Role, url: string, label: string) => pages.push({ role, url, label });
  const lower = (role: Role) => ROLE_NAMES[role].toLowerCase();

  // Every role's home page: it gathers each module's counts of what needs attention.
  for (const role of ROLES) add(role, '/', `Home (${lower(role)})`);

  const child = await busiestChild(oversight, organisationId);
  if (child) {
    add('service_manager', `/children/${child}`, "Child's record (most events)");
    add('service_manager', `/children/${child}/chronology`, "Child's chronology (most events)");
  } else log('the demo has no child with events: the record and chronology are not timed');

  const team = await first(
    oversight,
    sql`select team_id::text as v from compliance_tasks
        where organisation_id = ${organisationId} and episode_open and team_id is not null
        group by team_id order by count(*) desc, team_id limit 1`,
  );
  if (team) {
    add('service_manager', `/timescales/team?team=${team}`, 'Team dashboard (largest team)');
    add(
      'service_manager',
      `/timescales/tasks?team=${team}&status=overdue`,
      'Task list, overdue in largest team',
    );
  }
  add('team_manager', '/timescales/tasks?status=due-soon', 'Task list, due soon (team manager)');

  const plan = await first(
    oversight,
    sql`select home_plan_id::text as v from plan_actions where organisation_id = ${organisationId}
        group by home_plan_id order by count(*) desc, home_plan_id limit 1`,
  );
  if (plan) {
    add('senior_leader', `/plans/${plan}?layout=table`, 'Plan with most actions (committee table)');
    add('senior_leader', `/plans/${plan}?layout=review`, 'Plan with most actions (review)');
  }
  const outstanding = await first(
    oversight,
    sql`select id::text as v from plans where organisation_id = ${organisationId}
        and type = 'committee_outstanding' order by name limit 1`,
  );
  if (outstanding) add('committee_clerk', `/plans/${outstanding}`, "Committee's outstanding actions");

  const worker = await first(
    oversight,
    sql`select worker_id::text as v from supervisions where organisation_id = ${organisationId}
        group by worker_id order by count(*) desc, worker_id limit 1`,
  );
  const supervision = await first(
    oversight,
    sql`select id::text as v from supervisions where organisation_id = ${organisationId}
        order by held_on desc, created_at desc limit 1`,
  );
  if (worker)
    add('service_manager', `/supervision/new?worker=${worker}`, 'Supervision form (most supervised)');
  if (supervision) add('service_manager', `/supervision/${supervision}`, 'Supervision record (latest)');
  add('service_manager', '/supervision/repeated', 'Supervision actions repeated');

  // The full children's indicator set for the last complete quarter: one set-based query per measure.
  add('senior_leader', '/indicators', 'Performance indicators (last complete quarter)');
  add('senior_leader', '/indicators/report', 'Quarterly performance report (draft)');

  add('service_manager', '/children?open=yes', 'Find a child: every open case, paged');
  // The navigation times Team cases as the first role that has it (a senior leader, with no team).
  add('team_manager', '/children/team', 'Team cases (team manager)');
  add('practitioner', '/children/mine', 'My cases (practitioner)');
  add('administrator', '/cases/imports', 'Imports history (administrator)');
  // The plans list as a service manager sees it (the navigation times it as a senior leader).
  add('service_manager', '/plans', 'Plans list (service manager)');
  add('administrator', '/admin/audit', 'Access audit');
  add('administrator', '/admin/audit?action=child.view', 'Access audit, filtered to record views');

  // Missing children: the follow-ups list as a team manager sees it (the service's is in the navigation).
  add('team_manager', '/missing', 'Missing follow-ups (team manager)');

  // Quality assurance: the round with the most audits and its report, and the audits an independent auditor holds.
  const round = await first(
    oversight,
    sql`select round_id::text as v from qa_audits where organisation_id = ${organisationId}
        group by round_id order by count(*) desc, round_id limit 1`,
  );
  if (round) {
    add('qa_officer', `/qa/rounds/${round}`, 'Audit round (most audits)');
    add('qa_officer', `/qa/rounds/${round}/report`, 'Audit round report (most audits)');
  } else log('the demo has no audit round: the round page and its report are not timed');
  add('independent_auditor', '/qa/audits', 'My audits (independent auditor)');
  add('qa_officer', '/qa/audits', 'Audits to moderate (QA officer)');
  add('qa_officer', '/qa/recommendations', 'Recommendations (QA officer)');

  // Committee packs: the latest published pack as HTML (its PDF is printed by Chromium, not timed here),
  // and the public site's search across every published paper.
  const pack = await first(
    oversight,
    sql`select meeting_id::text || '/packs/' || version as v from committee_publications
        where organisation_id = ${organisationId} order by published_at desc, version desc limit 1`,
  );
  if (pack)
    add('committee_clerk', `/committee-business/meetings/${pack}/public`, 'Published public pack (latest)');
  else log('the demo has no published committee pack: the pack page is not timed');
  const code = await first(
    oversight,
    sql`select lower(code) as v from organisations where id = ${organisationId}`,
  );
  if (code)
    add('committee_clerk', `/committees/${code}/search?q=safeguarding`, 'Public site search (every paper)');
  return pages;
}

/**
 * The public site as a reader without an account browses it: the list of
 * councils, the council's committees, the demo committee, its meetings
 * calendar and iCalendar feed, the latest published agenda, a held meeting's
 * public reports and its approved minutes, and the search. Found from the
 * demo committee's published meetings (the longest pack the bench publishes
 * is timed on its own: bench/pack.ts), each kept only if it answers 200.
 */
export async function publicPages(
  oversight: Oversight,
  organisationId: string,
  log: (message: string) => void,
): Promise<string[]> {
  const code = await first(
    oversight,
    sql`select lower(code) as v from organisations where id = ${organisationId}`,
  );
  if (!code) return [];
  const committee = await first(
    oversight,
    sql`select id::text as v from committees where organisation_id = ${organisationId}
        and name = 'Safeguarding Sub-Committee' limit 1`,
  );
  const latestAgenda = await first(
    oversight,
    sql`select m.id::text as v from committee_meetings m
        where m.organisation_id = ${organisationId} and m.committee_id::text = ${committee ?? ''}
          and exists (select 1 from committee_publications p where p.meeting_id = m.id)
        order by m.date desc limit 1`,
  );
  const approved = await first(
    oversight,
    sql`select a.meeting_id::text as v from committee_approved_minutes a
        join committee_meetings m on m.id = a.meeting_id
        where a.organisation_id = ${organisationId} and m.committee_id::text = ${committee ?? ''}
        order by m.date desc limit 1`,
  );
  const base = `/committees/${code}`;
  const urls = [
    '/committees',
    base,
    ...(committee ? [`${base}/${committee}`, `${base}/${committee}/calendar.ics`] : []),
    ...(latestAgenda ? [`${base}/meetings/${latestAgenda}`] : []),
    ...(approved ? [`${base}/meetings/${approved}`, `${base}/meetings/${approved}/minutes`] : []),
    `${base}/search?q=safeguarding`,
    `${base}/search?q=return+home+interview`,
  ];
  const answering: string[] = [];
  for (const url of urls) {
    const res = await oversight.app.inject({ method: 'GET', url });
    if (res.statusCode === 200) answering.push(url);
    else log(`public site: ${url} answers ${res.statusCode}, not 200: left out of the readers' pages`);
  }
  return answering;
}

export interface TimedPage extends PageTiming {
  label: string;
  role: Role;
}

/** One row per page: both databases side by side, and how many times slower the server is (p95). */
export function sideBySide(
  results: ReadonlyArray<{ database: string; pages: readonly TimedPage[] }>,
): string {
  const embedded = results.find((r) => r.database === 'embedded')?.pages ?? [];
  const server = results.find((r) => r.database === 'server')?.pages ?? [];
  const key = (p: TimedPage) => `${p.label}\u0000${p.role}`;
  const onServer = new Map(server.map((p) => [key(p), p]));
  const labels = [...embedded, ...server.filter((p) => !embedded.some((e) => key(e) === key(p)))];
  const embeddedOf = new Map(embedded.map((p) => [key(p), p]));
  const figure = (n: number | undefined) => (n == null ? '-' : Math.round(n * 10) / 10);
  const rows = labels.map((p) => {
    const e = embeddedOf.get(key(p));
    const s = onServer.get(key(p));
    const ratio = e && s && e.p95Ms > 0 ? `${(s.p95Ms / e.p95Ms).toFixed(2)}` : '-';
    return [p.label, figure(e?.medianMs), figure(e?.p95Ms), figure(s?.medianMs), figure(s?.p95Ms), ratio];
  });
  return formatTable(
    ['page', 'embedded median', 'embedded p95', 'server median', 'server p95', 'server/embedded p95'],
    rows,
  );
}
