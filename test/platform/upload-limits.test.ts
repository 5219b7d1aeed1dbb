/**
 * Reliability: a zip bomb sent to the SSD import and an Excel file whose
 * sheet expands far past the limit sent to the plan import are refused with
 * a clear message, while another client keeps getting answers from /health
 * and the process's memory stays bounded. Real HTTP on a listening port, so
 * the upload streams as a browser's would.
 */
import { createReadStream, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';
import { oversizedWorkbook, zipBomb } from '../helpers/zips';

let ctx: TestContext;
let base: string;
beforeAll(async () => {
  ctx = await startTestApp();
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => ctx.close());

const MB = 1024 * 1024;
const BOUNDARY = '----oversight-reliability';

/** A multipart body streamed from disk: the CSRF token first, then the fields, then the file. */
function multipartStream(
  csrf: string,
  fields: Record<string, string>,
  file: { field: string; name: string; path: string },
): Readable {
  async function* parts() {
    yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`);
    for (const [k, v] of Object.entries(fields))
      yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
    yield Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    for await (const chunk of createReadStream(file.path)) yield chunk as Buffer;
    yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  }
  return Readable.from(parts());
}

function post(path: string, a: Agent, body: Readable): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method: 'POST',
        headers: {
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          cookie: [...a.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    body.pipe(req);
  });
}

/** Poll /health until `done` settles; every answer must be a 200. Returns how many answers came. */
async function pollHealth(done: Promise<unknown>): Promise<{ answers: number; failures: number }> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  let answers = 0;
  let failures = 0;
  // Bounded by a count, not by time: at least one answer, at most 10,000.
  while ((!finished || answers === 0) && answers < 10_000) {
    const res = await fetch(`${base}/health`);
    if (res.status === 200) answers += 1;
    else failures += 1;
    await res.arrayBuffer();
  }
  return { answers, failures };
}

describe('uploads that would exhaust the service', () => {
  it('refuses a zip bomb sent to the SSD import while /health keeps answering', async () => {
    const bomb = await zipBomb(300);
    expect(statSync(bomb).size).toBeLessThan(MB);
    const admin = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const before = process.memoryUsage().rss;
    const upload = post(
      '/cases/import',
      admin,
      multipartStream(admin.csrf(), { mode: 'full' }, { field: 'files', name: 'extract.zip', path: bomb }),
    );
    const health = await pollHealth(upload);
    const res = await upload;
    expect(res.status).toBe(400);
    expect(res.body).toContain('extract.zip is compressed far more than real files are (over 100 to 1)');
    expect(res.body).not.toContain('0x1fffffe8');
    expect(health.failures).toBe(0);
    expect(health.answers).toBeGreaterThan(0);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * MB);
    await rm(dirname(bomb), { recursive: true, force: true });
  }, 60_000);

  it('refuses an Excel file whose sheet expands past the limit before reading it', async () => {
    const workbook = await oversizedWorkbook(60);
    expect(statSync(workbook).size).toBeLessThan(10 * MB);
    const manager = await signedIn(ctx, emailOf(ctx.org, 'service_manager'));
    const before = process.memoryUsage().rss;
    const upload = post(
      '/plans/import',
      manager,
      multipartStream(manager.csrf(), {}, { field: 'file', name: 'plan.xlsx', path: workbook }),
    );
    const health = await pollHealth(upload);
    const res = await upload;
    expect(res.status).toBe(400);
    expect(res.body).toContain('plan.xlsx expands to more than 50 MB, the most Oversight accepts');
    expect(health.failures).toBe(0);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * MB);
    await rm(dirname(workbook), { recursive: true, force: true });
  }, 60_000);
});
