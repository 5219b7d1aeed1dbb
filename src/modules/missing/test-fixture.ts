/** Test set-up shared by the missing module's route tests: an SSD extract imported by the administrator. */
import { expect } from 'vitest';
import type { Agent, TestContext } from '../../../test/helpers/app';
import { type Csv, extractFiles } from '../cases/fixtures';
import { importSettled, startSsdImport } from '../cases/service';

/** The header of ssd_missing.csv: id, child, start, end, type (M or A), interview offered and accepted (Y or N). */
export const SSD_MISSING_HEADER = [
  'miss_table_id',
  'miss_person_id',
  'miss_missing_episode_start_date',
  'miss_missing_episode_end_date',
  'miss_missing_episode_type',
  'miss_missing_rhi_offered',
  'miss_missing_rhi_accepted',
];

/** Import the extract into the demo organisation (or another) as its administrator, and wait for what follows the import. */
export async function importExtractAsAdministrator(
  ctx: TestContext,
  extract: Record<string, Csv>,
  org: TestContext['org'] = ctx.org,
) {
  const actor = {
    userId: org.userIds.administrator,
    organisationId: org.organisationId,
    organisationName: org.organisationName,
    name: 'Admin',
    email: 'admin@oakhaven.example',
    role: 'administrator' as const,
    teamId: null,
    permissions: new Set<string>(),
  };
  const id = await startSsdImport(
    ctx.oversight.database.db,
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

/** Post a multipart form with one file, the CSRF token its first field, as a browser sends it. */
export async function postFile(
  ctx: TestContext,
  a: Agent,
  url: string,
  field: string,
  file: { filename: string; type: string; data: Buffer },
) {
  const boundary = '----oversightmissingtest';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${a.csrf()}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const cookie = [...a.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  return ctx.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
