/**
 * The committee pack phase of the bench: on the loaded large authority, the
 * clerk's work for a long meeting, done through the committee module's
 * services (a committee of its own, a meeting whose public pack fills about
 * 100 printed pages: Part 1 reports with long bodies, each embedding one of
 * the components a report can carry, a Part 2 report, the glossary), then
 * the public pack timed as HTML (the public site's page) and printed to PDF
 * with page numbers where Chromium is installed, with the pages it produced.
 *
 * The report bodies are generated here (reportBody, pure and tested); they
 * hold no names, dates or small numbers, so disclosure control only flags
 * what the embedded components carry (plan dates that are some child's date
 * of birth at this size), which the clerk lets through, as the demo does.
 */
import { and, asc, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import type { Oversight } from '../src/app';
import { demoReportCover } from '../src/demo/committee';
import type { ReportBody } from '../src/modules/committee/schema';
import * as committee from '../src/modules/committee/service';
import { addDays } from '../src/platform/calendar/working-days';
import { londonDateOf } from '../src/platform/clock';
import { componentRegistry } from '../src/platform/components';
import { chromiumPath } from '../src/platform/documents/pdf';
import type { Actor, Role } from '../src/platform/permissions';
import { organisations, users } from '../src/platform/schema';
import { formatTable, percentile, timed } from './harness';

/** The committee the bench's meeting belongs to (its own, so the demo's committee keeps its meetings). */
export const BENCH_COMMITTEE = 'Children’s Services Scrutiny Panel';

/** What the pack holds: its Part 1 reports (each this many pages of text) and the components they embed. */
export const PACK_SHAPE = { reports: 8, pagesPerReport: 9 } as const;

const TOPICS = [
  'Front door and early help',
  'Assessment and child protection',
  'Children in care and care leavers',
  'Quality assurance and audit',
  'Children missing from home, care and education',
  'Workforce and caseloads',
  'Partnership working',
  'Placement sufficiency',
  'Participation and the voice of the child',
  'Performance and timescales',
];

const SUBJECTS = [
  'The service',
  'Each team',
  'The quality assurance function',
  'Managers in every locality',
  'The partnership',
  'The improvement board',
  'Practitioners',
  'The performance team',
];
const VERBS = [
  'continues to strengthen',
  'has reviewed',
  'is tracking weekly',
  'has agreed with partners',
  'reports to members on',
  'has improved',
  'keeps under review',
  'has set new standards for',
];
const OBJECTS = [
  'the timeliness of visits to children on child protection plans',
  'management oversight of decisions to step cases down to early help',
  'the recording of the child’s views in their own words',
  'the quality of plans for children in care',
  'return home interviews after a child has been missing',
  'supervision that reflects on the child’s lived experience',
  'the stability of placements and the sufficiency of local homes',
  'the transition of care leavers into independent living',
  'the caseloads of social workers in the assessment teams',
  'the learning from audits and practice reviews',
];
const CLAUSES = [
  'as set out in the improvement plan',
  'and members will receive an update in the next quarter',
  'with the support of the principal social worker',
  'so that every child has a plan that is reviewed on time',
  'which the last inspection identified as an area for improvement',
  'and the findings are shared with every team',
];

/** A deterministic sequence of choices from a seed (a linear congruential generator). */
function chooser(seed: number) {
  let state = (seed * 2654435761) >>> 0 || 1;
  return <T>(list: readonly T[]): T => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return list[state % list.length]!;
  };
}

function sentence(pick: ReturnType<typeof chooser>): string {
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}, ${pick(CLAUSES)}.`;
}

function paragraph(pick: ReturnType<typeof chooser>): string {
  return [sentence(pick), sentence(pick), sentence(pick), sentence(pick)].join(' ');
}

/** A table of measures: percentages from 50 to 99, never a small number that disclosure control flags. */
function measuresTable(pick: ReturnType<typeof chooser>): string {
  const pct = () => String(50 + pick([...Array(50).keys()]));
  const rows = OBJECTS.slice(0, 6).map((o) => `| ${o} | ${pct()} | ${pct()} | ${pct()} |`);
  return [
    '| Measure | This quarter (%) | Last quarter (%) | Target (%) |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/**
 * A report's body of about `pages` printed pages (CHARS_PER_PAGE characters
 * each, as the pack estimates them): headed sections of paragraphs, lists and
 * tables of measures. The same seed gives the same text.
 */
export function reportBody(seed: number, pages: number, charsPerPage = 3000): ReportBody {
  const pick = chooser(seed);
  const topic = TOPICS[seed % TOPICS.length]!;
  const target = Math.max(1, pages) * charsPerPage;
  const main: string[] = [];
  let length = 0;
  for (let section = 1; length < target; section++) {
    const block = [
      `## ${topic}: part ${section}`,
      paragraph(pick),
      '',
      paragraph(pick),
      '',
      `- ${sentence(pick)}`,
      `- ${sentence(pick)}`,
      `- ${sentence(pick)}`,
      '',
      section % 3 === 0 ? measuresTable(pick) : paragraph(pick),
      '',
    ].join('\n');
    main.push(block);
    length += block.length;
  }
  return {
    summary: `This report sets out progress on ${topic.toLowerCase()} for the quarter. ${paragraph(pick)}`,
    recommendations: 'Members are asked to:\n- note the report\n- note the progress set out in the appendix',
    mainReport: main.join('\n'),
    implications: paragraph(pick),
    conclusion: sentence(pick),
    backgroundPapers: 'None.',
  };
}

/** The organisation's first active user of a role, as the service would see them signed in. */
async function actorOf(oversight: Oversight, organisationId: string, role: Role): Promise<Actor> {
  const [u] = await oversight.database.db
    .select()
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, role), eq(users.active, true)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!u) throw new Error(`the organisation has no active ${role}`);
  return {
    userId: u.id,
    organisationId,
    organisationName: 'bench',
    name: u.name,
    email: u.email,
    role,
    teamId: u.teamId,
    permissions: oversight.app.deps.grants.get(role) ?? new Set(),
  };
}

const ctxOf = (actor: Actor, at: Date) => ({
  organisationId: actor.organisationId,
  userId: actor.userId,
  ip: null,
  userAgent: 'bench',
  requestId: null,
  at,
});

/**
 * The clerk's long meeting, published (page numbers estimated: the PDF is
 * timed apart). Returns the meeting and the public pack's estimated pages.
 */
export async function buildLongMeeting(
  oversight: Oversight,
  organisationId: string,
  committeeName: string = BENCH_COMMITTEE,
): Promise<{ meetingId: string; estimatedPages: number }> {
  const db = oversight.database.db;
  const now = oversight.clock.now();
  const today = londonDateOf(now);
  const clerk = await actorOf(oversight, organisationId, 'committee_clerk');
  const manager = await actorOf(oversight, organisationId, 'service_manager');
  const senior = await actorOf(oversight, organisationId, 'senior_leader');
  const kinds = componentRegistry(oversight.app.deps.modules);
  const embeddable = ['plans.snapshot', 'kpis.quarterly-report', 'qa.round-summary', 'missing.key-data']
    .map((k) => kinds.get(k))
    .filter((k) => k !== undefined);
  const committeeId = await committee.createCommittee(db, clerk, ctxOf(clerk, now), {
    name: committeeName,
    parentId: null,
    memberCount: 9,
    quorum: 3,
    duties: ['To scrutinise the performance of children’s services'],
    frequency: 'Quarterly',
    clerkUserId: clerk.userId,
  });
  const meetingId = await committee.createMeeting(db, clerk, ctxOf(clerk, now), committeeId, {
    date: addDays(today, 21),
    startTime: '18:00',
    venue: 'Council Chamber, Oakhaven Guildhall',
    virtualLink: null,
    recordingLink: null,
  });
  await committee.addStandardItems(db, clerk, ctxOf(clerk, now), meetingId);
  for (let n = 0; n <= PACK_SHAPE.reports; n++) {
    const part = n < PACK_SHAPE.reports ? 1 : 2;
    await committee.addItem(db, clerk, ctxOf(clerk, now), meetingId, {
      title: part === 1 ? TOPICS[n % TOPICS.length]! : 'Practice review: update',
      part,
      paragraphs: part === 2 ? [1, 2] : [],
      purpose: 'information',
      fromOfficer: 'Director of Children’s Services',
    });
  }
  const { items } = await committee.getMeeting(db, clerk, ctxOf(clerk, now), meetingId);
  for (const [n, item] of items.filter((i) => i.standard === null).entries()) {
    const reportId = await committee.saveReport(db, manager, ctxOf(manager, now), item.id, {
      cover: demoReportCover(item.title),
      body: reportBody(n + 1, item.part === 1 ? PACK_SHAPE.pagesPerReport : 2),
    });
    const kind = item.part === 1 ? embeddable[n % embeddable.length] : undefined;
    const [latest] = kind ? await kind.choices(db, manager, now) : [];
    if (kind && latest)
      await committee.addAppendix(db, manager, ctxOf(manager, now), kinds, reportId, {
        title: kind.name.replace(/ \(.*\)$/, ''),
        public: true,
        componentKind: kind.kind,
        componentRef: latest.ref,
      });
    await committee.sendForSignOff(db, manager, ctxOf(manager, now), reportId, senior.userId);
    await committee.signOff(db, senior, ctxOf(senior, now), reportId);
    await committee.acceptReport(db, clerk, ctxOf(clerk, now), reportId);
  }
  await committee.chooseMeetingGlossary(db, clerk, ctxOf(clerk, now), meetingId, 'used');
  const check = await committee.checkPublication(db, clerk, kinds, meetingId, now);
  if (check.problems.length) throw new Error(`the bench pack cannot be published: ${check.problems[0]}`);
  for (const f of check.findings.filter((x) => x.overridden === null)) {
    if (!f.overridable) throw new Error(`the bench pack holds an identifier (${f.where})`);
    await committee.overrideFinding(
      db,
      clerk,
      ctxOf(clerk, now),
      kinds,
      meetingId,
      f.key,
      'Bench: generated text and the components’ own figures',
    );
  }
  const version = await committee.publishPacks(db, clerk, ctxOf(clerk, now), kinds, meetingId);
  const { pack } = await committee.readPack(db, clerk, ctxOf(clerk, now), meetingId, version, 'public');
  return { meetingId, estimatedPages: pack.pageCount };
}

export interface PackBench {
  estimatedPages: number;
  htmlKiB: number;
  htmlMedianMs: number;
  htmlMaxMs: number;
  /** Null where Chromium is not installed. */
  pdf: { seconds: number; pages: number; KiB: number } | null;
}

/**
 * Time the public pack: the public site's page (median of `n` after a
 * warm-up) and, where Chromium is installed, the PDF with page numbers.
 */
export async function timePack(
  oversight: Oversight,
  organisationId: string,
  meetingId: string,
  estimatedPages: number,
  log: (m: string) => void,
  n = 5,
): Promise<PackBench> {
  const [org] = await oversight.database.db
    .select({ code: organisations.code })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org) throw new Error('no such organisation');
  const url = `/committees/${org.code.toLowerCase()}/meetings/${meetingId}`;
  const get = async (path: string) => {
    const res = await oversight.app.inject({ method: 'GET', url: path });
    if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}, not 200`);
    return res.rawPayload;
  };
  await get(url);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t = await timed(() => get(url));
    times.push(t.ms);
    bytes = t.result.length;
  }
  times.sort((a, b) => a - b);
  let pdf: PackBench['pdf'] = null;
  if (chromiumPath()) {
    log(`printing the pack to PDF (${url}/pack.pdf)`);
    const t = await timed(() => get(`${url}/pack.pdf`));
    const pages = (await PDFDocument.load(t.result, { updateMetadata: false })).getPageCount();
    pdf = { seconds: t.ms / 1000, pages, KiB: t.result.length / 1024 };
  } else log('Chromium is not installed: the pack is not printed to PDF');
  return {
    estimatedPages,
    htmlKiB: bytes / 1024,
    htmlMedianMs: percentile(times, 50),
    htmlMaxMs: times[times.length - 1]!,
    pdf,
  };
}

/** The pack phase's table. */
export function packTable(database: string, r: PackBench): string {
  return [
    `\n=== Committee pack on the ${database} database (public pack, ${r.estimatedPages} pages estimated) ===\n`,
    formatTable(
      ['what', 'time', 'pages', 'KiB'],
      [
        ['HTML, public site (median)', `${Math.round(r.htmlMedianMs)} ms`, r.estimatedPages, r.htmlKiB],
        r.pdf
          ? ['PDF with page numbers', `${r.pdf.seconds.toFixed(1)} s`, r.pdf.pages, r.pdf.KiB]
          : ['PDF with page numbers', 'no Chromium', '-', '-'],
      ],
    ),
  ].join('\n');
}
