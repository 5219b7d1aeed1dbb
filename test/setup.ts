/**
 * Run before each test file. A query sent on a connection that is still
 * answering another (Promise.all inside a transaction) is deprecated by pg
 * and refused by pg 9: fail the run where it happens rather than warn once.
 * Services read side by side through platform/db/together.ts.
 */
const guard = Symbol.for('oversight.test.pg-queue-guard');
const marked = globalThis as { [guard]?: true };
if (!marked[guard]) {
  marked[guard] = true;
  process.on('warning', (warning) => {
    if (warning.name === 'DeprecationWarning' && /already executing a query/.test(warning.message)) {
      throw new Error(
        'A query was sent on a database connection still answering another: inside a transaction, read with together() or mapTogether() (platform/db/together.ts), not Promise.all',
      );
    }
  });
}
