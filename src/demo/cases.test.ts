import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, startTestApp, type TestContext } from '../../test/helpers/app';
import * as cases from '../modules/cases/service';
import { addDays } from '../platform/calendar/working-days';
import { today } from '../platform/clock';
import type { Actor } from '../platform/permissions';
import { loadCaseDemo, writeCaseDemoExtract } from './cases';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ start: '2026-11-16T09:00:00Z' });
});
afterAll(async () => ctx.close());

async function digest(folder: string): Promise<string> {
  const hash = createHash('sha1');
  for (const name of (await readdir(folder)).sort())
    hash.update(name).update(await readFile(join(folder, name)));
  return hash.digest('hex');
}

describe('the case demo', () => {
  it('writes the same extract every time', async () => {
    const a = await mkdtemp(join(tmpdir(), 'demo-a-'));
    const b = await mkdtemp(join(tmpdir(), 'demo-b-'));
    try {
      await writeCaseDemoExtract(a, { scale: 'small', today: today(ctx.clock), org: ctx.org });
      await writeCaseDemoExtract(b, { scale: 'small', today: today(ctx.clock), org: ctx.org });
      expect(await digest(a)).toBe(await digest(b));
    } finally {
      await rm(a, { recursive: true, force: true });
      await rm(b, { recursive: true, force: true });
    }
  });

  it('loads through the SSD importer with open cases at every level, the practitioner’s caseload, and red, amber and green', async () => {
    await loadCaseDemo(ctx.oversight, ctx.org, 'small');
    const db = ctx.oversight.database.db;
    const facts = await cases.listOpenCaseFacts(db, ctx.org.organisationId);
    expect(facts.length).toBeGreaterThanOrEqual(80);
    expect(facts.length).toBeLessThanOrEqual(120);
    const levels = new Map<string, number>();
    for (const f of facts) levels.set(f.serviceLevel, (levels.get(f.serviceLevel) ?? 0) + 1);
    expect(levels.get('looked_after')).toBe(40);
    expect(levels.get('care_leaver')).toBe(20);
    for (const level of ['early_help', 'child_in_need', 'child_protection'])
      expect(levels.get(level)).toBeGreaterThan(5);

    const actor = (role: 'practitioner' | 'team_manager'): Actor => ({
      userId: ctx.org.userIds[role],
      organisationId: ctx.org.organisationId,
      organisationName: ctx.org.organisationName,
      name: role,
      email: emailOf(ctx.org, role),
      role,
      teamId: ctx.org.teamIds['children-in-care']!,
      permissions: new Set(['cases.read']),
    });
    const audit = (a: Actor) => ({
      organisationId: a.organisationId,
      userId: a.userId,
      ip: null,
      userAgent: 'test',
      requestId: null,
      at: ctx.clock.now(),
    });
    const mine = await cases.caseloadFor(db, actor('practitioner'), audit(actor('practitioner')));
    expect(mine.length).toBe(15);
    expect(mine.filter((c) => c.uasc).length).toBeGreaterThanOrEqual(9);
    const team = await cases.teamCaseload(db, actor('team_manager'), audit(actor('team_manager')));
    expect(team.length).toBeGreaterThan(mine.length);

    // Statutory visits to looked-after children: some recent (on time), some long ago (overdue).
    const t = today(ctx.clock);
    const lastVisit = facts
      .filter((f) => f.serviceLevel === 'looked_after')
      .map((f) => f.events.filter((e) => e.type === 'looked_after_visit').at(-1)?.date)
      .filter((d): d is string => Boolean(d));
    expect(lastVisit.filter((d) => d < addDays(t, -42)).length).toBeGreaterThan(0);
    expect(lastVisit.filter((d) => d >= addDays(t, -37)).length).toBeGreaterThan(lastVisit.length / 2);
  });
});
