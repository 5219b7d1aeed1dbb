/**
 * What a person is told when an import stops on something unexpected: never
 * the database's own words (a failed query's message holds the statement and
 * the values from the file), but what happened and what to do.
 */
import { loggableError } from '../../platform/errors';

export function importFailureMessage(e: unknown): string {
  const code = String((e as { code?: unknown })?.code ?? '');
  if (code.startsWith('CSV_')) {
    const line = (e as { lines?: number }).lines;
    const reason = code.slice(4).toLowerCase().replaceAll('_', ' ');
    return `a file could not be read as CSV${line ? ` at line ${line}` : ''} (${reason}). Check the file was exported as CSV, then upload it again.`;
  }
  const logged = loggableError(e);
  return `something unexpected went wrong (${logged.code ? `database error ${logged.code}` : logged.type}). Upload the extract again; if it happens again, tell your system administrator the time of the import.`;
}
