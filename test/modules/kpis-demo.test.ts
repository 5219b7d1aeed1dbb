import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaseDemo } from '../../src/demo/cases';
import { earlyHelpDemo } from '../../src/demo/early-help';
import { kpisDemo } from '../../src/demo/kpis';
import { indicatorTable } from '../../src/modules/kpis/service';
import { lastCompleteQuarter } from '../../src/platform/calendar/quarters';
import { today } from '../../src/platform/clock';
import { emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
  await loadCaseDemo(ctx.oversight, ctx.org, 'small');
  // The early help goals the EH-02 and EH-03 indicators are computed from.
  await earlyHelpDemo(ctx.oversight, ctx.org, 'small');
  await kpisDemo(ctx.oversight, ctx.org, 'small');
});
afterAll(async () => ctx.close());

describe('performance indicators demo', () => {
  it('computes every default indicator for the last complete quarter, entered ones included', async () => {
    const quarter = lastCompleteQuarter(today(ctx.clock));
    const rows = await indicatorTable(
      ctx.oversight.database.db,
      ctx.org.organisationId,
      quarter,
      ctx.clock.now(),
    );
    const missing = rows.filter((r) => r.current.value == null).map((r) => r.code);
    expect(missing).toEqual([]);
    expect(rows.find((r) => r.code === 'REF-02')!.benchmark?.england).toBe(22.4);
    expect(rows.find((r) => r.code === 'POP-0-17')!.current.value).toBe(5150);
    // The rate uses that population: children looked after per 10,000.
    const cla = rows.find((r) => r.code === 'CLA-01')!.current.value!;
    expect(rows.find((r) => r.code === 'CLA-02')!.current.value).toBe(Math.round((cla * 100000) / 5150) / 10);
    expect(rows.some((r) => r.rag === 'red' || r.rag === 'amber')).toBe(true);
  });

  it('shows the indicators page and an indicator with its trend chart', async () => {
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const page = await manager.get('/indicators');
    expect(page.statusCode).toBe(200);
    const one = await manager.get('/indicators/CLA-02');
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('role="img"');
  });
});
