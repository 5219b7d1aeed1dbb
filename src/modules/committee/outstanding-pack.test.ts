/**
 * The committee's outstanding actions and the glossary in a published pack:
 * the "Outstanding actions" item carries the list as it stood at
 * publication (open actions, and completed ones once), the glossary ends
 * the public pack with the acronyms the pack uses, and neither changes when
 * an action is later updated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  agent,
  emailOf,
  signedIn,
  startTestApp,
  type TestContext,
} from '../../../test/helpers/app';
import { allModules } from '../../app';
import type { AuditContext } from '../../platform/audit/service';
import type { Actor } from '../../platform/permissions';
import * as plans from '../plans/service';
import * as committee from './service';

let ctx: TestContext;
let clerkAgent: Agent;
let clerk: Actor;
let earlierId: string;
let meetingId: string;
const ids: Record<string, string> = {};
const NAME = 'Safeguarding Sub-Committee';

const auditAt = (a: Actor): AuditContext => ({
  organisationId: a.organisationId,
  userId: a.userId,
  ip: null,
  userAgent: null,
  requestId: null,
  at: ctx.clock.now(),
});
const NO_EVIDENCE = { text: null, link: null, file: null };

beforeAll(async () => {
  ctx = await startTestApp();
  const role = 'committee_clerk';
  clerk = {
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
  clerkAgent = await signedIn(ctx, emailOf(ctx.org, role));
  const db = ctx.oversight.database.db;
  const committeeId = await committee.createCommittee(db, clerk, auditAt(clerk), {
    name: NAME,
    parentId: null,
    memberCount: 7,
    quorum: 3,
    duties: ['To oversee safeguarding'],
    frequency: 'Quarterly',
    clerkUserId: clerk.userId,
  });
  const meeting = (date: string) =>
    committee.createMeeting(db, clerk, auditAt(clerk), committeeId, {
      date,
      startTime: '14:00',
      venue: 'Committee Room 1',
      virtualLink: null,
      recordingLink: null,
    });
  earlierId = await meeting('2026-12-01');
  meetingId = await meeting('2027-03-02');
  for (const m of [earlierId, meetingId]) await committee.addStandardItems(db, clerk, auditAt(clerk), m);
  for (const [key, text] of [
    ['open', 'Report the CP visit figures by team'],
    ['doneBefore', 'Circulate the practice standards briefing'],
    ['doneAfter', 'Bring the step-down audit findings'],
  ] as const)
    ids[key] = (
      await plans.addOutstandingAction(db, clerk, auditAt(clerk), {
        committeeName: NAME,
        action: text,
        dateAdded: '2026-09-08',
        agendaItem: 'Item 5: Safeguarding performance',
        officer: 'Head of Quality Assurance',
        targetDate: '2027-01-31',
      })
    ).actionId;
  await plans.completeAction(db, clerk, auditAt(clerk), ids.doneBefore!, {
    completedOn: '2026-11-10',
    evidence: { ...NO_EVIDENCE, text: 'Briefing sent to members' },
    note: null,
  });
  for (const [acronym, meaning] of [
    ['CP', 'Child protection'],
    ['LADO', 'Local authority designated officer'],
    ['CIN', 'Child in need'],
  ])
    await clerkAgent.post('/committee-business/glossary', { acronym, meaning });
}, 60_000);

afterAll(() => ctx?.close());

describe('outstanding actions and the glossary in a published pack', () => {
  it('the earlier meeting’s pack lists every action, the one completed shown as completed', async () => {
    expect((await clerkAgent.post(`/committee-business/meetings/${earlierId}/publish`)).statusCode).toBe(302);
    const pack = await clerkAgent.get(`/committee-business/meetings/${earlierId}/packs/1/public`);
    expect(pack.body).toContain('Report the CP visit figures by team');
    expect(pack.body).toContain('Circulate the practice standards briefing');
    expect(pack.body).toContain('Completed on 10 November 2026');
    // No glossary was chosen for this meeting.
    expect(pack.body).not.toContain('id="glossary"');
  });

  it('the next pack shows open actions and those completed since, with the glossary of acronyms it uses', async () => {
    const db = ctx.oversight.database.db;
    ctx.clock.set('2026-12-20T10:00:00Z');
    clerkAgent = await signedIn(ctx, emailOf(ctx.org, 'committee_clerk'));
    await plans.completeAction(db, clerk, auditAt(clerk), ids.doneAfter!, {
      completedOn: '2026-12-18',
      evidence: { ...NO_EVIDENCE, text: 'Findings reported' },
      note: null,
    });
    await plans.addUpdate(db, clerk, auditAt(clerk), ids.open!, {
      date: '2026-12-19',
      progress: 'Figures drafted with the LADO',
      focus: null,
      rag: 'amber',
      reason: 'Waiting for the team figures',
      evidence: NO_EVIDENCE,
    });
    const bad = await clerkAgent.post(`/committee-business/meetings/${meetingId}/glossary`, {
      glossary: 'some',
    });
    expect(bad.statusCode).toBe(400);
    const chose = await clerkAgent.post(`/committee-business/meetings/${meetingId}/glossary`, {
      glossary: 'used',
    });
    expect(chose.statusCode).toBe(302);
    expect((await clerkAgent.get(`/committee-business/meetings/${meetingId}`)).body).toMatch(
      /name="glossary" type="radio" value="used" checked/,
    );
    ctx.clock.set('2027-02-20T10:00:00Z');
    clerkAgent = await signedIn(ctx, emailOf(ctx.org, 'committee_clerk'));
    expect((await clerkAgent.post(`/committee-business/meetings/${meetingId}/publish`)).statusCode).toBe(302);
    const pack = await clerkAgent.get(`/committee-business/meetings/${meetingId}/packs/1/public`);
    const body = pack.body;
    expect(body).toContain('Outstanding actions of the Safeguarding Sub-Committee, as at 20 February 2027');
    expect(body).toMatch(
      /Report the CP visit figures by team<\/td><td class="govuk-table__cell">Meeting of 8 September 2026, Item 5: Safeguarding performance<\/td><td class="govuk-table__cell">Head of Quality Assurance<\/td><td class="govuk-table__cell">31 January 2027<\/td><td class="govuk-table__cell">Amber<\/td><td class="govuk-table__cell">19 December 2026: Figures drafted with the LADO<\/td>/,
    );
    expect(body).toContain('Bring the step-down audit findings');
    expect(body).toContain('Completed on 18 December 2026');
    // Completed before the previous list was published: shown there, gone now.
    expect(body).not.toContain('Circulate the practice standards briefing');
    // The agenda gives the item its pages, and the glossary is the last section.
    expect(body).toMatch(/4\. Outstanding actions<\/strong> \(Pages 3 - 3\)/);
    const glossary = body.slice(body.indexOf('id="glossary"'));
    expect(glossary).toContain('Acronyms used in this pack');
    expect(glossary).toContain('Local authority designated officer');
    expect(glossary).toContain('Child protection');
    expect(glossary).not.toContain('Child in need');
    expect(body.indexOf('id="glossary"')).toBeGreaterThan(body.indexOf('Bring the step-down audit findings'));
  });

  it('is unchanged after an action is later updated and the glossary changes', async () => {
    const db = ctx.oversight.database.db;
    const before = (await clerkAgent.get(`/committee-business/meetings/${meetingId}/packs/1/public`)).body;
    ctx.clock.set('2027-02-25T10:00:00Z');
    clerkAgent = await signedIn(ctx, emailOf(ctx.org, 'committee_clerk'));
    await plans.addUpdate(db, clerk, auditAt(clerk), ids.open!, {
      date: '2027-02-24',
      progress: 'Figures now complete for every team',
      focus: null,
      rag: 'green',
      reason: 'Team figures in',
      evidence: NO_EVIDENCE,
    });
    await clerkAgent.post('/committee-business/glossary', {
      acronym: 'IRO',
      meaning: 'Independent reviewing officer',
    });
    const after = (await clerkAgent.get(`/committee-business/meetings/${meetingId}/packs/1/public`)).body;
    expect(after).not.toContain('Figures now complete for every team');
    expect(after).toContain('19 December 2026: Figures drafted with the LADO');
    const packOf = (html: string) => html.slice(html.indexOf('id="front-sheet"'), html.indexOf('</main>'));
    expect(packOf(after)).toBe(packOf(before));
  });

  it('puts the list and the glossary on the public site too', async () => {
    const visitor = agent(ctx);
    const page = await visitor.get(`/committees/oak/meetings/${meetingId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bring the step-down audit findings');
    expect(page.body).toContain('Local authority designated officer');
  });
});
