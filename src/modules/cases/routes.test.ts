import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import type { AuditContext } from '../../platform/audit/service';
import { NotFoundError } from '../../platform/errors';
import type { Actor, Role } from '../../platform/permissions';
import { type Csv, smallExtract, toCsv } from './fixtures';
import * as cases from './service';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
});
afterAll(async () => ctx.close());

function multipart(
  files: Array<{ name: string; data: Buffer }>,
  fields: Record<string, string>,
): { body: Buffer; type: string } {
  const boundary = '----oversight-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

async function upload(a: Agent, files: Array<{ name: string; data: Buffer }>, mode = 'full') {
  const { body, type } = multipart(files, { mode });
  return a.send('POST', '/cases/import', body, { 'content-type': type });
}

const csvFiles = (extract: Record<string, Csv>) =>
  Object.entries(extract).map(([name, rows]) => ({ name, data: Buffer.from(toCsv(rows)) }));

async function settle(location: string | undefined) {
  const id = location!.split('/').pop()!;
  await cases.importSettled(id);
  return id;
}

describe('the import page', () => {
  it('is for administrators and service managers only', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const page = await admin.get('/cases/import');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Import a Standard Safeguarding Dataset extract');
    // The CSRF token is the form's first field, never in the address (where logs keep it).
    expect(page.body).toContain('action="/cases/import"');
    expect(page.body).not.toContain('_csrf=');
    expect(page.body.indexOf('name="_csrf"')).toBeLessThan(page.body.indexOf('type="file"'));
    expect(page.body).toMatch(/up to 40 files of up to 500 MB each/);
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.get('/cases/import')).statusCode).toBe(403);
    const practitioner = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await practitioner.get('/cases/imports')).statusCode).toBe(403);
  });

  it('lets an administrator, and no one else, have notices reject an extract', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    expect((await manager.get('/cases/import/settings')).statusCode).toBe(403);
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const page = await admin.get('/cases/import/settings');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/value="no" checked/);
    expect(
      (await admin.post('/cases/import/settings', { noticesAreErrors: 'yes' }, { csrf: false })).statusCode,
    ).toBe(403);
    expect((await admin.post('/cases/import/settings', {})).statusCode).toBe(400);
    const saved = await admin.post('/cases/import/settings', { noticesAreErrors: 'yes' });
    expect(saved.statusCode).toBe(200);
    expect((await admin.get('/cases/import/settings')).body).toMatch(/value="yes" checked/);
    await admin.post('/cases/import/settings', { noticesAreErrors: 'no' });
  });

  it('refuses an upload without the CSRF token', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const { body, type } = multipart(csvFiles(smallExtract()), { mode: 'full' });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/cases/import',
      payload: body,
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': type },
    });
    expect(res.statusCode).toBe(403);
  });

  it('asks for files when none are chosen', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const res = await upload(admin, []);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Select the extract files to upload');
  });

  it('shows each problem of a bad extract with file, row, field, value and what is expected, and offers them as CSV', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const bad = smallExtract();
    bad['ssd_cin_episodes.csv']!.push(['R9', 'P1', '31/02/2025', 'N1', '6', '', '', '']);
    bad['ssd_cin_episodes.csv']!.push(['R10', 'P404', '2025-03-01', 'NX', '6', '', '', '']);
    const res = await upload(admin, csvFiles(bad));
    expect(res.statusCode).toBe(303);
    const id = await settle(res.headers.location as string);
    // An administrator sees where each problem is and what was expected, never the child's values.
    const adminPage = await admin.get(`/cases/import/${id}`);
    expect(adminPage.body).toContain('One of the category of need codes');
    expect(adminPage.body).not.toContain('31/02/2025');
    expect(adminPage.body).toContain('The values found are not shown');
    const adminCsv = await admin.get(`/cases/import/${id}/errors.csv`);
    expect(adminCsv.body.split('\r\n')[0]).toBe('kind,file,row,field,expected');
    expect(adminCsv.body).not.toContain('31/02/2025');
    // A service manager sees every child, and so the values.
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const page = await manager.get(`/cases/import/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The extract was not imported');
    expect(page.body).toContain('31/02/2025');
    expect(page.body).toContain('One of the category of need codes');
    expect(page.body).toContain('no child with ID P404 is in ssd_person');
    const csv = await manager.get(`/cases/import/${id}/errors.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('kind,file,row,field,value,expected');
    expect(csv.body).toContain('error,ssd_cin_episodes.csv,6,cine_referral_date,31/02/2025,');
    // A code outside its list is a notice: listed after the errors, not a reason to reject.
    expect(csv.body).toContain('notice,ssd_cin_episodes.csv,7,cine_cin_primary_need_code,NX,');
    const history = await admin.get('/cases/imports');
    expect(history.body).toContain('Rejected');
  });

  it("rejects a NUL byte in an extract with the row and field, never the database's words", async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const bad = smallExtract();
    bad['ssd_person.csv']![1]![1] = 'Am\u0000ara';
    const res = await upload(manager, csvFiles(bad));
    expect(res.statusCode).toBe(303);
    const id = await settle(res.headers.location as string);
    const page = await manager.get(`/cases/import/${id}`);
    expect(page.body).toContain('The extract was not imported');
    expect(page.body).toContain('Am&#92;0ara');
    expect(page.body).toContain('Text without control characters');
    expect(page.body).not.toMatch(/Failed query|insert into/i);
  });

  it('never imports invalid UTF-8 silently: Windows-1252 is read with a notice, a mixed file is refused', async () => {
    // The other organisation, so this import leaves the first one's register as the other tests expect.
    const manager = await signedIn(ctx, emailOf(ctx.other, 'service_manager'));
    const asBytes = (extract: Record<string, Csv>, name: string, forename: Buffer) =>
      csvFiles(extract).map((f) => {
        if (f.name !== 'ssd_person.csv') return f;
        const text = f.data.toString();
        const at = text.indexOf(name);
        return {
          name: f.name,
          data: Buffer.concat([
            Buffer.from(text.slice(0, at)),
            forename,
            Buffer.from(text.slice(at + name.length)),
          ]),
        };
      });
    const first = smallExtract()['ssd_person.csv']![1]![1]!;
    // Excel's Windows-1252: "Zoë" with ë as the single byte 0xEB.
    const cp1252 = await upload(manager, asBytes(smallExtract(), first, Buffer.from([0x5a, 0x6f, 0xeb])));
    const okId = await settle(cp1252.headers.location as string);
    const okPage = await manager.get(`/cases/import/${okId}`);
    expect(okPage.body).toContain('Imported');
    expect(okPage.body).toContain('ssd_person.csv was not saved as UTF-8, so it was read as Windows-1252');
    // UTF-8 ("é" elsewhere) mixed with bytes that are not UTF-8: refused, saying how to save it.
    const mixedExtract = smallExtract();
    mixedExtract['ssd_person.csv']![2]![1] = 'Ren\u00e9e';
    const mixed = await upload(manager, asBytes(mixedExtract, first, Buffer.from([0xff, 0xfe, 0xc3, 0x28])));
    const badId = await settle(mixed.headers.location as string);
    const badPage = await manager.get(`/cases/import/${badId}`);
    expect(
      badPage.body,
      badPage.body.slice(badPage.body.indexOf('<main'), badPage.body.indexOf('<main') + 3000),
    ).toContain('The extract was not imported');
    expect(badPage.body).toContain('ssd_person.csv mixes UTF-8 with another encoding');
    expect(badPage.body).not.toContain('\ufffd');
  });

  it('imports a zip of the extract and shows what it added', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const zip = zipSync(
      Object.fromEntries(csvFiles(smallExtract()).map((f) => [`extract/${f.name}`, new Uint8Array(f.data)])),
    );
    // A minute after this file's other imports, so this one is the organisation's last.
    ctx.clock.advanceMinutes(1);
    const res = await upload(admin, [{ name: 'ssd-extract.zip', data: Buffer.from(zip) }]);
    expect(res.statusCode).toBe(303);
    const id = await settle(res.headers.location as string);
    const page = await admin.get(`/cases/import/${id}`);
    expect(page.body).toContain('Imported');
    expect(page.body).toContain('38 records added');
    expect(page.body).toContain('Oversight does not use ssd_address, so the file was not read');
    expect(page.body).not.toContain('Same as the last import');
    // The same extract again: each file is the same as the last import's, so none is read.
    ctx.clock.advanceMinutes(1);
    const again = await settle(
      (await upload(admin, [{ name: 'ssd-extract.zip', data: Buffer.from(zip) }])).headers.location as string,
    );
    const second = await admin.get(`/cases/import/${again}`);
    expect(second.body.match(/Same as the last import: not read/g)).toHaveLength(
      Object.keys(smallExtract()).length - 1,
    );
    expect(second.body).toContain('files were byte for byte the same as in the last import');
    // Another organisation's import is not found.
    const other = await signedIn(ctx, emailOf(ctx.other, 'administrator'));
    expect((await other.get(`/cases/import/${id}`)).statusCode).toBe(404);
  });
});

describe('who sees which child', () => {
  const actor = (org: TestContext['org'], role: Role, permissions: string[]): Actor => ({
    userId: org.userIds[role],
    organisationId: org.organisationId,
    organisationName: org.organisationName,
    name: role,
    email: emailOf(org, role),
    role,
    teamId:
      role === 'practitioner' || role === 'team_manager'
        ? org.teamIds['children-in-care']!
        : role === 'qa_officer'
          ? org.teamIds.quality!
          : null,
    permissions: new Set(permissions),
  });
  const audit = (a: Actor): AuditContext => ({
    organisationId: a.organisationId,
    userId: a.userId,
    ip: null,
    userAgent: 'test',
    requestId: null,
    at: ctx.clock.now(),
  });
  const namesFor = async (a: Actor) =>
    (await cases.searchChildren(ctx.oversight.database.db, a, {}, audit(a))).rows
      .map((r) => r.sourceId)
      .sort();
  const idOf = async (sourceId: string) => {
    const all = actor(ctx.org, 'service_manager', ['cases.read']);
    const found = await cases.searchChildren(ctx.oversight.database.db, all, { text: sourceId }, audit(all));
    return found.rows[0]!.id;
  };

  it('limits a practitioner to their caseload, a team manager to their team, and a committee member to nothing', async () => {
    const db = ctx.oversight.database.db;
    const practitioner = actor(ctx.org, 'practitioner', ['cases.read']);
    const manager = actor(ctx.org, 'team_manager', ['cases.read']);
    const service = actor(ctx.org, 'service_manager', ['cases.read', 'cases.import']);
    const member = actor(ctx.org, 'committee_member', []);
    expect(await namesFor(practitioner)).toEqual(['P1']);
    expect(await namesFor(manager)).toEqual(['P1', 'P2']);
    expect(await namesFor(service)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(await namesFor(member)).toEqual([]);

    const p1 = await idOf('P1');
    const p2 = await idOf('P2');
    const child = await cases.getChildForActor(db, practitioner, p1, audit(practitioner));
    expect(child.name).toBe('Amara Testwell');
    expect(child.summary.serviceLevel).toBe('looked_after');
    expect(child.summary.allocatedWorker?.name).toBe('Priya Ashdown');
    expect(child.summary.legalStatus?.code).toBe('C2');
    await expect(cases.getChildForActor(db, practitioner, p2, audit(practitioner))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(cases.getChildForActor(db, member, p1, audit(member))).rejects.toBeInstanceOf(NotFoundError);
    const stranger = actor(ctx.other, 'service_manager', ['cases.read']);
    await expect(cases.getChildForActor(db, stranger, p1, audit(stranger))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await cases.caseloadFor(db, practitioner, audit(practitioner))).map((r) => r.sourceId)).toEqual([
      'P1',
    ]);
    expect((await cases.teamCaseload(db, manager, audit(manager))).map((r) => r.sourceId).sort()).toEqual([
      'P1',
      'P2',
    ]);
  });

  it('lists the chronology in date order across tables', async () => {
    const db = ctx.oversight.database.db;
    const manager = actor(ctx.org, 'team_manager', ['cases.read']);
    const p2 = await idOf('P2');
    const events = await cases.listChildEvents(db, manager, p2, audit(manager));
    const titles = events.map((e) => `${e.date} ${e.title}`);
    expect(titles.slice(0, 6)).toEqual([
      '2026-06-01 Referral received',
      '2026-06-01 Allocated to Noor Fairley',
      '2026-06-02 Assessment started',
      '2026-06-03 Strategy discussion: section 47 enquiry started',
      '2026-06-17 Section 47 enquiry ended',
      '2026-06-24 Initial child protection conference',
    ]);
    const dates = events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    const visits = await cases.listChildEvents(db, manager, p2, audit(manager), {
      categories: ['child protection'],
      from: '2026-07-01',
    });
    expect(visits.every((e) => e.category === 'child protection' && e.date >= '2026-07-01')).toBe(true);
    expect(visits.length).toBeGreaterThan(0);
  });

  it('gives the compliance engine the facts of open cases', async () => {
    const facts = await cases.listOpenCaseFacts(ctx.oversight.database.db, ctx.org.organisationId);
    expect(facts.map((f) => f.sourceId).sort()).toEqual(['P1', 'P2', 'P3']);
    const p2 = facts.find((f) => f.sourceId === 'P2')!;
    expect(p2.episodes.map((e) => e.type).sort()).toEqual(['child_in_need', 'child_protection_plan', 's47']);
    expect(p2.events.filter((e) => e.type === 'cp_visit').map((e) => e.date)).toEqual([
      '2026-07-03',
      '2026-07-17',
    ]);
    // The extract does not say whether this enquiry ended with no further action.
    expect(p2.episodes.find((e) => e.type === 's47')).toMatchObject({
      end: '2026-06-17',
      noFurtherAction: null,
    });
    // A date-time field gives its instant beside the same date (a date alone is London midnight).
    expect(p2.events.find((e) => e.type === 'strategy_discussion')).toMatchObject({
      date: '2026-06-03',
      at: '2026-06-02T23:00:00Z',
    });
    const plan = p2.episodes.find((e) => e.type === 'child_protection_plan')!;
    expect(p2.events.find((e) => e.type === 'cp_visit')!.episodeId).toBe(plan.id);
    const p1 = facts.find((f) => f.sourceId === 'P1')!;
    const period = p1.episodes.find((e) => e.type === 'looked_after')!;
    expect(period).toMatchObject({ start: '2024-02-01', end: null });
    expect(p1.episodes.find((e) => e.type === 'placement' && e.end === null)?.longTerm).toBe(true);
    expect(p1.allocations.map((a) => a.end)).toEqual(['2025-06-30', null]);
  });
});
