import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { rawRows } from '../../platform/db/client';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

describe('timescale rules pages', () => {
  it('lists the default rules for a manager, read-only', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const list = await manager.get('/timescales/rules');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Child and family assessment completed');
    expect(list.body).toContain('45 working days');
    const rule = await manager.get('/timescales/rules/cla-review');
    expect(rule.body).toContain('20 working days, then 3 months, then 6 months');
    expect(rule.body).not.toContain('Save as a new version');
    expect((await manager.post('/timescales/rules/cla-review', { name: 'x' })).statusCode).toBe(403);
  });

  it('lets an administrator add a version from a date, audited, keeping the old one', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const res = await admin.post('/timescales/rules/cp-visit', {
      action: 'change',
      name: 'Child protection visit, child seen',
      intervals: '15 working days',
      amberWorkingDays: '3',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '1',
      'effectiveFrom-year': '2027',
      reason: 'Local standard relaxed after the practice review',
    });
    expect(res.statusCode).toBe(302);
    const page = await admin.get('/timescales/rules/cp-visit');
    expect(page.body).toContain('Version 2 saved');
    expect(page.body).toContain('15 working days');
    expect(page.body).toContain('10 working days');
    const audit = await rawRows<{ action: string; record_id: string }>(
      ctx.oversight.database.db,
      sql`select action, record_id from access_audit where action = 'timescale-rule.version'`,
    );
    expect(audit).toEqual([{ action: 'timescale-rule.version', record_id: 'cp-visit' }]);
  });

  it('refuses a back-dated change and an unreadable interval, saying how to fix them', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const res = await admin.post('/timescales/rules/assessment', {
      name: 'Assessment',
      intervals: 'forty five days',
      amberWorkingDays: 'five',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '1',
      'effectiveFrom-year': '2020',
      reason: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('Enter the amber window as a whole number of working days');
    expect(res.body).toContain('Enter the reason for the change');
    const backDated = await admin.post('/timescales/rules/assessment', {
      name: 'Assessment',
      intervals: '40 working days',
      amberWorkingDays: '5',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '1',
      'effectiveFrom-year': '2020',
      reason: 'Trying to back-date',
    });
    expect(backDated.statusCode).toBe(400);
    expect(backDated.body).toContain('must be today or in the future');
  });

  it('keeps each organisation to its own rules', async () => {
    const otherAdmin = await signedIn(ctx, emailOf(ctx.other, 'administrator'));
    const page = await otherAdmin.get('/timescales/rules/cp-visit');
    expect(page.body).not.toContain('15 working days');
    expect((await otherAdmin.get('/timescales/rules/no-such-rule')).statusCode).toBe(404);
  });
});

describe('sources, local rules and term dates', () => {
  it('names the source of every rule and marks local rules as local', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const list = await admin.get('/timescales/rules');
    const row = (name: string) =>
      list.body.split('<tr class="govuk-table__row">').find((r) => r.includes(`>${name}</a>`)) ?? '';
    expect(row('Child in need visit')).toContain('Local');
    expect(row('Child in need visit')).toContain('Local standard: Local practice standard');
    expect(row('Looked-after review')).toContain('Regulation: Care Planning, Placement and Case Review');
    expect(row('Looked-after review')).not.toContain('>Local<');
    expect(row('Care plan prepared')).toContain('No data yet');
    const rule = await admin.get('/timescales/rules/cin-visit');
    expect(rule.body).toContain('local rule, not set in law or statutory guidance');
  });

  it('lets an administrator set term dates for the PEP from a date, and says how to write them', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const page = await admin.get('/timescales/rules/pep');
    expect(page.body).toContain('value="4 January to 31 March"');
    const form = {
      action: 'change',
      name: 'Personal education plan',
      intervals: '10 working days',
      amberWorkingDays: '10',
      term0: '2 September to 18 December',
      term1: '5 January to 26 March',
      term2: 'after Easter',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '1',
      'effectiveFrom-year': '2027',
      reason: 'The council’s term dates for 2027',
    };
    const bad = await admin.post('/timescales/rules/pep', form);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the summer term&#39;s first and last days');
    const ok = await admin.post('/timescales/rules/pep', { ...form, term2: '12 April to 21 July' });
    expect(ok.statusCode).toBe(302);
    const rows = await rawRows<{ version: number; definition: { terms: Array<{ end: string }> } }>(
      ctx.oversight.database.db,
      sql`select version, definition from timescale_rules where key = 'pep' and organisation_id = ${ctx.org.organisationId} order by version`,
    );
    expect(rows.map((r) => [r.version, r.definition.terms.map((t) => t.end)])).toEqual([
      [1, ['12-20', '03-31', '07-20']],
      [2, ['12-18', '03-26', '07-21']],
    ]);
  });

  it('gives an organisation whose rules predate a new default rule that rule, and reads shipped versions as shipped', async () => {
    const db = ctx.oversight.database.db;
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    await manager.get('/timescales/rules');
    await db.execute(
      sql`delete from timescale_rules where key = 'sdq' and organisation_id = ${ctx.org.organisationId}`,
    );
    // An older shipped initial-conference rule, counted from the last strategy discussion.
    await db.execute(
      sql`update timescale_rules set definition = jsonb_set(definition, '{start,kind}', '"last-event"') where key = 'initial-conference' and organisation_id = ${ctx.org.organisationId}`,
    );
    const list = await manager.get('/timescales/rules');
    expect(list.body).toContain('Strengths and Difficulties Questionnaire');
    const rule = await manager.get('/timescales/rules/initial-conference');
    expect(rule.body).toContain('The first strategy discussion in the s47 episode');
  });
});

describe('prompt settings', () => {
  it('lets an administrator switch prompts off and change the escalation threshold, audited', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const bad = await admin.post('/timescales/settings', {
      promptsEnabled: 'yes',
      escalateAfterWorkingDays: 'ten',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a whole number of working days');
    const ok = await admin.post('/timescales/settings', {
      promptsEnabled: 'no',
      escalateAfterWorkingDays: '15',
    });
    expect(ok.statusCode).toBe(302);
    const page = await admin.get('/timescales/settings');
    expect(page.body).toContain('value="15"');
    expect(page.body).toMatch(/value="no" checked/);
    const audit = await rawRows<{ n: number }>(
      ctx.oversight.database.db,
      sql`select count(*)::int as n from access_audit where action = 'timescale-settings.change'`,
    );
    expect(audit[0]!.n).toBe(1);
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    expect((await manager.get('/timescales/settings')).statusCode).toBe(403);
  });
});
