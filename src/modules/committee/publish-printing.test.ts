/**
 * Page numbers at publication: with a printer, the packs are numbered from
 * their printed pages, so the HTML agenda's "Pages x - y" are the PDF's;
 * without one, the estimate stands and the pack says so.
 */
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { allModules } from '../../app';
import type { AuditContext } from '../../platform/audit/service';
import type { Actor } from '../../platform/permissions';
import type { Printer } from './pack-pdf';
import { publicPackPdf } from './pack-pdf-service';
import * as committee from './service';

let ctx: TestContext;
let clerkAgent: Agent;
let meetingId: string;
const actors: Record<string, Actor> = {};

type Role = Actor['role'];
const actorOf = (role: Role): Actor => ({
  userId: ctx.org.userIds[role],
  organisationId: ctx.org.organisationId,
  organisationName: ctx.org.organisationName,
  name: role,
  email: emailOf(ctx.org, role),
  role,
  teamId: null,
  permissions: new Set(
    allModules.flatMap((m) =>
      Object.entries(m.permissions)
        .filter(([, d]) => d.roles.includes(role))
        .map(([k]) => k),
    ),
  ),
});
const auditAt = (a: Actor): AuditContext => ({
  organisationId: a.organisationId,
  userId: a.userId,
  ip: null,
  userAgent: null,
  requestId: null,
  at: ctx.clock.now(),
});

/** Pages each printed document fills: the front sheet 2, the performance report 7, anything else 1. */
function fakePrinter(printed: string[]): Printer {
  return async (htmls) =>
    Promise.all(
      htmls.map(async (html) => {
        printed.push(html);
        const pages = html.includes('Agenda and contents')
          ? 2
          : html.includes('<h1>Item 1: Safeguarding performance')
            ? 7
            : 1;
        const doc = await PDFDocument.create();
        for (let i = 0; i < pages; i++) doc.addPage([595, 842]);
        return doc.save();
      }),
    );
}

beforeAll(async () => {
  ctx = await startTestApp();
  for (const role of ['committee_clerk', 'service_manager', 'senior_leader'] as const)
    actors[role] = actorOf(role);
  const clerk = actors.committee_clerk!;
  const manager = actors.service_manager!;
  const senior = actors.senior_leader!;
  clerkAgent = await signedIn(ctx, emailOf(ctx.org, 'committee_clerk'));
  const db = ctx.oversight.database.db;
  const committeeId = await committee.createCommittee(db, clerk, auditAt(clerk), {
    name: 'Safeguarding Sub-Committee',
    parentId: null,
    memberCount: 7,
    quorum: 3,
    duties: ['To oversee safeguarding'],
    frequency: 'Quarterly',
    clerkUserId: clerk.userId,
  });
  meetingId = await committee.createMeeting(db, clerk, auditAt(clerk), committeeId, {
    date: '2027-03-02',
    startTime: '14:00',
    venue: 'Committee Room 1',
    virtualLink: null,
    recordingLink: null,
  });
  for (const title of ['Safeguarding performance', 'Commissioning update'])
    await committee.addItem(db, clerk, auditAt(clerk), meetingId, {
      title,
      part: 1,
      paragraphs: [],
      purpose: 'information',
      fromOfficer: 'Director of Children’s Services',
    });
  const { items } = await committee.getMeeting(db, clerk, auditAt(clerk), meetingId);
  for (const item of items) {
    const reportId = await committee.saveReport(db, manager, auditAt(manager), item.id, {
      cover: {
        subject: item.title,
        corporateOutcomes: null,
        spending: null,
        reportOf: 'Director of Children’s Services',
        author: 'Head of Quality Assurance',
        authorContact: null,
      },
      body: {
        summary: `A short summary of ${item.title}.`,
        recommendations: 'Members are asked to note the report.',
        mainReport: 'The figures are as expected.',
        implications: null,
        conclusion: null,
        backgroundPapers: null,
      },
    });
    await committee.sendForSignOff(db, manager, auditAt(manager), reportId, senior.userId);
    await committee.signOff(db, senior, auditAt(senior), reportId);
    await committee.acceptReport(db, clerk, auditAt(clerk), reportId);
  }
}, 60_000);

afterAll(() => ctx?.close());

describe('page numbers at publication', () => {
  it('numbers the packs from their printed pages, as the PDF does', async () => {
    const db = ctx.oversight.database.db;
    const clerk = actors.committee_clerk!;
    const printed: string[] = [];
    const version = await committee.publishPacks(
      db,
      clerk,
      auditAt(clerk),
      new Map(),
      meetingId,
      fakePrinter(printed),
    );
    expect(version).toBe(1);
    // Each report printed once; each front sheet (public, non-public) twice: first taken for one
    // page, then printed again with the numbers moved on once it was found to fill two.
    expect(printed.filter((h) => h.includes('<h1>Item 1: Safeguarding performance'))).toHaveLength(1);
    expect(printed.filter((h) => h.includes('Agenda and contents'))).toHaveLength(4);
    const page = (await clerkAgent.get(`/committee-business/meetings/${meetingId}/packs/1/public`)).body;
    expect(page).toContain('1. Safeguarding performance</strong> (Pages 3 - 9)');
    expect(page).toContain('2. Commissioning update</strong> (Pages 10 - 10)');
    expect(page).toContain('Page 1 of 10');
    expect(page).not.toContain('estimated');
    // The PDF, printed on request from the frozen pack, gives the same numbers in its contents.
    const again: string[] = [];
    const { pdf, pack } = await publicPackPdf(db, clerk.organisationId, meetingId, fakePrinter(again));
    expect(pack.items.map((i) => i.pages)).toEqual([
      { from: 3, to: 9 },
      { from: 10, to: 10 },
    ]);
    const front = again.filter((h) => h.includes('Agenda and contents')).at(-1)!;
    expect(front).toContain('<td class="pages">3 - 9</td>');
    expect(front).toContain('<td class="pages">10</td>');
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(10);
  });

  it('keeps the estimate without a printer, and the pack says it is estimated', async () => {
    const db = ctx.oversight.database.db;
    const clerk = actors.committee_clerk!;
    expect(await committee.publishPacks(db, clerk, auditAt(clerk), new Map(), meetingId)).toBe(2);
    const { pack } = await committee.readPack(db, clerk, auditAt(clerk), meetingId, 2, 'public');
    expect(pack.pageNumbers).toBe('estimated');
    // A short report is reckoned a page.
    expect(pack.items.map((i) => i.pages)).toEqual([
      { from: 3, to: 3 },
      { from: 4, to: 4 },
    ]);
    const page = (await clerkAgent.get(`/committee-business/meetings/${meetingId}/packs/2/public`)).body;
    expect(page).toContain('1. Safeguarding performance</strong> (Pages 3 - 3)');
    expect(page).toContain('The page numbers are estimated from the length of the text');
  });
});
