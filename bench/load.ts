/**
 * `npm run bench -- --load`: simulated users browsing the service on
 * loopback, signed in as a mix of roles, for a bounded run, then readers of
 * the public site. The load comes from autocannon: each simulated person
 * opens their pages in turn, a page every BENCH_LOAD_THINK seconds (five by
 * default), for BENCH_LOAD_SECONDS.
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import type { Oversight } from '../src/app';
import { CommandError } from '../src/commands/cli';
import type { Role } from '../src/platform/permissions';
import { formatTable, percentile } from './harness';
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
 * Seconds a simulated person spends on a page before opening the next
 * (BENCH_LOAD_THINK; 5 by default, brisker than anyone reads a case record
 * or a committee paper).
 */
export function loadThink(env: NodeJS.ProcessEnv = process.env): number {
  const think = Number(env.BENCH_LOAD_THINK ?? 5);
  if (!Number.isInteger(think) || think < 1 || think > 60) {
    throw new CommandError(
      `BENCH_LOAD_THINK must be a whole number of seconds from 1 to 60, like 5 (it is ${env.BENCH_LOAD_THINK}).`,
    );
  }
  return think;
}

/**
 * The load of `users` people each opening a page every `think` seconds, as
 * autocannon clients each opening a page a second (autocannon paces a client
 * by the whole second): users / think of them, at least one.
 */
export function clientsFor(users: number, think: number): number {
  return Math.max(1, Math.round(users / think));
}

/** One client: who it is signed in as (if anyone) and the pages it opens in turn. */
interface Person {
  cookie?: string;
  paths: readonly string[];
}

/** What a group of people saw: every response time, with the requests that failed. */
interface Seen {
  times: number[];
  requests: number;
  errors: number;
}

/**
 * Clients browsing at once, each an autocannon client of its own on one
 * connection opening a page a second, their starts spread evenly over the
 * second so their requests arrive as people's do rather than all on the
 * same tick. Each opens its pages in turn. An answer other than 200, a
 * timeout or a broken connection counts as an error.
 */
async function browse(address: string, people: readonly Person[], seconds: number): Promise<Seen[]> {
  const spacing = 1000 / Math.max(1, people.length);
  return Promise.all(
    people.map(async (person, n) => {
      await new Promise((resolve) => setTimeout(resolve, n * spacing));
      const times: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: address,
            connections: 1,
            connectionRate: 1,
            duration: seconds,
            timeout: 30,
            ...(person.cookie ? { headers: { cookie: person.cookie } } : {}),
            requests: person.paths.map((path) => ({ method: 'GET', path })),
          },
          (error, done) => (error ? reject(error) : resolve(done)),
        );
        instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
      });
      return {
        times,
        requests: result.requests.total,
        errors: result.errors + result.timeouts + result.non2xx,
      };
    }),
  );
}

/** A group's line of the load table from what its people saw. */
function summary(role: LoadResult['role'], users: number, pages: number, seen: readonly Seen[]): LoadResult {
  const times = seen.flatMap((s) => s.times).sort((a, b) => a - b);
  return {
    role,
    users,
    pages,
    requests: seen.reduce((n, s) => n + s.requests, 0),
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times.at(-1) ?? Number.NaN,
    errors: seen.reduce((n, s) => n + s.errors, 0),
  };
}

/**
 * Every role's users at once against the app listening on loopback, each
 * opening their role's pages in turn, a page every `think` seconds.
 */
export async function runLoad(
  oversight: Oversight,
  pages: readonly BenchPage[],
  cookieOf: (role: Role) => Promise<string>,
  seconds: number,
  think: number,
): Promise<LoadResult[]> {
  const address = await listening(oversight);
  const groups: Array<{ role: Role; users: number; paths: string[]; cookie: string }> = [];
  for (const { role, users } of LOAD_USERS) {
    const paths = pages.filter((p) => p.role === role).map((p) => p.url);
    if (paths.length) groups.push({ role, users, paths, cookie: await cookieOf(role) });
  }
  // Each client starts at a different page of its role's, as people do.
  const people = groups.flatMap((g) =>
    Array.from({ length: clientsFor(g.users, think) }, (_, n) => ({
      role: g.role,
      cookie: g.cookie,
      paths: [...g.paths.slice(n % g.paths.length), ...g.paths.slice(0, n % g.paths.length)],
    })),
  );
  const seen = await browse(address, people, seconds);
  return groups.map((g) =>
    summary(
      g.role,
      g.users,
      g.paths.length,
      seen.filter((_, n) => people[n]!.role === g.role),
    ),
  );
}

/** Readers of the public site at once (no sign-in), after the signed-in users. */
export const PUBLIC_READERS = 50;

/**
 * Readers of the public site, without signing in, run on their own (after
 * the signed-in users, so that its p99 is its own): PUBLIC_READERS at once,
 * each opening the public pages in turn, a page every `think` seconds, for `seconds`.
 */
export async function runPublicLoad(
  oversight: Oversight,
  urls: readonly string[],
  seconds: number,
  think: number,
): Promise<LoadResult | undefined> {
  if (!urls.length) return undefined;
  const address = await listening(oversight);
  const people = Array.from({ length: clientsFor(PUBLIC_READERS, think) }, (_, n) => ({
    paths: [...urls.slice(n % urls.length), ...urls.slice(0, n % urls.length)],
  }));
  return summary('public readers', PUBLIC_READERS, urls.length, await browse(address, people, seconds));
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
  think = 5,
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
      `${publicReaders ? `, then ${publicReaders.users} public readers for ${seconds} s` : ''}` +
      `, each opening a page every ${think} s ===\n`,
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
