/** Administration pages: the access audit, the calendar and the roles page (the outbox is tested with the invitations that fill it, in admin.test.ts). */
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/platform/audit/service';
import { nonWorkingDaysFor } from '../../src/platform/calendar/service';
import { today } from '../../src/platform/clock';
import { rawRows } from '../../src/platform/db/client';
import { auditActions } from '../helpers/admin';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

const db = () => ctx.oversight.database.db;
const admin = () => signedIn(ctx, emailOf(ctx.org, 'administrator'));

function eventRecordIds(body: string): number[] {
  return [...body.matchAll(/<span class="app-reference">CHILD-(\d{3})<\/span>/g)].map((m) => Number(m[1]));
}

describe('access audit page', () => {
  const base = Date.parse('2026-10-01T12:00:00Z');

  beforeAll(async () => {
    // 60 events a day apart (1 October to 29 November), plus one from another organisation.
    for (let i = 0; i < 60; i++) {
      await recordAudit(
        db(),
        {
          organisationId: ctx.org.organisationId,
          userId: ctx.org.userIds.practitioner,
          ip: '192.0.2.10',
          userAgent: i === 59 ? '=HYPERLINK("http://attacker.example")' : 'test agent',
          requestId: null,
          at: new Date(base + i * 86_400_000),
        },
        { action: 'child.view', recordType: 'child', recordId: `CHILD-${String(i).padStart(3, '0')}` },
      );
    }
    await recordAudit(
      db(),
      {
        organisationId: ctx.other.organisationId,
        userId: ctx.other.userIds.practitioner,
        ip: null,
        userAgent: null,
        requestId: null,
        at: new Date(base),
      },
      { action: 'child.view', recordType: 'child', recordId: 'WESTBROOK-CHILD' },
    );
  });

  it('shows events newest first, 50 to a page, and records each reading', async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const first = await a.get('/admin/audit?action=child.view');
    expect(first.statusCode).toBe(200);
    const ids = eventRecordIds;
    const page1 = ids(first.body);
    expect(page1).toHaveLength(50);
    expect(page1[0]).toBe(59);
    expect(page1[49]).toBe(10);
    expect(first.body).toContain('Showing 1 to 50 of 60');
    expect(first.body).not.toContain('WESTBROOK-CHILD');
    const second = await a.get('/admin/audit?action=child.view&page=2');
    expect(ids(second.body)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    // Each page of the list has its own title.
    expect(first.body).toContain('<title>Access audit, page 1 of 2 – Oversight</title>');
    expect(second.body).toContain('<title>Access audit, page 2 of 2 – Oversight</title>');

    const [reads] = await rawRows<{ n: number; detail: string }>(
      db(),
      sql`select count(*)::int as n, max(detail) as detail from access_audit
          where action = 'audit.view' and user_id = ${ctx.org.userIds.senior_leader}`,
    );
    expect(reads!.n).toBe(2);
    expect(reads!.detail).toBe('action=child.view; page=2');
  });

  it('filters by dates (London days), person, action family, record type and record id', async () => {
    const a = await admin();
    const ids = eventRecordIds;
    expect(ids((await a.get('/admin/audit?action=child&from=5/10/2026&to=2026-10-07')).body)).toEqual([
      6, 5, 4,
    ]);
    expect(ids((await a.get('/admin/audit?recordType=child&recordId=CHILD-042')).body)).toEqual([42]);
    const byPerson = await a.get(
      `/admin/audit?user=${ctx.org.userIds.practitioner}&action=child.view&from=28/11/2026`,
    );
    expect(ids(byPerson.body)).toEqual([59, 58]);
    const nobody = await a.get(`/admin/audit?user=${ctx.org.userIds.qa_officer}&action=child.view`);
    expect(ids(nobody.body)).toEqual([]);
    expect(nobody.body).toContain('No events match the filters');
    expect(ids((await a.get('/admin/audit?action=child.vie')).body)).toEqual([]);
  });

  it('takes the date range in GOV.UK date inputs, and shows the dates of a link in them', async () => {
    const a = await admin();
    const ids = eventRecordIds;
    const boxes = await a.get(
      '/admin/audit?action=child&from-day=5&from-month=10&from-year=2026&to-day=7&to-month=10&to-year=2026',
    );
    expect(ids(boxes.body)).toEqual([6, 5, 4]);
    expect(boxes.body).toContain('name="from-day"');
    expect(boxes.body).not.toContain('1/11/2026');
    // A page link carries ISO dates: the boxes show them as day, month and year.
    const linked = await a.get('/admin/audit?action=child&from=2026-10-05');
    expect(linked.body).toMatch(/name="from-day"[^>]*value="5"|value="5"[^>]*name="from-day"/);
    expect(linked.body).toMatch(/name="from-year"[^>]*value="2026"|value="2026"[^>]*name="from-year"/);
    const bad = await a.get('/admin/audit?from-day=31&from-month=2&from-year=2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Date from must be a real date');
    const part = await a.get('/admin/audit?to-day=3&to-year=2026');
    expect(part.body).toContain('Date to must include a month');
  });

  it('says what is wrong with a filter it cannot read', async () => {
    const a = await admin();
    const bad = await a.get('/admin/audit?from=31/2/2026&to=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Date from must be a real date');
    expect(bad.body).toContain('Date to must be a real date');
    const backwards = await a.get('/admin/audit?from=10/10/2026&to=1/10/2026');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('Date to must be the same as or after date from');
    expect((await a.get('/admin/audit/export.csv?from=nonsense')).statusCode).toBe(400);
  });

  it('exports the filtered events as CSV with a header and a dated file name, safe to open, and audited', async () => {
    const a = await admin();
    const res = await a.get('/admin/audit/export.csv?action=child.view&from=1/11/2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="OFFICIAL-SENSITIVE_access-audit-${today(ctx.clock)}.csv"`,
    );
    const records = parse(res.body) as string[][];
    expect(records[0]).toEqual([
      'Event id',
      'When (UTC)',
      'User id',
      'User name',
      'User email',
      'Action',
      'Record type',
      'Record id',
      'Reason',
      'Detail',
      'Address',
      'User agent',
      'Request id',
    ]);
    const rows = records.slice(1);
    // 1 to 29 November: events 31 to 59.
    expect(rows).toHaveLength(29);
    expect(rows[0]![7]).toBe('CHILD-059');
    expect(rows[28]![7]).toBe('CHILD-031');
    expect(rows[0]![1]).toBe('2026-11-29T12:00:00.000Z');
    expect(rows[0]![3]).toBe('Priya Ashdown');
    expect(rows[0]![4]).toBe(emailOf(ctx.org, 'practitioner'));
    expect(rows[0]![11]).toBe('\'=HYPERLINK("http://attacker.example")');
    expect(rows.every((r) => r[5] === 'child.view')).toBe(true);

    const [event] = await rawRows<{ detail: string }>(
      db(),
      sql`select detail from access_audit where action = 'audit.export' and user_id = ${ctx.org.userIds.administrator}
          order by id desc limit 1`,
    );
    expect(event!.detail).toBe('from=2026-11-01; action=child.view');
  });

  it('exports more events than one batch without losing or repeating any', async () => {
    const at = new Date('2026-09-01T08:00:00Z');
    for (let i = 0; i < 1005; i++) {
      await recordAudit(
        db(),
        {
          organisationId: ctx.org.organisationId,
          userId: null,
          ip: null,
          userAgent: null,
          requestId: null,
          at,
        },
        { action: 'bulk.event', recordId: `B${i}` },
      );
    }
    const a = await admin();
    const rows = (parse((await a.get('/admin/audit/export.csv?action=bulk.event')).body) as string[][]).slice(
      1,
    );
    expect(rows).toHaveLength(1005);
    expect(new Set(rows.map((r) => r[7])).size).toBe(1005);
    expect(rows[0]![7]).toBe('B1004');
  });
});

describe('calendar', () => {
  it('adds a non-working day that working-day sums then skip, and removes it again', async () => {
    const a = await admin();
    const res = await a.post('/admin/calendar', {
      'date-day': '23',
      'date-month': '12',
      'date-year': '2026',
      name: 'Council closure day',
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/admin/calendar?year=2026');
    const page = await a.get('/admin/calendar?year=2026');
    expect(page.body).toContain('Council closure day');
    expect(page.body).toContain('23 December 2026');
    expect(page.body).toContain('Christmas Day');
    expect(await nonWorkingDaysFor(db(), ctx.org.organisationId)).toContain('2026-12-23');
    expect(await nonWorkingDaysFor(db(), ctx.other.organisationId)).not.toContain('2026-12-23');

    const [day] = await rawRows<{ id: string }>(
      db(),
      sql`select id from non_working_days where name = 'Council closure day'`,
    );
    expect(await auditActions(ctx, day!.id)).toEqual(['calendar.add']);
    expect((await a.post(`/admin/calendar/${day!.id}/remove`)).statusCode).toBe(302);
    expect(await nonWorkingDaysFor(db(), ctx.org.organisationId)).not.toContain('2026-12-23');
    expect(await auditActions(ctx, day!.id)).toEqual(['calendar.add', 'calendar.remove']);
  });

  it('refuses a weekend, a day that is already non-working, an unreal date and a missing name', async () => {
    const a = await admin();
    const post = (d: string, m: string, y: string, name = 'Closure') =>
      a.post('/admin/calendar', { 'date-day': d, 'date-month': m, 'date-year': y, name });
    const christmas = await post('25', '12', '2026');
    expect(christmas.statusCode).toBe(400);
    expect(christmas.body).toContain('25 December 2026 is already a non-working day (Christmas Day)');
    expect((await post('21', '11', '2026')).body).toContain('is a weekend day');
    expect((await post('30', '2', '2026')).body).toContain('must be a real date');
    const empty = await post('', '', '', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the date of the non-working day');
    expect(empty.body).toContain('Enter a name for the day');
  });

  it('does not remove a shipped bank holiday or another organisation’s day', async () => {
    const a = await admin();
    const [bank] = await rawRows<{ id: string }>(
      db(),
      sql`select id from non_working_days where organisation_id is null and date = '2026-12-25'`,
    );
    expect((await a.post(`/admin/calendar/${bank!.id}/remove`)).statusCode).toBe(404);
    const westbrook = await signedIn(ctx, emailOf(ctx.other, 'administrator'));
    await westbrook.post('/admin/calendar', {
      'date-day': '24',
      'date-month': '12',
      'date-year': '2026',
      name: 'Westbrook closure',
    });
    const [theirs] = await rawRows<{ id: string }>(
      db(),
      sql`select id from non_working_days where name = 'Westbrook closure'`,
    );
    expect((await a.post(`/admin/calendar/${theirs!.id}/remove`)).statusCode).toBe(404);
    expect((await a.get('/admin/calendar?year=2026')).body).not.toContain('Westbrook closure');
    expect(await nonWorkingDaysFor(db(), ctx.other.organisationId)).toContain('2026-12-24');
  });
});

describe('roles page', () => {
  it('shows every role, what children each may see, and permissions by role', async () => {
    const a = await signedIn(ctx, emailOf(ctx.org, 'senior_leader'));
    const res = await a.get('/admin/roles');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Committee member');
    expect(res.body).toContain('Only children on their own caseload');
    expect(res.body).toContain('No child-level records');
    expect(res.body).toContain('admin.users');
    expect(res.body).toContain('Invite, change, deactivate users and reset their passwords');
    const row = res.body
      .split('<code class="app-reference govuk-body-s">admin.users</code>')[1]!
      .split('</tr>')[0]!;
    // Nine role columns; only the administrator (the last) holds admin.users.
    expect([...row.matchAll(/<td class="govuk-table__cell">(.*?)<\/td>/g)].map((m) => m[1])).toEqual([
      ...Array(8).fill('No'),
      '<strong>Yes</strong>',
    ]);
  });
});
