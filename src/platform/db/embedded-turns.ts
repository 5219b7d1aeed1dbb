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

/** The same call, ending with a turn of the event loop whether it succeeds or fails. */
function thenTurn<A extends unknown[], R>(call: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await call(...args);
    } finally {
      await setImmediate();
    }
  };
}

export function turnAfterEachStatement(client: PGlite): void {
  client.query = thenTurn(client.query.bind(client)) as typeof client.query;
  client.exec = thenTurn(client.exec.bind(client));
  client.transaction = thenTurn(client.transaction.bind(client)) as typeof client.transaction;
}
