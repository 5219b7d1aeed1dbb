import { expect } from 'vitest';
import type { DemoOrganisation } from '../../src/demo/organisation';
import { type Csv, extractFiles } from '../../src/modules/cases/fixtures';
import { importSettled, startSsdImport } from '../../src/modules/cases/service';
import type { Agent, TestContext } from '../helpers/app';

export interface HomeRow {
  text: string;
  href: string;
  /** The count shown, or null when the row shows a figure that is not a count. */
  count: number | null;
  display: string;
}

const decode = (s: string) =>
  s.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&lt;', '<');

/** The home page's rows: heading -> label -> what it shows. */
export function homeRows(html: string): Map<string, HomeRow> {
  const rows = new Map<string, HomeRow>();
  for (const part of html.split('data-home-item="').slice(1)) {
    const chunk = part.slice(0, part.indexOf('</dd>'));
    const href = decode(chunk.slice(0, chunk.indexOf('"')));
    const text = decode(/<dt class="govuk-summary-list__key">([^<]*)<\/dt>/.exec(chunk)?.[1]?.trim() ?? '');
    const count = /data-count="(\d+)"/.exec(chunk);
    const display = /<a [^>]*>([^<]*)</.exec(chunk)?.[1]?.trim() ?? 'None';
    rows.set(text, { text, href, count: count ? Number(count[1]) : null, display });
  }
  return rows;
}

export function headings(html: string): string[] {
  const main = html.slice(html.indexOf('<main'));
  return [...main.matchAll(/<h2 class="govuk-heading-m">([^<]*)<\/h2>/g)].map((m) => decode(m[1]!));
}

/** Import an extract into an organisation as its administrator; wait for the recomputation. */
export async function importInto(ctx: TestContext, org: DemoOrganisation, extract: Record<string, Csv>) {
  const db = ctx.oversight.database.db;
  const actor = {
    userId: org.userIds.administrator,
    organisationId: org.organisationId,
    organisationName: org.organisationName,
    name: 'Admin',
    email: 'admin@example.org',
    role: 'administrator' as const,
    teamId: null,
    permissions: new Set<string>(),
  };
  const id = await startSsdImport(
    db,
    actor,
    { files: extractFiles(extract), mode: 'full', concurrentProgress: false, clock: ctx.clock },
    {
      organisationId: org.organisationId,
      userId: actor.userId,
      ip: null,
      userAgent: null,
      requestId: null,
      at: ctx.clock.now(),
    },
  );
  const outcome = await importSettled(id);
  expect(outcome?.status, JSON.stringify(outcome?.errors?.slice(0, 3))).toBe('applied');
  await ctx.app.deps.background.idle();
}

/** Open the list behind a count: it must open for this person. */
export async function follow(agent: Agent, row: HomeRow | undefined) {
  expect(row, 'home-page row').toBeDefined();
  const res = await agent.get(row!.href);
  expect(res.statusCode, row!.href).toBe(200);
  return res.body;
}
