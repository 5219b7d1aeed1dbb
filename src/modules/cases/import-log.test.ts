/**
 * An import that fails or is rejected is logged at warn level, saying what
 * went wrong, and no log line carries a value from the files (children's
 * names and dates of birth stay in the import's problems, shown only to
 * those allowed to see them).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { smallExtract, toCsv } from './fixtures';
import * as cases from './service';

const lines: string[] = [];
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ env: { LOG_LEVEL: 'info' }, logStream: { write: (line) => lines.push(line) } });
});
afterAll(async () => ctx.close());

const BOUNDARY = '----oversight-log-test';
function multipart(csrf: string, files: Record<string, string>): Buffer {
  const parts = [`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`];
  parts.push(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="mode"\r\n\r\npartial\r\n`);
  for (const [name, text] of Object.entries(files))
    parts.push(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n`,
    );
  parts.push(`--${BOUNDARY}--\r\n`);
  return Buffer.from(parts.join(''));
}

async function importFiles(files: Record<string, string>): Promise<string> {
  const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/cases/import',
    payload: multipart(manager.csrf(), files),
    headers: {
      cookie: [...manager.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    },
  });
  expect(res.statusCode).toBe(303);
  const id = res.headers.location!.split('/').pop()!;
  await cases.importSettled(id);
  return id;
}

const warnings = (importId: string) =>
  lines
    .map(
      (l) =>
        JSON.parse(l) as { level: number; msg: string; importId?: string; status?: string; failure?: string },
    )
    .filter((l) => l.level >= 40 && l.importId === importId);

describe('the log of an import that is not applied', () => {
  it('a failed import: a warning saying why, without the values of the file', async () => {
    const people = smallExtract()['ssd_person.csv']!;
    const broken = `${toCsv(people)}P77,"Zephyrine Quillfeather,F,F,WBRI,2012-04-09,,\r\n`;
    const id = await importFiles({ 'ssd_person.csv': broken });
    await vi.waitFor(() => expect(warnings(id)).toHaveLength(1));
    const [line] = warnings(id);
    expect(line).toMatchObject({ msg: 'SSD import not applied', status: 'failed' });
    expect(line!.failure).toMatch(/could not be read as CSV/);
    expect(lines.join('\n')).not.toMatch(/Zephyrine|Quillfeather|2012-04-09/);
  });

  it('a rejected import: a warning with the number of problems, none of the values', async () => {
    const people = smallExtract()['ssd_person.csv']!;
    const rejected = `${toCsv(people)}P78,Ottoline,Varnsworth,F,F,WBRI,31/02/2013,,\r\n`;
    const id = await importFiles({ 'ssd_person.csv': rejected });
    await vi.waitFor(() => expect(warnings(id)).toHaveLength(1));
    expect(warnings(id)[0]).toMatchObject({ msg: 'SSD import not applied', status: 'rejected' });
    expect(lines.join('\n')).not.toMatch(/Ottoline|Varnsworth|31\/02\/2013/);
  });
});
