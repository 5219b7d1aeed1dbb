/**
 * `npm run bench -- --load`: simulated users browsing the service on
 * loopback, signed in as a mix of roles, for a bounded run. The load comes
 * from autocannon: each role's users open that role's pages in turn, as many
 * at once as the role has users, for BENCH_LOAD_SECONDS.
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import type { Oversight } from '../src/app';
import { CommandError } from '../src/commands/cli';
import type { Role } from '../src/platform/permissions';
import { formatTable } from './harness';
import type { BenchPage } from './pages';

/** Simulated users of each role (50 in all): most are practitioners and their managers. */
export const LOAD_USERS: ReadonlyArray<{ role: Role; users: number }> = [
  { role: 'practitioner', users: 20 },
  { role: 'team_manager', users: 12 },
  { role: 'service_manager', users: 8 },
  { role: 'senior_leader', users: 4 },
  { role: 'qa_officer', users: 4 },
  { role: 'administrator', users: 2 },
];

export interface LoadResult {
  role: Role | 'public readers';
  users: number;
  pages: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
}

/** How long the load runs, in seconds (a few minutes at most). */
export function loadSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.BENCH_LOAD_SECONDS ?? 60);
  if (!Number.isInteger(seconds) || seconds < 5 || seconds > 300) {
    throw new CommandError(
      `BENCH_LOAD_SECONDS must be a whole number from 5 to 300, like 60 (it is ${env.BENCH_LOAD_SECONDS}).`,
    );
  }
  return seconds;
}

/** The app's address on loopback, listening from the first load on. */
async function listening(oversight: Oversight): Promise<string> {
  const server = oversight.app.server;
  if (server.listening) return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return oversight.app.listen({ host: '127.0.0.1', port: 0 });
}

/**
 * Run every role's users at once against the app listening on loopback. An
 * answer other than 200, a timeout or a broken connection counts as an error.
 */
export async function runLoad(
  oversight: Oversight,
  pages: readonly BenchPage[],
  cookieOf: (role: Role) => Promise<string>,
  seconds: number,
): Promise<LoadResult[]> {
  const address = await listening(oversight);
  const runs = await Promise.all(
    LOAD_USERS.map(async ({ role, users }): Promise<LoadResult | undefined> => {
      const mine = pages.filter((p) => p.role === role);
      if (!mine.length) return undefined;
      const cookie = await cookieOf(role);
      const result = await autocannon({
        url: address,
        connections: users,
        duration: seconds,
        timeout: 30,
        headers: { cookie },
        requests: mine.map((p) => ({ method: 'GET', path: p.url })),
      });
      return {
        role,
        users,
        pages: mine.length,
        requests: result.requests.total,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        maxMs: result.latency.max,
        errors: result.errors + result.timeouts + result.non2xx,
      };
    }),
  );
  return runs.filter((r): r is LoadResult => r !== undefined);
}

/** Readers of the public site at once (no sign-in), after the signed-in users. */
export const PUBLIC_READERS = 50;

/**
 * Readers of the public site, without signing in, run on their own (after
 * the signed-in users, so that its p99 is its own): PUBLIC_READERS at once,
 * each opening the public pages in turn, for `seconds`.
 */
export async function runPublicLoad(
  oversight: Oversight,
  urls: readonly string[],
  seconds: number,
): Promise<LoadResult | undefined> {
  if (!urls.length) return undefined;
  const address = await listening(oversight);
  const result = await autocannon({
    url: address,
    connections: PUBLIC_READERS,
    duration: seconds,
    timeout: 30,
    requests: urls.map((path) => ({ method: 'GET', path })),
  });
  return {
    role: 'public readers',
    users: PUBLIC_READERS,
    pages: urls.length,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * The load's table: one row per role, all signed-in users together (the
 * worst p99 of any role), then the public readers, who ran on their own.
 */
export function loadTable(
  database: string,
  results: readonly LoadResult[],
  seconds: number,
  publicReaders?: LoadResult,
): string {
  const all = results.reduce(
    (t, r) => ({
      users: t.users + r.users,
      requests: t.requests + r.requests,
      p99Ms: Math.max(t.p99Ms, r.p99Ms),
      maxMs: Math.max(t.maxMs, r.maxMs),
      errors: t.errors + r.errors,
    }),
    { users: 0, requests: 0, p99Ms: 0, maxMs: 0, errors: 0 },
  );
  const row = (r: LoadResult, label: string = r.role) => [
    label,
    r.users,
    r.pages,
    r.requests,
    r.p50Ms,
    r.p99Ms,
    r.maxMs,
    r.errors,
  ];
  return [
    `\n=== Load on the ${database} database: ${all.users} users for ${seconds} s` +
      `${publicReaders ? `, then ${publicReaders.users} public readers for ${seconds} s` : ''} ===\n`,
    formatTable(
      ['role', 'users', 'pages', 'requests', 'median ms', 'p99 ms', 'max ms', 'errors'],
      [
        ...results.map((r) => row(r)),
        ['all signed in (worst p99)', all.users, '', all.requests, '', all.p99Ms, all.maxMs, all.errors],
        ...(publicReaders ? [row(publicReaders, 'public readers (no sign-in, run on their own)')] : []),
      ],
    ),
  ].join('\n');
}
