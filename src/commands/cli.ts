/**
 * What every command (scripts/*.ts) shares: ordinary mistakes (a bad flag, a
 * missing folder, a wrong setting, an unreachable database) end with a clear
 * message and a non-zero exit status, never a stack trace. Anything else is a
 * fault in Oversight and keeps its stack.
 */
import { ConfigError } from '../platform/config';
import { DataDirInUseError } from '../platform/db/lock';
import { MigrationsPendingError } from '../platform/db/migrations';

/** A mistake the person running the command can fix; its message says how. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Where a command writes: the console, or a list in tests. */
export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: CommandOutput = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/** Exit status for a command used wrongly (bad or missing flags). */
export const USAGE = 2;

/** node:util parseArgs' own errors: unknown option, missing value, unexpected argument. */
function parseArgsMessage(e: unknown): string | undefined {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined;
  const message = (e as Error).message;
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `Unknown option ${unknown[1]}.`;
  const missing = /^Option '([^ ']+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value.`;
  const positional = /^Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `Unexpected argument ${positional[1]}.`;
  return message.split('. ')[0]?.replace(/\.?$/, '.');
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH']);
/** PostgreSQL's codes for a refused sign-in and a missing database. */
const SERVER_CODES: Record<string, string> = {
  '28P01': 'the server refused the user name or password',
  '28000': 'the server refused the connection',
  '3D000': 'the database does not exist',
};

/** A database that cannot be reached, as one line; undefined for anything else. */
export function databaseMessage(e: unknown): string | undefined {
  const seen = new Set<unknown>();
  let error: unknown = e;
  // Drizzle wraps the driver's error in its own ("Failed query: ..."): look inside.
  while (error && typeof error === 'object' && !seen.has(error)) {
    seen.add(error);
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) {
      return `Cannot reach the database server in DATABASE_URL (${code}): check the address and that PostgreSQL is running.`;
    }
    if (typeof code === 'string' && SERVER_CODES[code]) {
      return `Cannot use the database in DATABASE_URL: ${SERVER_CODES[code]}.`;
    }
    error = (error as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Run a command's body and turn its outcome into an exit status: the body's
 * own status, 1 (or the error's) for a mistake explained in one message, 2 for
 * bad flags. Unexpected errors are rethrown, with their stack.
 */
export async function runCommand(
  output: CommandOutput,
  usage: string,
  body: () => Promise<number | undefined>,
): Promise<number> {
  try {
    return (await body()) ?? 0;
  } catch (e) {
    if (e instanceof CommandError) {
      output.err(e.message);
      if (e.exitCode === USAGE) output.err(usage);
      return e.exitCode;
    }
    if (e instanceof ConfigError || e instanceof MigrationsPendingError || e instanceof DataDirInUseError) {
      output.err(e.message);
      return 1;
    }
    const flags = parseArgsMessage(e);
    if (flags) {
      output.err(flags);
      output.err(usage);
      return USAGE;
    }
    const database = databaseMessage(e);
    if (database) {
      output.err(database);
      return 1;
    }
    throw e;
  }
}
