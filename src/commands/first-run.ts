import { count } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { organisations } from '../platform/schema';

export async function organisationCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return Number(row?.n ?? 0);
}

/**
 * What the console says when the service starts on a database with no
 * organisation: nobody can sign in until the setup command has made the
 * first organisation and administrator. Production runs the compiled
 * command; elsewhere the source, with the flag that allows it outside
 * production.
 */
export function firstRunMessage(env: 'development' | 'test' | 'production'): string[] {
  const flags =
    '--organisation "Your Council" --code ABC --admin-email first.admin@council.example --admin-name "First Admin"';
  const command =
    env === 'production'
      ? `NODE_ENV=production node dist/scripts/setup.js ${flags}`
      : `npm run setup -- ${flags} --allow-development`;
  return [
    '',
    'The database has no organisation yet, so nobody can sign in.',
    'Create the organisation and its first administrator (with the same settings as the service) with:',
    `  ${command}`,
    'The administrator is sent a link to set their password (printed instead when SMTP_URL is not set). See docs/operations.md, "First run".',
  ];
}
