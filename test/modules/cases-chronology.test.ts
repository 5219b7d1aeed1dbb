/**
 * The child's chronology through HTTP: newest first by default, a page at a
 * time, and downloaded as DOCX and PDF carrying the protective marking, each
 * download access-audited and kept to the children a person may see.
 *
 * Children come from the register's importer fed the small hand-made SSD
 * extract (src/modules/cases/fixtures.ts); P1 is the demo practitioner's, P3
 * is in another team. P1 is given 60 management oversight decisions so that
 * its chronology runs to more than one page.
 */
import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFiles, smallExtract } from '../../src/modules/cases/fixtures';
import { importAndWait } from '../../src/modules/cases/importer';
import { insertOversightNote } from '../../src/modules/cases/practice-repository';
import { rawRows } from '../../src/platform/db/client';
import { chromiumPath } from '../../src/platform/documents/pdf';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
const ids: Record<string, string> = {};
const EXTRA = 60;

beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
  const db = ctx.oversight.database.db;
  const org = ctx.org;
  const audit = {
    organisationId: org.organisationId,
    userId: org.userIds.administrator,
    ip: null,
    userAgent: 'test',
    requestId: null,
    at: ctx.clock.now(),
  };
  const outcome = await importAndWait(db, {
    organisationId: org.organisationId,
    userId: org.userIds.administrator,
    origin: 'upload',
    mode: 'full',
    files: extractFiles(smallExtract()),
    clock: ctx.clock,
    audit,
    concurrentProgress: false,
  });
  if (outcome.status !== 'applied') throw new Error(`fixture import ${outcome.status}`);
  for (const row of await rawRows<{ id: string; source_id: string }>(
    db,
    sql`select id, source_id from case_people where organisation_id = ${org.organisationId}`,
  ))
    ids[row.source_id] = row.id;
  for (let i = 0; i < EXTRA; i++) {
    const day = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    await insertOversightNote(db, {
      organisationId: org.organisationId,
      personId: ids.P1!,
      decidedOn: day,
      decision: `Decision number ${i + 1}.`,
      reasons: 'Test reasons.',
      authorUserId: org.userIds.team_manager,
      authorRole: 'team_manager',
      createdAt: ctx.clock.now(),
    });
  }
});
afterAll(async () => ctx?.close());

const as = (role: string) => signedIn(ctx, emailOf(ctx.org, role));
const auditRows = (action: string, recordId: string) =>
  rawRows<{ user_id: string; detail: string | null }>(
    ctx.oversight.database.db,
    sql`select user_id, detail from access_audit where action = ${action} and record_id = ${recordId} order by id`,
  );
const decisions = (body: string) => [...body.matchAll(/Decision number (\d+)\./g)].map((m) => Number(m[1]));

describe('reading a long chronology', () => {
  it('shows the newest events first, 50 a page, with links to the other pages that keep the filters', async () => {
    const a = await as('practitioner');
    const first = await a.get(`/children/${ids.P1}/chronology?category=management+oversight`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain(`${EXTRA} events match the filters, newest first`);
    expect(first.body).toContain('Showing 1 to 50 of 60 (page 1 of 2)');
    expect(first.body).toMatch(/<title>Chronology: [^<]+ \(page 1 of 2\)/);
    const shown = decisions(first.body);
    expect(shown).toHaveLength(50);
    expect(shown.slice(0, 2)).toEqual([60, 59]);
    const next = first.body.match(
      /<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="next">/,
    )?.[1];
    expect(next?.replaceAll('&amp;', '&')).toBe(
      `/children/${ids.P1}/chronology?category=management+oversight&order=newest&page=2`,
    );
    const second = await a.get(next!.replaceAll('&amp;', '&'));
    expect(decisions(second.body)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const oldest = await a.get(`/children/${ids.P1}/chronology?category=management+oversight&order=oldest`);
    expect(decisions(oldest.body).slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('puts the filters in an MoJ filter panel, a form that works without JavaScript', async () => {
    const a = await as('practitioner');
    const page = await a.get(`/children/${ids.P1}/chronology?category=health`);
    expect(page.body).toMatch(
      /<form method="get" action="\/children\/[^"]+\/chronology"[^>]*>\s*<div class="moj-filter"/,
    );
    expect(page.body).toContain('Selected filters');
    expect(page.body).toContain('name="order" type="radio" value="newest" checked');
  });
});

describe('downloading the chronology', () => {
  it('as a Word document marked on every page, in the order and with the filters asked for, audited', async () => {
    const a = await as('practitioner');
    const res = await a.get(
      `/children/${ids.P1}/chronology/download/docx?category=management+oversight&order=oldest`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="OFFICIAL-SENSITIVE_chronology-${ids.P1}.docx"`,
    );
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const text = (name: string) => new TextDecoder().decode(files[name]);
    const body = text('word/document.xml');
    expect(body).toContain('60 events, oldest first.');
    expect(body).toContain('Events shown: types: Management oversight.');
    expect(body.indexOf('Decision number 1.')).toBeLessThan(body.indexOf('Decision number 2.'));
    const header = Object.keys(files).find((f) => /^word\/header\d*\.xml$/.test(f))!;
    const footer = Object.keys(files).find((f) => /^word\/footer\d*\.xml$/.test(f))!;
    expect(text(header)).toContain('OFFICIAL-SENSITIVE');
    expect(text(footer)).toContain('OFFICIAL-SENSITIVE');
    const audited = await auditRows('child.chronology.download', ids.P1!);
    expect(audited.at(-1)).toEqual({ user_id: ctx.org.userIds.practitioner, detail: 'docx, 60 events' });
  });

  it.runIf(chromiumPath() !== undefined)('as a PDF, audited', async () => {
    const a = await as('practitioner');
    const page = await a.get(`/children/${ids.P1}/chronology`);
    expect(page.body).toContain('Download the chronology as a PDF');
    const res = await a.get(`/children/${ids.P1}/chronology/download/pdf?order=newest`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await auditRows('child.chronology.download', ids.P1!)).at(-1)?.detail).toMatch(
      /^pdf, \d+ events$/,
    );
  });

  it('refuses a child out of scope, an unknown format, and roles without child access', async () => {
    const practitioner = await as('practitioner');
    const before = (await auditRows('child.chronology.download', ids.P3!)).length;
    // A child out of scope is, to this person, a child that is not there.
    expect((await practitioner.get(`/children/${ids.P3}/chronology/download/docx`)).statusCode).toBe(404);
    expect((await practitioner.get(`/children/${ids.P1}/chronology/download/xlsx`)).statusCode).toBe(404);
    expect((await auditRows('child.chronology.download', ids.P3!)).length).toBe(before);
    const member = await as('committee_member');
    expect((await member.get(`/children/${ids.P1}/chronology/download/docx`)).statusCode).toBe(403);
  });
});
