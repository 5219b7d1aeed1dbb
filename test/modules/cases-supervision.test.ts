/**
 * Supervision through HTTP: recording supervisions, actions carried from one
 * to the next and repeated actions. The set-up is in cases-practice-fixture.ts.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, emailOf, signedIn, type TestContext } from '../helpers/app';
import { dateFields } from '../helpers/forms';
import { homeRows } from '../home/helpers';
import { auditRows as practiceAuditRows, startPracticeApp } from './cases-practice-fixture';

let ctx: TestContext;
let ids: Record<string, string>;

beforeAll(async () => {
  ({ ctx, ids } = await startPracticeApp());
});
afterAll(async () => ctx.close());

const as = (role: string) => signedIn(ctx, emailOf(ctx.org, role));
const auditRows = (action: string, recordId?: string) => practiceAuditRows(ctx, action, recordId);
const date = dateFields;

describe('supervision', () => {
  async function worker(a: Agent, name: string): Promise<string> {
    const page = await a.get('/supervision');
    const match = page.body.match(new RegExp(`value="([0-9a-f-]{36})"[^>]*>${name}`));
    if (!match) throw new Error(`no worker ${name} on the supervision page`);
    return match[1]!;
  }

  function openActionIds(body: string): string[] {
    return [...body.matchAll(/name="previous-([0-9a-f-]{36})"/g)]
      .map((m) => m[1]!)
      .filter((v, i, all) => all.indexOf(v) === i);
  }

  /** The carry-forward field of the open action with this description (its radios follow its legend). */
  function carryIdOf(body: string, description: string): string {
    const match = body.slice(body.indexOf(description)).match(/name="previous-([0-9a-f-]{36})"/);
    if (!match) throw new Error(`no open action ${description}`);
    return match[1]!;
  }

  it("lists only the team's workers to a team manager", async () => {
    const a = await as('team_manager');
    const page = await a.get('/supervision');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Priya Ashdown');
    expect(page.body).toContain('Noor Fairley');
    expect(page.body).not.toContain('Ellis Brandt');
    expect((await (await as('practitioner')).get('/supervision')).statusCode).toBe(403);
  });

  it('carries open actions forward, flags them, and shows an action on the agenda at three supervisions to the service manager', async () => {
    const a = await as('team_manager');
    const noor = await worker(a, 'Noor Fairley');
    const first = await a.get(`/supervision/new?worker=${noor}`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Jonah Quillby');
    expect(first.body).toContain('This is the first supervision');

    const invalid = await a.post('/supervision/new', {
      workerId: noor,
      ...date('heldOn', '2026-09-01'),
      'action-1-description': 'Update the chronology',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Enter the reflection from the supervision');
    expect(invalid.body).toContain('Select who owns action 1');
    expect(invalid.body).toContain('Enter the date action 1 is due');

    ctx.clock.set('2026-09-01T10:00:00Z');
    const s1 = await a.post('/supervision/new', {
      workerId: noor,
      ...date('heldOn', '2026-09-01'),
      personIds: ids.P2,
      reflection: 'Jonah is quieter at school. Noor is worried about weekends.',
      'action-1-description': 'Visit Jonah at a weekend',
      'action-1-owner': 'worker',
      ...date('action-1-due', '2026-09-15'),
      'action-2-description': 'Book the family group conference',
      'action-2-owner': 'supervisor',
      ...date('action-2-due', '2026-09-30'),
    });
    expect(s1.statusCode).toBe(302);
    const s1Page = await a.get(s1.headers.location!);
    expect(s1Page.statusCode, s1Page.body.match(/<h1[^>]*>([^<]*)/)?.[1]).toBe(200);
    expect(s1Page.body).toContain('Visit Jonah at a weekend');
    expect(s1Page.body).toContain('Jonah Quillby');

    // Second supervision: both actions come back; one done, one carried.
    ctx.clock.set('2026-10-01T10:00:00Z');
    const second = await a.get(`/supervision/new?worker=${noor}`);
    const open2 = openActionIds(second.body);
    expect(open2).toHaveLength(2);
    const undecided = await a.post('/supervision/new', {
      workerId: noor,
      ...date('heldOn', '2026-10-01'),
      reflection: 'Second',
    });
    expect(undecided.statusCode).toBe(400);
    // Each undecided action is named, so the two errors can be told apart.
    expect(undecided.body).toContain(
      'Select whether the action “Visit Jonah at a weekend” was done or is carried forward to this supervision',
    );
    expect(undecided.body).toContain(
      'Select whether the action “Book the family group conference” was done or is carried forward',
    );
    const visit = carryIdOf(second.body, 'Visit Jonah at a weekend');
    const booking = carryIdOf(second.body, 'Book the family group conference');
    expect(new Set([visit, booking])).toEqual(new Set(open2));
    // Actions come back in the order they were entered.
    expect(second.body.indexOf('Visit Jonah at a weekend')).toBeLessThan(
      second.body.indexOf('Book the family'),
    );
    const s2 = await a.post('/supervision/new', {
      workerId: noor,
      ...date('heldOn', '2026-10-01'),
      reflection: 'Second',
      [`previous-${visit}`]: 'carry',
      [`previous-${booking}`]: 'done',
    });
    expect(s2.statusCode).toBe(302);
    const s2Page = await a.get(s2.headers.location!);
    expect(s2Page.body).toContain('Carried');
    expect(s2Page.body).toContain('Earlier actions reviewed at this supervision');

    // Third: the visit is carried again and is now on the agenda at three supervisions.
    ctx.clock.set('2026-11-02T10:00:00Z');
    const third = await a.get(`/supervision/new?worker=${noor}`);
    const open3 = openActionIds(third.body);
    expect(open3).toHaveLength(1);
    expect(third.body).toContain('on the agenda at 2 supervisions so far');
    const s3 = await a.post('/supervision/new', {
      workerId: noor,
      ...date('heldOn', '2026-11-02'),
      reflection: 'Third',
      [`previous-${open3[0]}`]: 'carry',
    });
    expect(s3.statusCode).toBe(302);
    const s3Page = await a.get(s3.headers.location!);
    expect(s3Page.body).toContain('On the agenda 3 times');
    expect(s3Page.body).toContain('Overdue');

    const service = await as('service_manager');
    const repeated = await service.get('/supervision/repeated');
    expect(repeated.statusCode).toBe(200);
    expect(repeated.body).toContain('Visit Jonah at a weekend');
    expect(repeated.body).toContain('Noor Fairley');
    expect(repeated.body).not.toContain('Book the family group conference');
    // The team manager sees the same action, as one of their team's.
    const teamRepeated = await a.get('/supervision/repeated');
    expect(teamRepeated.statusCode).toBe(200);
    expect(teamRepeated.body).toContain('Visit Jonah at a weekend');
    expect(teamRepeated.body).toContain('in your team');

    // Marked done between supervisions, it leaves the service manager's list.
    const actionId = s3Page.body.match(/\/actions\/([0-9a-f-]{36})\/done/)![1]!;
    const done = await a.post(`${s3.headers.location}/actions/${actionId}/done`);
    expect(done.statusCode).toBe(302);
    expect((await service.get('/supervision/repeated')).body).not.toContain('Visit Jonah at a weekend');
    const again = await a.post(`${s3.headers.location}/actions/${actionId}/done`);
    expect(again.statusCode).toBe(400);
    ctx.clock.set('2026-11-16T09:00:00Z');
  });

  it('refuses a supervision of a worker outside the team, and a child not allocated to the worker', async () => {
    const a = await as('team_manager');
    const service = await as('service_manager');
    const ellis = await worker(service, 'Ellis Brandt');
    expect((await a.get(`/supervision/new?worker=${ellis}`)).statusCode).toBe(404);
    const priya = await worker(a, 'Priya Ashdown');
    const res = await a.post('/supervision/new', {
      workerId: priya,
      ...date('heldOn', '2026-11-16'),
      reflection: 'x',
      personIds: ids.P2,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Select only children allocated to Priya Ashdown');
    // A supervision dated before the last one says when that was, as a GOV.UK date.
    const noor = await worker(a, 'Noor Fairley');
    const early = await a.post('/supervision/new', {
      workerId: noor,
      ...date('heldOn', '2026-10-20'),
      reflection: 'x',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('on or after the last supervision of Noor Fairley, on 2 November 2026');
  });

  it("shows a team manager when each worker's supervision is due, filtered as the home page counts them", async () => {
    const a = await as('team_manager');
    // Noor was last supervised on 2 November: due 2 December. Priya has no supervision recorded.
    const all = await a.get('/supervision');
    expect(all.body).toContain('When each worker');
    const noor = await worker(a, 'Noor Fairley');
    const priya = await worker(a, 'Priya Ashdown');
    const rowOf = (body: string, id: string) => {
      const start = body.indexOf(`data-worker="${id}"`);
      return start === -1 ? '' : body.slice(start, body.indexOf('</tr>', start));
    };
    expect(rowOf(all.body, noor)).toContain('2 December 2026');
    expect(rowOf(all.body, priya)).toContain('Needed now');
    const overdue = await a.get('/supervision?due=overdue');
    expect(rowOf(overdue.body, priya)).toContain('None recorded');
    expect(rowOf(overdue.body, noor)).toBe('');
    ctx.clock.set('2026-11-26T09:00:00Z');
    try {
      // Signed in afresh: ten days on, the first session has timed out.
      const later = await as('team_manager');
      const soon = await later.get('/supervision?due=due-soon');
      expect(rowOf(soon.body, noor)).toContain('Due soon');
      expect(rowOf(soon.body, priya)).toBe('');
      const rows = homeRows((await later.get('/')).body);
      expect(rows.get('Workers whose supervision is due in the next 7 days')?.count).toBe(1);
      expect(rows.get('Workers whose monthly supervision is overdue, or who have none recorded')?.href).toBe(
        '/supervision?due=overdue',
      );
    } finally {
      ctx.clock.set('2026-11-16T09:00:00Z');
    }
  });

  it('gives a practitioner the actions from their own supervision, and only theirs', async () => {
    const manager = await as('team_manager');
    const priya = await worker(manager, 'Priya Ashdown');
    ctx.clock.set('2026-11-02T10:00:00Z');
    const saved = await manager.post('/supervision/new', {
      workerId: priya,
      ...date('heldOn', '2026-11-02'),
      reflection: 'Workload is high.',
      'action-1-description': 'Write up the visit to Amara',
      'action-1-owner': 'worker',
      ...date('action-1-due', '2026-11-09'),
      'action-2-description': 'Ask for a second worker for the court work',
      'action-2-owner': 'supervisor',
      ...date('action-2-due', '2026-11-09'),
      'action-3-description': 'Read the new missing protocol',
      'action-3-owner': 'worker',
      ...date('action-3-due', '2026-12-01'),
    });
    expect(saved.statusCode).toBe(302);
    ctx.clock.set('2026-11-16T09:00:00Z');
    const practitioner = await as('practitioner');
    const rows = homeRows((await practitioner.get('/')).body);
    const overdue = rows.get('Actions from your supervision that are past their due date');
    expect(overdue?.count).toBe(1);
    expect(rows.get('Actions from your supervision still to do')?.count).toBe(2);
    const list = await practitioner.get(overdue!.href);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Write up the visit to Amara');
    expect(list.body).not.toContain('Read the new missing protocol');
    // The supervisor's own action, and Noor's, are not hers.
    const everything = (await practitioner.get('/supervision/my-actions')).body;
    expect(everything).toContain('Read the new missing protocol');
    expect(everything).not.toContain('Ask for a second worker');
    expect(everything).not.toContain('Visit Jonah at a weekend');
    expect((await auditRows('supervision.my-actions')).length).toBeGreaterThan(0);
    // A service manager has no supervision of their own to act on.
    expect((await (await as('service_manager')).get('/supervision/my-actions')).statusCode).toBe(403);
  });

  it('keeps action outcomes append-only', async () => {
    const db = ctx.oversight.database.db;
    await expect(db.execute(sql`update supervision_action_outcomes set outcome = 'done'`)).rejects.toThrow();
  });
});
