import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { csrfTokenFor } from '../src/platform/auth/csrf';
import { PRE_SESSION_COOKIE, SESSION_COOKIE } from '../src/platform/http/server';

/** Time an async piece of work in milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

function cookieFrom(setCookie: string | string[] | undefined, name: string): string | undefined {
  for (const header of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    const [pair] = header.split(';');
    const at = pair?.indexOf('=') ?? -1;
    if (pair && at > 0 && pair.slice(0, at) === name) return pair.slice(at + 1);
  }
  return undefined;
}

/**
 * Sign in through the sign-in form (as a browser would, CSRF token and all)
 * and return the Cookie header that carries the new session.
 */
export async function signInCookie(app: FastifyInstance, email: string, password: string): Promise<string> {
  const page = await app.inject({ method: 'GET', url: '/sign-in' });
  const pre = cookieFrom(page.headers['set-cookie'], PRE_SESSION_COOKIE);
  if (!pre) throw new Error('the sign-in page set no pre-session cookie');
  const csrf = csrfTokenFor(`pre:${pre}`, app.deps.sessionSettings.secret);
  const res = await app.inject({
    method: 'POST',
    url: '/sign-in',
    payload: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
    headers: {
      cookie: `${PRE_SESSION_COOKIE}=${pre}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
  });
  const session = cookieFrom(res.headers['set-cookie'], SESSION_COOKIE);
  if (res.statusCode !== 302 || !session) throw new Error(`sign-in as ${email} failed: ${res.statusCode}`);
  return `${SESSION_COOKIE}=${session}`;
}

export interface PageTiming {
  url: string;
  requests: number;
  bytes: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

/** The value at a percentile (nearest rank) of sorted numbers. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Server time for a page: n requests through fastify inject (no network, no
 * browser), one after another, after two warm-up requests that are not
 * counted. Every answer must be 200, or the timing means nothing.
 */
export async function benchPage(
  app: FastifyInstance,
  agentCookie: string,
  url: string,
  n: number,
): Promise<PageTiming> {
  const request = async () => {
    const start = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie: agentCookie } });
    const ms = performance.now() - start;
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}, not 200`);
    return { ms, bytes: res.rawPayload.length };
  };
  await request();
  await request();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const r = await request();
    times.push(r.ms);
    bytes = r.bytes;
  }
  times.sort((a, b) => a - b);
  return {
    url,
    requests: n,
    bytes,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
    minMs: times[0]!,
    maxMs: times[times.length - 1]!,
  };
}

/** A plain-text table with right-aligned numbers. */
export function formatTable(head: string[], rows: Array<Array<string | number>>): string {
  const cells = [head, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: Array<string | number>) =>
    r
      .map((c, i) => {
        const text = String(c ?? '');
        return typeof rows[0]?.[i] === 'number' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
      })
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '-';
  if (Number.isInteger(n)) return n.toLocaleString('en-GB');
  return n.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
