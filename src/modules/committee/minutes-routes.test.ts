/**
 * Minutes through the pages: only the clerk drafts them, item by item, once
 * the meeting is held; an action agreed goes to the committee's outstanding
 * actions list; an election records its result and changes the roles;
 * disclosure control blocks a child's name in the public minutes; approval at
 * the next meeting freezes them; the public sees Part 1 only, a member of the
 * committee the non-public summary too (audited).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  emailOf,
  agent as publicAgent,
  signedIn,
  startTestApp,
  type TestContext,
} from '../../../test/helpers/app';
import { allModules } from '../../app';
import type { AuditContext } from '../../platform/audit/service';
import { rawRows } from '../../platform/db/client';
import type { Actor, Role } from '../../platform/permissions';
import { casePeople } from '../cases/schema';
import { addElectionItems } from './elections-service';
import * as repo from './repository';
import * as committee from './service';

let ctx: TestContext;
let clerk: Agent;
let member: Agent;
let manager: Agent;
let meetingId: string;
let nextMeetingId: string;
let committeeId: string;
const ids: Record<string, string> = {};

function actorFor(role: Role): Actor {
  return {
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
  };
}
const at = (a: Actor): AuditContext => ({
  organisationId: a.organisationId,
  userId: a.userId,
  ip: null,
  userAgent: null,
  requestId: null,
  at: ctx.clock.now(),
});
const date = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};
const minutesOf = (item: string) => `/committee-business/meetings/${meetingId}/minutes/items/${ids[item]}`;

beforeAll(async () => {
  ctx = await startTestApp();
  const db = ctx.oversight.database.db;
  await db.insert(casePeople).values({
    organisationId: ctx.org.organisationId,
    sourceId: 'P-7781',
    rowHash: 'test',
    forename: 'Tamsin',
    surname: 'Quarrie',
    dateOfBirth: '2013-06-02',
  });
  const c = actorFor('committee_clerk');
  committeeId = await committee.createCommittee(db, c, at(c), {
    name: 'Safeguarding Sub-Committee',
    parentId: null,
    memberCount: 7,
    quorum: 3,
    duties: ['To oversee safeguarding'],
    frequency: 'Quarterly',
    clerkUserId: c.userId,
  });
  await committee.addMember(db, c, at(c), committeeId, {
    userId: ctx.org.userIds.committee_member,
    role: 'member',
    termStart: '2026-01-01',
    termEnd: null,
  });
  const meeting = async (day: string) => {
    const id = await committee.createMeeting(db, c, at(c), committeeId, {
      date: day,
      startTime: '14:00',
      venue: 'Committee Room 2',
      virtualLink: null,
      recordingLink: null,
    });
    await committee.addStandardItems(db, c, at(c), id);
    return id;
  };
  meetingId = await meeting('2026-09-10');
  await addElectionItems(db, c, at(c), meetingId);
  for (const [part, title] of [
    [1, 'Safeguarding performance report'],
    [2, 'Practice review update'],
  ] as const)
    await committee.addItem(db, c, at(c), meetingId, {
      title,
      part,
      paragraphs: part === 2 ? [1, 2] : [],
      purpose: 'information',
      fromOfficer: 'Director of Children’s Services',
    });
  for (const i of (await committee.getMeeting(db, c, at(c), meetingId)).items)
    ids[i.standard ?? (i.part === 1 ? 'report' : 'private')] = i.id;
  nextMeetingId = await meeting('2026-11-12');
  clerk = await signedIn(ctx, emailOf(ctx.org, 'committee_clerk'));
  member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
  manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
}, 240_000);

afterAll(() => ctx?.close());

describe('drafting minutes', () => {
  it('puts the elections after the apologies, and keeps them there when the standard items are added again', async () => {
    const db = ctx.oversight.database.db;
    const c = actorFor('committee_clerk');
    await committee.addStandardItems(db, c, at(c), meetingId);
    const { items } = await committee.getMeeting(db, c, at(c), meetingId);
    expect(items.slice(0, 4).map((i) => i.standard)).toEqual([
      'apologies',
      'election-chairman',
      'election-deputy',
      'declarations',
    ]);
    expect(new Set(items.map((i) => i.position)).size).toBe(items.length);
  });

  it('cannot start before the meeting is held', async () => {
    const res = await clerk.post(minutesOf('report'), { discussion: 'Too early' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Mark the meeting as held before drafting its minutes');
    // The test stands in for the meeting having been published and held.
    await repo.updateMeeting(ctx.oversight.database.db, ctx.org.organisationId, meetingId, {
      status: 'held',
    });
  });

  it('is for the clerk only: a member and a service manager are refused', async () => {
    expect((await member.get(minutesOf('report'))).statusCode).toBe(403);
    expect((await manager.post(minutesOf('report'), { discussion: 'x' })).statusCode).toBe(403);
    expect((await member.get(`/committee-business/meetings/${meetingId}/minutes`)).body).toContain(
      'have not been approved yet',
    );
  });

  it('refuses an action without its officer, then raises it on the outstanding actions list', async () => {
    const bad = await clerk.post(minutesOf('report'), {
      discussion: 'Members asked about visits to Tamsin Quarrie.',
      resolutions: 'That the report be noted',
      actionDescription: 'Report on late visits',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the officer who owns the action');
    const ok = await clerk.post(minutesOf('report'), {
      discussion: 'Members asked about visits to Tamsin Quarrie.',
      resolutions: 'That the report be noted\n2. That officers report again in March',
      actionDescription: 'Report on late visits by team',
      actionOfficer: 'Head of Service, Children in Care',
      ...date('dueDate', '2027-03-01'),
    });
    expect(ok.statusCode).toBe(302);
    const planned = await rawRows<{ action: string; agenda_item: string; end_date: string }>(
      ctx.oversight.database.db,
      sql`select a.action, a.agenda_item, a.end_date::text from plan_actions a join plans p on p.id = a.home_plan_id
          where p.type = 'committee_outstanding' and p.organisation_id = ${ctx.org.organisationId}`,
    );
    expect(planned).toEqual([
      {
        action: 'Report on late visits by team',
        agenda_item: expect.stringMatching(/^Item \d+: Safeguarding performance report$/),
        end_date: '2027-03-01',
      },
    ]);
    // An action with no due date and no resolution, under a procedural item (blank fields are blank, not missing).
    const undated = await clerk.post(minutesOf('apologies'), {
      discussion: 'There were no apologies.',
      resolutions: '',
      actionDescription: 'Send members the list of training dates',
      actionOfficer: 'Principal Social Worker',
      'dueDate-day': '',
      'dueDate-month': '',
      'dueDate-year': '',
    });
    expect(undated.statusCode).toBe(302);
    const after = await clerk.get(`/committee-business/meetings/${meetingId}/minutes`);
    expect(after.body).toContain('Check and approve');
    // Saved again without a new action: the action is kept, not raised twice.
    await clerk.post(minutesOf('report'), {
      discussion: 'Members asked about visits to Tamsin Quarrie.',
      resolutions: 'That the report be noted',
    });
    const page = await clerk.get(`/committee-business/meetings/${meetingId}/minutes`);
    expect(page.body).toContain('RESOLVED – That the report be noted.');
    expect(page.body).toContain('Report on late visits by team');
    const [meeting] = await rawRows<{ status: string }>(
      ctx.oversight.database.db,
      sql`select status from committee_meetings where id = ${meetingId}`,
    );
    expect(meeting!.status).toBe('minutes_draft');
    const audit = await rawRows<{ detail: string }>(
      ctx.oversight.database.db,
      sql`select detail from access_audit where action = 'committee.minutes.item' order by at, id`,
    );
    expect(audit[0]!.detail).toMatch(/, action raised$/);
  });

  it('records the election of the chairman and changes the roles from the day of the meeting', async () => {
    const bad = await clerk.post(`/committee-business/items/${ids['election-chairman']}/election`, {
      userId: ctx.org.userIds.practitioner,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose a member of the committee on the day of the meeting');
    const ok = await clerk.post(`/committee-business/items/${ids['election-chairman']}/election`, {
      userId: ctx.org.userIds.committee_member,
      ...date('termEnd', '2027-04-30'),
    });
    expect(ok.statusCode).toBe(302);
    const seats = await rawRows<{ role: string; term_start: string; term_end: string | null }>(
      ctx.oversight.database.db,
      sql`select role, term_start::text, term_end::text from committee_members where committee_id = ${committeeId} order by term_start`,
    );
    expect(seats).toEqual([
      { role: 'member', term_start: '2026-01-01', term_end: '2026-09-09' },
      { role: 'chairman', term_start: '2026-09-10', term_end: '2027-04-30' },
    ]);
    const again = await clerk.post(`/committee-business/items/${ids['election-chairman']}/election`, {
      userId: ctx.org.userIds.committee_member,
    });
    expect(again.body).toContain('already recorded');
    await clerk.post(minutesOf('private'), { discussion: 'The review panel met twice in confidence.' });
    const page = await clerk.get(`/committee-business/meetings/${meetingId}/minutes`);
    expect(page.body).toMatch(/was elected Chairman from 10 September 2026 to 30 April 2027/);
  });
});

describe('members’ questions', () => {
  const questions = (item: string) => `${minutesOf(item)}/questions`;

  it('records a question with its answer, one to follow, and one answered after the meeting; the clerk changes and removes them', async () => {
    expect((await member.get(questions('report'))).statusCode).toBe(403);
    expect(
      (await manager.post(`${questions('report')}/new`, { askedBy: 'x', question: 'y' })).statusCode,
    ).toBe(403);
    const bad = await clerk.post(`${questions('report')}/new`, {
      askedBy: 'Councillor Example',
      question: 'How many visits were late in North?',
      answer: 'Eleven, all now done.',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter who answered');
    expect(bad.body).toContain('govuk-error-summary');
    const after = await clerk.post(`${questions('report')}/new`, {
      askedBy: 'Councillor Example',
      question: 'When will the audit of visits report?',
      afterMeeting: 'yes',
    });
    expect(after.body).toContain('Enter the answer given after the meeting');
    for (const body of [
      {
        askedBy: 'Councillor Example',
        question: 'How many visits were late in North?',
        answer: 'Eleven, all now done.',
        answeredBy: 'Head of Service, Children in Care',
      },
      { askedBy: 'Councillor Sample', question: 'Is the new team fully staffed?' },
      { askedBy: 'Councillor Third', question: 'A question withdrawn at the meeting' },
    ])
      expect((await clerk.post(`${questions('report')}/new`, body)).statusCode).toBe(302);
    // The answer to the second came in writing after the meeting.
    const changed = await clerk.post(`${questions('report')}/2`, {
      askedBy: 'Councillor Sample',
      question: 'Is the new team fully staffed?',
      answer: 'Yes, from 1 October.',
      answeredBy: 'Director of Children’s Services',
      afterMeeting: 'yes',
    });
    expect(changed.statusCode).toBe(302);
    expect((await clerk.post(`${questions('report')}/3/remove`, {})).statusCode).toBe(302);
    expect((await clerk.post(`${questions('report')}/3/remove`, {})).statusCode).toBe(404);
    expect((await clerk.get(`${questions('report')}/9`)).statusCode).toBe(404);
    await clerk.post(`${questions('private')}/new`, {
      askedBy: 'Councillor Example',
      question: 'Who chaired the review panel?',
    });
    const list = await clerk.get(questions('report'));
    expect(list.body).toContain('Q2: Councillor Sample');
    expect(list.body).not.toContain('withdrawn');
    const draft = await clerk.get(`/committee-business/meetings/${meetingId}/minutes`);
    expect(draft.body).toContain('Answer (Head of Service, Children in Care):');
    expect(draft.body).toContain('Answer (Director of Children’s Services), given after the meeting:');
    const audit = await rawRows<{ detail: string }>(
      ctx.oversight.database.db,
      sql`select detail from access_audit where action = 'committee.minutes.question' order by at, id`,
    );
    expect(audit.map((a) => a.detail.replace(/^item \d+, /, ''))).toEqual([
      'question added',
      'question added',
      'question added',
      'question Q2 changed',
      'question Q3 removed',
      'question added',
    ]);
  });
});

describe('approving minutes', () => {
  const approve = `/committee-business/meetings/${'{id}'}/minutes/approve`;
  const url = () => approve.replace('{id}', meetingId);

  it('blocks a child’s name in the public minutes and says where', async () => {
    const check = await clerk.get(url());
    expect(check.body).toContain('Minutes, item');
    expect(check.body).toContain('Tamsin Quarrie');
    expect(check.body).toContain('Approval is blocked');
    const res = await clerk.post(url(), { how: 'at_meeting' });
    expect(res.statusCode).toBe(400);
  });

  it('refuses a chairman’s approval dated before the meeting', async () => {
    await clerk.post(minutesOf('report'), {
      discussion: 'Members asked about visits to children on plans.',
      resolutions: 'That the report be noted',
    });
    const res = await clerk.post(url(), { how: 'chairman', ...date('date', '2026-09-01') });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('between the date of the meeting and today');
  });

  it('approves at the next meeting, freezing the minutes', async () => {
    const res = await clerk.post(url(), { how: 'at_meeting' });
    expect(res.statusCode).toBe(302);
    const page = await clerk.get(`/committee-business/meetings/${meetingId}/minutes`);
    expect(page.body).toContain('Approved on 12 November 2026 at the committee’s next meeting');
    const again = await clerk.post(minutesOf('report'), { discussion: 'A change' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('The minutes are approved');
    const error = await ctx.oversight.database.db
      .execute(sql`update committee_approved_minutes set approved_on = '2026-01-01'`)
      .then(() => undefined)
      .catch((e: Error & { cause?: Error }) => e);
    expect(`${error?.message} ${error?.cause?.message}`).toContain(
      'committee_approved_minutes is append-only',
    );
    expect(nextMeetingId).toBeTruthy();
  });

  it('shows the public Part 1 only; a member of the committee reads the non-public summary too, audited', async () => {
    const visitor = publicAgent(ctx);
    const pub = await visitor.get(`/committees/oak/meetings/${meetingId}/minutes`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('Members asked about visits to children on plans.');
    expect(pub.body).toContain('Practice review update'); // listed by its title
    expect(pub.body).not.toContain('review panel met twice');
    expect(pub.body).not.toContain('Tamsin');
    expect(pub.body).toContain('Yes, from 1 October.');
    expect(pub.body).not.toContain('Who chaired the review panel?');

    expect((await visitor.get(`/committees/oak/meetings/${nextMeetingId}/minutes`)).statusCode).toBe(404);
    expect((await visitor.get(`/committees/wst/meetings/${meetingId}/minutes`)).statusCode).toBe(404);
    const mine = await member.get(`/committee-business/meetings/${meetingId}/minutes`);
    expect(mine.body).toContain('review panel met twice');
    expect(mine.body).toContain('Who chaired the review panel?');
    const sm = await manager.get(`/committee-business/meetings/${meetingId}/minutes`);
    expect(sm.body).toContain('Members asked about visits to children on plans.');
    expect(sm.body).not.toContain('review panel met twice');
    const audit = await rawRows<{ user_id: string }>(
      ctx.oversight.database.db,
      sql`select user_id from access_audit where action = 'committee.minutes.non-public.read'`,
    );
    expect(audit.map((a) => a.user_id)).toContain(ctx.org.userIds.committee_member);
    expect(audit.map((a) => a.user_id)).not.toContain(ctx.org.userIds.service_manager);
  });
});

describe('private notes on the papers', () => {
  const notes = () => `/committee-business/meetings/${meetingId}/notes`;

  it('a member writes notes that only they read, on Part 2 papers too; the audit holds no text', async () => {
    const long = await member.post(`${notes()}/${ids.report}`, { note: 'x'.repeat(5001) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('The note must be 5000 characters or fewer');
    expect(
      (await member.post(`${notes()}/${ids.report}`, { note: 'Ask about the late visits in North' }))
        .statusCode,
    ).toBe(302);
    expect(
      (await member.post(`${notes()}/${ids.private}`, { note: 'Ask who sits on the panel' })).statusCode,
    ).toBe(302);
    const mine = await member.get(notes());
    expect(mine.body).toContain('Ask about the late visits in North');
    expect(mine.body).toContain('Ask who sits on the panel');
    const theirs = await clerk.get(notes());
    expect(theirs.body).not.toContain('Ask about the late visits');
    // A reader who may not read Part 2 papers cannot note them.
    expect((await manager.post(`${notes()}/${ids.private}`, { note: 'x' })).statusCode).toBe(404);
    const audit = await rawRows<{ action: string; detail: string | null }>(
      ctx.oversight.database.db,
      sql`select action, detail from access_audit where action like 'committee.note.%' order by at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['committee.note.save', 'committee.note.save']);
    expect(JSON.stringify(audit)).not.toContain('late visits');
    // An empty note deletes it.
    await member.post(`${notes()}/${ids.report}`, { note: '' });
    expect((await member.get(notes())).body).not.toContain('Ask about the late visits');
  });
});
