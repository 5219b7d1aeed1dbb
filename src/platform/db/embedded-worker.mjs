/**
 * The embedded database's own thread (see embedded-client.ts, which starts
 * it). PGlite runs every statement synchronously on the thread that holds it;
 * held here, a long statement (an import's merge, a large report) leaves
 * Node.js's main thread free to answer requests and to check the next file
 * of an import.
 *
 * Plain JavaScript, so that the same file runs under tsx, the test runner and
 * the compiled service. Messages: { id, op, ... } in, { id, result } or
 * { id, error } out. Statements are run in the order they arrive; the main
 * thread keeps a transaction's statements together.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** The fields of a database error that callers read (its code above all); an Error loses them in a message. */
const ERROR_FIELDS = [
  'code',
  'severity',
  'detail',
  'hint',
  'position',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
];

function errorOf(e) {
  const error = { name: e?.name ?? 'Error', message: e?.message ?? String(e), stack: e?.stack };
  for (const field of ERROR_FIELDS) if (e?.[field] !== undefined) error[field] = e[field];
  return error;
}

/** Parsers that leave values of these types as PostgreSQL wrote them (the only kind a caller can ask for). */
function asWritten(types) {
  if (!types) return undefined;
  return Object.fromEntries(types.map((type) => [type, (value) => value]));
}

const resultOf = (r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows, blob: r.blob });

const { dataDir, loadDataDir } = workerData;
let db;
try {
  db = new PGlite(dataDir, loadDataDir ? { loadDataDir } : {});
  await db.waitReady;
  parentPort.postMessage({ ready: true });
} catch (e) {
  parentPort.postMessage({ failed: errorOf(e) });
}

const operations = {
  query: ({ sql, params, rowMode, asWrittenTypes, blob }) =>
    db.query(sql, params, { rowMode, parsers: asWritten(asWrittenTypes), blob }).then(resultOf),
  exec: ({ sql }) => db.exec(sql).then((results) => results.map(resultOf)),
  dump: ({ compression }) => db.dumpDataDir(compression),
  close: () => db.close(),
};

parentPort.on('message', async (message) => {
  try {
    const result = await operations[message.op](message);
    parentPort.postMessage({ id: message.id, result });
  } catch (e) {
    parentPort.postMessage({ id: message.id, error: errorOf(e) });
  }
});
