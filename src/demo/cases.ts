/**
 * The demo authority's children's case register, written as SSD CSV files
 * and loaded through the same importer a real extract takes.
 *
 * Deterministic (SeededRandom) and relative to the clock's today. Fictional
 * children and workers, named from small invented lists. Open cases at each
 * service level (early help, child in need, child protection, looked after —
 * most of them unaccompanied 16–17 year olds — and care leavers), with
 * closed cases behind them; statutory visits, reviews and assessments are
 * mostly on time, some due soon and some overdue, so the compliance
 * dashboards have red, amber and green to show. The demo practitioner holds a
 * caseload of about fifteen looked-after children in the Children in Care
 * Team; her team holds more.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Oversight } from '../app';
import { importSsdFolder } from '../modules/cases/service';
import { today as todayOf } from '../platform/clock';
import { CaseGenerator } from './case-episodes';
import { DemoExtract } from './case-extract';
import { CASE_DEMO_SCALES } from './case-scales';
import type { DemoScale } from './load';
import type { DemoOrganisation } from './organisation';
import type { Cell } from './ssd-writer';

export { CASE_DEMO_SCALES };

/** Write the demo extract to a folder; returns the number of data rows. */
export async function writeCaseDemoExtract(
  folder: string,
  input: { scale: DemoScale; today: string; org: DemoOrganisation; seed?: number },
): Promise<number> {
  const settings = CASE_DEMO_SCALES[input.scale];
  const extract = new DemoExtract(folder);
  const g = new CaseGenerator(extract, input.today, settings, input.seed ?? 20_261_116);
  const email = (role: string) => input.org.users.find((u) => u.role === role)?.email ?? '';
  await g.workforce(input.org, { practitioner: email('practitioner'), manager: email('team_manager') });
  const open = settings.open;
  // The demo practitioner's caseload: looked-after children, most of them unaccompanied.
  for (let i = 0; i < settings.practitionerCaseload; i++)
    await g.lookedAfter(i % 3 === 2 ? 'other' : 'uasc', true, g.priya());
  const plan: Array<[number, () => Promise<void>]> = [
    [open.uasc - Math.ceil((settings.practitionerCaseload * 2) / 3), () => g.lookedAfter('uasc', true)],
    [open.lookedAfter - Math.floor(settings.practitionerCaseload / 3), () => g.lookedAfter('other', true)],
    [open.childProtection, () => g.childProtection(true)],
    [open.childInNeed, () => g.childInNeed(true)],
    [open.earlyHelp, () => g.earlyHelp(true)],
    [open.careLeavers, () => g.careLeaver()],
  ];
  for (const [n, make] of plan) for (let i = 0; i < n; i++) await make();
  for (let i = 0; i < settings.closed; i++) {
    const r = g.rnd.next();
    if (r < 0.3) await g.earlyHelp(false);
    else if (r < 0.7) await g.childInNeed(false);
    else if (r < 0.9) await g.childProtection(false);
    else await g.lookedAfter('other', false);
  }
  return extract.close();
}

/** The demo step: write the extract to a temporary folder and load it through the SSD importer. */
export async function loadCaseDemo(
  oversight: Oversight,
  org: DemoOrganisation,
  scale: DemoScale,
): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'oversight-ssd-demo-'));
  try {
    await writeCaseDemoExtract(folder, { scale, today: todayOf(oversight.clock), org });
    const outcome = await importSsdFolder(oversight.database.db, {
      organisationId: org.organisationId,
      folder,
      mode: 'full',
      origin: 'demo',
      clock: oversight.clock,
      concurrentProgress: oversight.database.kind === 'server',
      instance: oversight.instance,
    });
    if (outcome.status !== 'applied') {
      const first = outcome.errors
        .slice(0, 5)
        .map((e) => `${e.file} row ${e.row} ${e.field} "${e.value}": ${e.expected}`)
        .join('\n');
      throw new Error(
        `The demo case extract was not imported (${outcome.status}, ${outcome.errorCount} errors):\n${first}`,
      );
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export type { Cell };
