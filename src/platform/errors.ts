/** Errors a service throws for the HTTP layer to turn into the right page. */

export class NotFoundError extends Error {
  readonly statusCode = 404;
  constructor(what = 'record') {
    super(`${what} not found`);
  }
}

export class ForbiddenError extends Error {
  readonly statusCode = 403;
  constructor(message = 'You do not have permission to do this') {
    super(message);
  }
}

/**
 * Input that passed the form's own checks but breaks a business rule (a
 * duplicate reference, completion without evidence). Carries a message per
 * field so the form can show the GOV.UK error summary.
 */
export class ValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields).join('; '));
  }
}

/**
 * The database's code for an error (23505 for a unique index, 23503 for a
 * reference), from the error itself or the driver error the ORM wraps in it.
 */
export function databaseErrorCode(e: unknown): string | undefined {
  const cause = (e as { cause?: { code?: unknown } } | null)?.cause;
  const code = (e as { code?: unknown } | null)?.code ?? cause?.code;
  return code === undefined || code === null ? undefined : String(code) || undefined;
}

/**
 * What of an unexpected error may be logged: its kind, database code and
 * where it came from, never the statement or the values sent with it (a
 * failed query's message carries both, and so the person's input).
 */
export function loggableError(e: unknown): { type: string; code?: string; message: string; stack?: string } {
  if (!(e instanceof Error)) return { type: typeof e, message: 'non-error thrown' };
  const code = databaseErrorCode(e);
  const fromDatabase =
    /failed query|params:/i.test(e.message) || (code !== undefined && /^[0-9A-Z]{5}$/.test(code));
  const message = fromDatabase
    ? `database error${code ? ` ${code}` : ''} (statement and values not logged)`
    : e.message.split('\n')[0]!.slice(0, 300);
  const frames = e.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  return { type: e.name, code, message, stack: frames?.join('\n') };
}

/** Text with no control characters but tab, line feed and carriage return (NUL breaks PostgreSQL text). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

export function hasControlCharacters(text: string): boolean {
  CONTROL_CHARACTERS.lastIndex = 0;
  const found = CONTROL_CHARACTERS.test(text);
  CONTROL_CHARACTERS.lastIndex = 0;
  return found;
}

/** A value shown back to a person, control characters made visible (NUL as \0, others as \xNN). */
export function visibleControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (c) =>
    c === '\u0000' ? '\\0' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
