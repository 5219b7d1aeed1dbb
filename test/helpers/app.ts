import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createOversight, type Oversight } from '../../src/app';
import { createDemoOrganisation, DEMO_PASSWORD, type DemoOrganisation } from '../../src/demo/organisation';
import { csrfTokenFor } from '../../src/platform/auth/csrf';
import { hashPassword } from '../../src/platform/auth/passwords';
import { FixedClock } from '../../src/platform/clock';
import { type Config, loadConfig } from '../../src/platform/config';
import type { Db } from '../../src/platform/db/client';
import { type LogStream, PRE_SESSION_COOKIE, SESSION_COOKIE } from '../../src/platform/http/server';
import { freshDatabase } from './database';

export const TEST_START = '2026-11-16T09:00:00Z';

export interface TestContext {
  oversight: Oversight;
  app: FastifyInstance;
  clock: FixedClock;
  config: Config;
  /** The demo organisation with one user per role. */
  org: DemoOrganisation;
  /** A second organisation, to prove nothing leaks between organisations. */
  other: DemoOrganisation;
  close(): Promise<void>;
}

/**
 * The demo password's hash for the test organisations: argon2id at its lowest cost, made once per
 * test worker. Signing in verifies at the cost the hash names, so each of the suite's hundreds of
 * sign-ins costs under 2 ms, not the tenth of a second or more the service's cost takes (1.7 ms
 * against 114 ms on an idle 2-core machine; 157 s of the embedded suite's time went on hashing
 * and verifying, about 15%). The service's own cost is tested in
 * src/platform/auth/passwords.test.ts, and every account a test makes through the service's forms
 * is hashed at it.
 */
let testPasswordHash: Promise<string> | undefined;
export function cheapDemoPasswordHash(): Promise<string> {
  testPasswordHash ??= hashPassword(DEMO_PASSWORD, { parallelism: 1, iterations: 1, memorySize: 8 });
  return testPasswordHash;
}

/** The demo organisation and a second one, Westbrook, their accounts signing in with the demo password. */
export async function createTestOrganisations(
  db: Db,
  at: Date,
): Promise<{ org: DemoOrganisation; other: DemoOrganisation }> {
  const passwordHash = await cheapDemoPasswordHash();
  const org = await createDemoOrganisation(db, at, undefined, { passwordHash });
  const other = await createDemoOrganisation(
    db,
    at,
    { name: 'Westbrook City Council', code: 'WST', emailDomain: 'westbrook.example' },
    { passwordHash },
  );
  return { org, other };
}

/**
 * A whole Oversight on a fresh database, with a settable clock, the demo
 * organisation (one user per role) and a second organisation.
 */
export async function startTestApp(
  options: { env?: Record<string, string>; start?: string; logStream?: LogStream } = {},
): Promise<TestContext> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: 'none', ...options.env });
  const clock = new FixedClock(options.start ?? TEST_START);
  const database = await freshDatabase();
  const oversight = await createOversight(config, { clock, database, logStream: options.logStream });
  const { org, other } = await createTestOrganisations(oversight.database.db, clock.now());
  return { oversight, app: oversight.app, clock, config, org, other, close: () => oversight.close() };
}

type Form = Record<string, string | string[] | undefined>;

function encode(form: Form): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
  }
  return params.toString();
}

/** A browser-like client: keeps cookies and adds the CSRF token to every form it posts. */
export class Agent {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    private readonly secret: string,
  ) {}

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies as Array<{ name: string; value: string }>) {
      // A cleared cookie comes back empty.
      if (c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  csrf(): string {
    const session = this.cookies.get(SESSION_COOKIE);
    const pre = this.cookies.get(PRE_SESSION_COOKIE);
    const binding = session ? `session:${session}` : pre ? `pre:${pre}` : 'none';
    return csrfTokenFor(binding, this.secret);
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.remember(res);
    return res;
  }

  async post(
    url: string,
    form: Form = {},
    options: { csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const body = options.csrf === false ? encode(form) : encode({ _csrf: this.csrf(), ...form });
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.remember(res);
    return res;
  }

  /** Send raw bodies (uploads): the CSRF token goes in the header. */
  async send(
    method: 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload: string | Buffer,
    headers: Record<string, string>,
  ) {
    const res = await this.app.inject({
      method,
      url,
      payload,
      headers: { cookie: this.cookieHeader(), 'x-csrf-token': this.csrf(), ...headers },
    });
    this.remember(res);
    return res;
  }
}

export function agent(ctx: TestContext): Agent {
  return new Agent(ctx.app, ctx.config.sessionSecret);
}

/** An agent signed in as the given email (demo password by default). */
export async function signedIn(ctx: TestContext, email: string, password = DEMO_PASSWORD): Promise<Agent> {
  const a = agent(ctx);
  await a.get('/sign-in');
  const res = await a.post('/sign-in', { email, password });
  if (res.statusCode !== 302 || res.headers.location !== '/') {
    throw new Error(`sign-in as ${email} failed: ${res.statusCode}`);
  }
  return a;
}

/** The email of the demo user with this role in the given organisation. */
export function emailOf(org: DemoOrganisation, role: string): string {
  const u = org.users.find((x) => x.role === role);
  if (!u) throw new Error(`no demo user with role ${role}`);
  return u.email;
}
