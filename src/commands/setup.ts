/**
 * The first-run setup command (scripts/setup.ts):
 *
 *   node dist/scripts/setup.js --organisation "Oakhaven Borough Council" --code OAK \
 *     --admin-email a.person@oakhaven.gov.uk --admin-name "A Person"
 *
 * Brings the database's schema up to date, then creates the organisation and
 * its first administrator, who gets a set-password link by mail or, with no
 * mail server configured, on the console, once. It runs only with
 * NODE_ENV=production, so it never makes an organisation in a development
 * database by accident; --allow-development lets it run anywhere, for trying
 * it out. A code already used is refused.
 *
 * With --code CODE --new-link it makes a new link for the organisation's first
 * administrator when the first one expired or was lost before they set a
 * password; once an administrator has a password, they send links in the service.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createOversight } from '../app';
import {
  newFirstAdministratorLink,
  type SetUpOrganisation,
  setUpOrganisation,
} from '../platform/admin/setup';
import type { Clock } from '../platform/clock';
import { loadConfig } from '../platform/config';
import type { Database } from '../platform/db/client';
import { ValidationError } from '../platform/errors';
import { formatDateTime } from '../platform/http/views';
import { CommandError, type CommandOutput, consoleOutput, runCommand, USAGE } from './cli';

export const SETUP_USAGE =
  'Usage: npm run setup -- --organisation "Oakhaven Borough Council" --code OAK --admin-email a.person@oakhaven.gov.uk --admin-name "A Person" [--allow-development], or --code OAK --new-link for a new link when the first expired unused (in production: node dist/scripts/setup.js with the same flags)';

const inputSchema = z.object({
  organisation: z
    .string({
      error:
        '--organisation is missing: give the organisation\'s name, like --organisation "Oakhaven Borough Council"',
    })
    .trim()
    .min(2, '--organisation must be the organisation\'s name, like "Oakhaven Borough Council"')
    .max(120, '--organisation must be 120 characters or fewer'),
  code: z
    .string({ error: '--code is missing: give a short code for the organisation, like --code OAK' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,10}$/, '--code must be 2 to 10 letters or digits, like OAK'),
  'admin-email': z
    .string({ error: "--admin-email is missing: give the first administrator's email address" })
    .trim()
    .pipe(z.email('--admin-email must be an email address, like a.person@oakhaven.gov.uk')),
  'admin-name': z
    .string({
      error:
        '--admin-name is missing: give the first administrator\'s full name, like --admin-name "A Person"',
    })
    .trim()
    .min(1, "--admin-name must be the administrator's full name")
    .max(200, '--admin-name must be 200 characters or fewer'),
});

export type SetupRequest =
  | { kind: 'setup'; organisation: string; code: string; adminEmail: string; adminName: string }
  /** A new link for a first administrator who never set a password (the first one expired). */
  | { kind: 'new-link'; code: string };

/**
 * The command line, checked: flags known and well-formed, the environment
 * allowed, every value valid. Throws a CommandError saying what to change.
 */
export function parseSetupArgs(argv: string[], env: NodeJS.ProcessEnv): SetupRequest | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      organisation: { type: 'string' },
      code: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      'allow-development': { type: 'boolean', default: false },
      'new-link': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  if (env.NODE_ENV !== 'production' && !values['allow-development']) {
    throw new CommandError(
      `Setup creates a real organisation and administrator, so it runs only with NODE_ENV=production (here it is ${env.NODE_ENV ?? 'unset'}). To try it on a development database, add --allow-development.`,
      USAGE,
    );
  }
  if (values['new-link']) {
    const others = (['organisation', 'admin-email', 'admin-name'] as const).filter(
      (k) => values[k] !== undefined,
    );
    if (others.length > 0) {
      throw new CommandError(`--new-link takes only --code, not --${others.join(', --')}.`, USAGE);
    }
    const code = inputSchema.shape.code.safeParse(values.code);
    if (!code.success) throw new CommandError(code.error.issues.map((i) => i.message).join('\n'), USAGE);
    return { kind: 'new-link', code: code.data };
  }
  const parsed = inputSchema.safeParse(values);
  if (!parsed.success) {
    throw new CommandError(parsed.error.issues.map((i) => i.message).join('\n'), USAGE);
  }
  const v = parsed.data;
  return {
    kind: 'setup',
    organisation: v.organisation,
    code: v.code,
    adminEmail: v['admin-email'],
    adminName: v['admin-name'],
  };
}

export interface SetupOptions {
  env?: NodeJS.ProcessEnv;
  output?: CommandOutput;
  /** Tests pass their own clock and database. */
  clock?: Clock;
  database?: Database;
}

/** The whole command; returns the exit status. */
export async function setupCommand(argv: string[], options: SetupOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const output = options.output ?? consoleOutput;
  return runCommand(output, SETUP_USAGE, async () => {
    const request = parseSetupArgs(argv, env);
    if (request === 'help') {
      output.out(SETUP_USAGE);
      return 0;
    }
    const config = loadConfig({ ...env, DEMO: 'none', LOG_LEVEL: env.LOG_LEVEL ?? 'warn' });
    const oversight = await createOversight(config, { clock: options.clock, database: options.database });
    const deps = {
      db: oversight.database.db,
      clock: oversight.clock,
      mailer: oversight.mailer,
      secret: config.sessionSecret,
      publicUrl: config.publicUrl,
    };
    try {
      let done: SetUpOrganisation;
      let admin: { name: string; email: string };
      if (request.kind === 'new-link') {
        const renewed = await newFirstAdministratorLink(deps, request.code).catch((e) => {
          if (e instanceof ValidationError) throw new CommandError(`${e.message} No link was made.`);
          throw e;
        });
        done = renewed;
        admin = { name: renewed.adminName, email: renewed.adminEmail };
        output.out(
          `Made a new set-password link for ${admin.name} <${admin.email}>, the first administrator of ${renewed.organisationName}. Earlier links no longer work.`,
        );
      } else {
        done = await setUpOrganisation(deps, {
          name: request.organisation,
          code: request.code,
          adminName: request.adminName,
          adminEmail: request.adminEmail,
        }).catch((e) => {
          if (!(e instanceof ValidationError)) throw e;
          if (e.fields.email) {
            throw new CommandError(
              `--admin-email: an account with the address ${request.adminEmail} already exists. Give another address. Nothing was created.`,
            );
          }
          throw new CommandError(`${e.message} Nothing was created.`);
        });
        admin = { name: request.adminName, email: request.adminEmail };
        output.out(
          `Created ${request.organisation} (code ${request.code}) and its first administrator, ${admin.name} <${admin.email}>.`,
        );
      }
      const until = formatDateTime(done.expiresAt);
      const signIn = `${config.publicUrl.replace(/\/+$/, '')}/sign-in`;
      if (done.mail === 'sent') {
        output.out(`A set-password link has been emailed to ${admin.email}. It works once, until ${until}.`);
      } else {
        output.out(
          done.mail === 'failed'
            ? `The email to ${admin.email} could not be sent (see Administration > Outbox later), so here is the set-password link instead.`
            : 'No mail server is configured (SMTP_URL), so here is the set-password link.',
        );
        output.out(
          `It is shown only this once and works once, until ${until}. Give it to ${admin.name} privately:`,
        );
        output.out(`  ${done.link}`);
      }
      output.out(
        `After setting a password they sign in at ${signIn} and invite everyone else under Administration > Users.`,
      );
      return 0;
    } finally {
      await oversight.close();
    }
  });
}
