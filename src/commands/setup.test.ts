import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../test/helpers/app';
import { freshDatabase } from '../../test/helpers/database';
import { createOversight } from '../app';
import { FixedClock } from '../platform/clock';
import { loadConfig } from '../platform/config';
import { type Database, rawRows } from '../platform/db/client';
import { firstRunMessage, organisationCount } from './first-run';
import { parseSetupArgs, setupCommand } from './setup';

const DEV = { NODE_ENV: 'development', LOG_LEVEL: 'silent' };
const GOOD = [
  '--organisation',
  'Oakhaven Borough Council',
  '--code',
  'oak',
  '--admin-email',
  'First.Admin@Oakhaven.example',
  '--admin-name',
  'First Admin',
];

function lines() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

let real: Database;
/** The command closes its database when done; this one outlives each run. */
let database: Database;
const clock = new FixedClock('2026-11-16T09:00:00Z');

beforeAll(async () => {
  real = await freshDatabase();
  await real.migrate();
  database = { ...real, close: async () => undefined };
});
afterAll(async () => {
  await real?.close();
});

async function run(argv: string[], env: Record<string, string> = DEV) {
  const o = lines();
  const status = await setupCommand(argv, { env, output: o.output, clock, database });
  return { status, ...o };
}

describe('parseSetupArgs', () => {
  it('refuses to run outside production without --allow-development, saying how', () => {
    expect(() => parseSetupArgs(GOOD, { NODE_ENV: 'development' })).toThrow(
      /runs only with NODE_ENV=production \(here it is development\).*add --allow-development/,
    );
    expect(() => parseSetupArgs(GOOD, {})).toThrow(/here it is unset/);
  });

  it('takes the values, trimmed, the code in capitals', () => {
    expect(parseSetupArgs([...GOOD, '--allow-development'], {})).toEqual({
      kind: 'setup',
      organisation: 'Oakhaven Borough Council',
      code: 'OAK',
      adminEmail: 'First.Admin@Oakhaven.example',
      adminName: 'First Admin',
    });
    expect(parseSetupArgs(GOOD, { NODE_ENV: 'production' })).toMatchObject({ code: 'OAK' });
  });

  it('takes only a code for a new link', () => {
    expect(parseSetupArgs(['--code', 'oak', '--new-link'], { NODE_ENV: 'production' })).toEqual({
      kind: 'new-link',
      code: 'OAK',
    });
    expect(() => parseSetupArgs([...GOOD, '--new-link'], { NODE_ENV: 'production' })).toThrow(
      '--new-link takes only --code, not --organisation, --admin-email, --admin-name.',
    );
    expect(() => parseSetupArgs(['--new-link'], { NODE_ENV: 'production' })).toThrow('--code is missing');
  });

  it('says which value is missing or wrong', () => {
    expect(() => parseSetupArgs(['--allow-development'], {})).toThrow(
      /--organisation is missing[\s\S]*--code is missing[\s\S]*--admin-email is missing[\s\S]*--admin-name is missing/,
    );
    const bad = ['--organisation', 'X', '--code', 'O-A-K', '--admin-email', 'nobody', '--admin-name', ' '];
    expect(() => parseSetupArgs(bad, { NODE_ENV: 'production' })).toThrow(
      /--organisation must be the organisation's name[\s\S]*--code must be 2 to 10 letters or digits[\s\S]*--admin-email must be an email address[\s\S]*--admin-name must be/,
    );
  });
});

describe('the setup command', () => {
  it('answers bad flags with one line and the usage, exit status 2, before touching the database', async () => {
    const unknown = await run([...GOOD, '--colour', 'blue']);
    expect(unknown.status).toBe(2);
    expect(unknown.err[0]).toBe('Unknown option --colour.');
    expect(unknown.err[1]).toMatch(/^Usage: npm run setup -- --organisation/);
    const missingValue = await run(['--allow-development', '--code']);
    expect(missingValue.err[0]).toBe('--code needs a value.');
    const development = await run(GOOD);
    expect(development.status).toBe(2);
    expect(development.err[0]).toMatch(/runs only with NODE_ENV=production/);
    expect(await organisationCount(database.db)).toBe(0);
  });

  it('says what to run when the database has no organisation', async () => {
    expect(await organisationCount(database.db)).toBe(0);
    const production = firstRunMessage('production').join('\n');
    expect(production).toContain('NODE_ENV=production node dist/scripts/setup.js --organisation');
    expect(production).not.toContain('--allow-development');
    expect(firstRunMessage('development').join('\n')).toMatch(
      /npm run setup -- --organisation .* --allow-development/,
    );
  });

  it('creates the organisation and its administrator and prints the link once; the link sets the password', async () => {
    const done = await run([...GOOD, '--allow-development']);
    expect(done.err).toEqual([]);
    expect(done.status).toBe(0);
    expect(done.out[0]).toBe(
      'Created Oakhaven Borough Council (code OAK) and its first administrator, First Admin <First.Admin@Oakhaven.example>.',
    );
    const text = done.out.join('\n');
    expect(text).toContain('No mail server is configured (SMTP_URL)');
    const links = text.match(/http:\/\/localhost:3000\/account\/set-password\/[A-Za-z0-9_-]+/g) ?? [];
    expect(links).toHaveLength(1);
    const first = links[0]!.split('/').pop()!;

    const [org] = await rawRows<{ id: string; name: string; code: string }>(
      database.db,
      sql`select id, name, code from organisations`,
    );
    expect(org).toMatchObject({ name: 'Oakhaven Borough Council', code: 'OAK' });
    const users = await rawRows<{ email: string; role: string; password_hash: string | null }>(
      database.db,
      sql`select email, role, password_hash from users where organisation_id = ${org!.id}`,
    );
    expect(users).toEqual([
      { email: 'first.admin@oakhaven.example', role: 'administrator', password_hash: null },
    ]);
    const audit = await rawRows<{ action: string }>(
      database.db,
      sql`select action from access_audit where organisation_id = ${org!.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['organisation.setup', 'user.create', 'user.invite']);
    // The link is on the console only: never kept in the outbox.
    const kept = await rawRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from mail_messages where body like ${`%${first}%`}`,
    );
    expect(kept[0]!.n).toBe(0);

    // The first link expired unused (or was lost): a new one replaces it.
    const renewed = await run(['--code', 'oak', '--new-link', '--allow-development']);
    expect(renewed.status).toBe(0);
    expect(renewed.out[0]).toBe(
      'Made a new set-password link for First Admin <first.admin@oakhaven.example>, the first administrator of Oakhaven Borough Council. Earlier links no longer work.',
    );
    const token = renewed.out.join('\n').match(/\/account\/set-password\/([A-Za-z0-9_-]+)/)![1]!;
    expect(token).not.toBe(first);

    // The administrator follows the link, sets a password and signs in.
    const config = loadConfig({ ...DEV, DEMO: 'none' });
    const oversight = await createOversight(config, { clock, database });
    try {
      const admin = new Agent(oversight.app, config.sessionSecret);
      expect((await admin.get(`/account/set-password/${first}`)).statusCode).toBe(410);
      expect((await admin.get(`/account/set-password/${token}`)).statusCode).toBe(200);
      const password = 'a long first administrator passphrase 2026';
      const set = await admin.post(`/account/set-password/${token}`, { password, confirm: password });
      expect(set.headers.location).toBe('/sign-in');
      await admin.get('/sign-in');
      const signIn = await admin.post('/sign-in', { email: 'first.admin@oakhaven.example', password });
      expect(signIn.headers.location).toBe('/');
      expect((await admin.get('/admin/users')).statusCode).toBe(200);
    } finally {
      await oversight.close();
    }
    // From now on the administrator sends links in the service.
    const refused = await run(['--code', 'OAK', '--new-link', '--allow-development']);
    expect(refused.status).toBe(1);
    expect(refused.err).toEqual([
      'Oakhaven Borough Council already has an administrator with a password: they send new links under Administration > Users. No link was made.',
    ]);
    const unknown = await run(['--code', 'ZZZ', '--new-link', '--allow-development']);
    expect(unknown.err).toEqual(['No organisation has the code ZZZ. No link was made.']);
  });

  it('refuses to run twice for the same organisation code, whatever its case', async () => {
    const again = await run([
      '--organisation',
      'Oakhaven Again',
      '--code',
      'Oak',
      '--admin-email',
      'another@oakhaven.example',
      '--admin-name',
      'Another',
      '--allow-development',
    ]);
    expect(again.status).toBe(1);
    expect(again.err).toEqual([
      'An organisation with the code OAK already exists (Oakhaven Borough Council): setup has been run for it. Its administrators add people under Administration > Users. Nothing was created.',
    ]);
    expect(await organisationCount(database.db)).toBe(1);
  });

  it('refuses an administrator email address already in use, creating nothing', async () => {
    const taken = await run([
      '--organisation',
      'Westbrook City Council',
      '--code',
      'WST',
      '--admin-email',
      'first.admin@oakhaven.example',
      '--admin-name',
      'Someone',
      '--allow-development',
    ]);
    expect(taken.status).toBe(1);
    expect(taken.err).toEqual([
      '--admin-email: an account with the address first.admin@oakhaven.example already exists. Give another address. Nothing was created.',
    ]);
    expect(await organisationCount(database.db)).toBe(1);
  });

  it('runs in production without the flag, and mails the link when SMTP is configured', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(
            Buffer.concat(chunks)
              .toString('utf8')
              .replace(/=\r?\n/g, ''),
          );
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.server.address() as AddressInfo;
    try {
      const production = {
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        // Required in production; the test's own database is used instead.
        DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
        SESSION_SECRET: 'a production secret of at least thirty-two characters',
        PUBLIC_URL: 'https://oversight.westbrook.example',
        SMTP_URL: `smtp://127.0.0.1:${port}`,
      };
      const done = await run(
        [
          '--organisation',
          'Westbrook City Council',
          '--code',
          'WST',
          '--admin-email',
          'admin@westbrook.example',
          '--admin-name',
          'Westbrook Admin',
        ],
        production,
      );
      expect(done.err).toEqual([]);
      expect(done.status).toBe(0);
      const text = done.out.join('\n');
      expect(text).toContain('A set-password link has been emailed to admin@westbrook.example');
      expect(text).not.toContain('/account/set-password/');
      expect(received).toHaveLength(1);
      expect(received[0]).toMatch(
        /https:\/\/oversight\.westbrook\.example\/account\/set-password\/[A-Za-z0-9_-]{20,}/,
      );
      expect(received[0]).toContain('Westbrook City Council has given you an account on Oversight');
      expect(await organisationCount(database.db)).toBe(2);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
