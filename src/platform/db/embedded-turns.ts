/**
 * Turns of the event loop between the embedded database's statements.
 *
 * PGlite runs each statement on Node.js's own thread, and its promises
 * settle as microtasks. A loop of statements (an import reading digests a
 * page at a time, staging chunk by chunk, clearing staging range by range)
 * therefore never lets the event loop turn, and every other request of the
 * process waits for the whole loop, not for one statement. So each statement
 * outside a transaction, and each transaction, ends with a turn
 * (setImmediate), and other requests run between them. Statements inside a
 * transaction are left as they are: nothing else can use the database until
 * it ends.
 */
import { setImmediate } from 'node:timers/promises';
import type { PGlite } from '@electric-sql/pglite';

export function turnAfterEachStatement(client: PGlite): void {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  client.query = (async (...args: Parameters<typeof query>) => {
    try {
      return await query(...args);
    } finally {
      await setImmediate();
    }
  }) as typeof client.query;
  client.exec = async (...args: Parameters<typeof exec>) => {
    try {
      return await exec(...args);
    } finally {
      await setImmediate();
    }
  };
  const transaction = client.transaction.bind(client);
  client.transaction = (async (...args: Parameters<typeof transaction>) => {
    try {
      return await transaction(...args);
    } finally {
      await setImmediate();
    }
  }) as typeof client.transaction;
}
