/**
 * The embedded database on a thread of its own (embedded-worker.mjs holds
 * PGlite), with the part of PGlite's interface that Drizzle and Oversight
 * use: query, exec, transaction, dumpDataDir and close.
 *
 * PGlite runs each statement on the thread that holds it. On Node.js's main
 * thread a long statement stopped everything else the process does: every
 * request, however small, waited for an import's merge, and an import could
 * not check one file while the database staged the last. Here the main thread
 * only posts statements and is told their results, so it answers requests and
 * runs the import's check while the database works, and the event loop turns
 * between statements.
 *
 * One connection, as before: a transaction's statements run together, and
 * everything else waits for it to end (a queue here, in the main thread).
 */
import { Worker } from 'node:worker_threads';
import { fromRoot } from '../paths';
import { isBackground } from './background';

/**
 * How long background work waits after the last of people's statements ended: longer than the gap
 * between one statement of a page and its next, short beside what a page takes.
 */
const FOREGROUND_GAP_MS = 15;

/** A statement's result, as PGlite gives it. */
export interface EmbeddedResult<T = unknown> {
  rows: T[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
  blob?: Blob;
}

export interface EmbeddedQueryOptions {
  rowMode?: 'array' | 'object';
  /**
   * Parsers by type: only ones that leave the value as PostgreSQL wrote it can cross to the
   * database's thread (Drizzle's are all of that kind), so only their types are sent.
   */
  parsers?: Record<number, unknown>;
  /** The file COPY ... FROM '/dev/blob' reads. */
  blob?: Blob;
}

/** What a transaction's callback is given: statements that run inside it. */
export interface EmbeddedTransaction {
  query<T>(sql: string, params?: unknown[], options?: EmbeddedQueryOptions): Promise<EmbeddedResult<T>>;
  exec(sql: string): Promise<EmbeddedResult[]>;
}

interface Call {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

type Reply = { id: number; result?: unknown; error?: Record<string, unknown> };

/** An error from the database's thread, with the fields callers read (code, constraint, detail...). */
function errorFrom(fields: Record<string, unknown>): Error {
  const error = new Error(String(fields.message));
  Object.assign(error, fields);
  return error;
}

export class EmbeddedClient implements EmbeddedTransaction {
  readonly #worker: Worker;
  readonly #calls = new Map<number, Call>();
  #next = 0;
  /** Statements and transactions waiting for the database: people's first, then background work's. */
  readonly #waiting = { foreground: [] as (() => void)[], background: [] as (() => void)[] };
  #busy = false;
  /** When the last of people's statements ended (performance.now()). */
  #foregroundEnded = -Infinity;
  #wake: NodeJS.Timeout | undefined;
  #gone: Error | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: Reply) => {
      const call = this.#calls.get(reply.id);
      if (!call) return;
      this.#calls.delete(reply.id);
      // An idle database thread must not keep the process alive; one with work for it must.
      if (this.#calls.size === 0) this.#worker.unref();
      if (reply.error) call.reject(errorFrom(reply.error));
      else call.resolve(reply.result);
    });
    const fail = (error: Error) => {
      this.#gone ??= error;
      for (const call of this.#calls.values()) call.reject(this.#gone);
      this.#calls.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The embedded database's thread ended (exit code ${code})`)));
  }

  /** Start the database's thread on a data folder (or memory://), optionally from a copy of one. */
  static async open(dataDir: string, loadDataDir?: Blob): Promise<EmbeddedClient> {
    const worker = new Worker(fromRoot('src', 'platform', 'db', 'embedded-worker.mjs'), {
      workerData: { dataDir, loadDataDir },
    });
    const started = await new Promise<{ ready?: true; failed?: Record<string, unknown> }>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      },
    );
    if (started.failed) {
      await worker.terminate();
      throw errorFrom(started.failed);
    }
    worker.unref();
    return new EmbeddedClient(worker);
  }

  query<T>(
    sql: string,
    params: unknown[] = [],
    options: EmbeddedQueryOptions = {},
  ): Promise<EmbeddedResult<T>> {
    return this.#inTurn(() => this.#query<T>(sql, params, options));
  }

  exec(sql: string): Promise<EmbeddedResult[]> {
    return this.#inTurn(() => this.#exec(sql));
  }

  /**
   * Run the callback's statements in one transaction: committed when it resolves, rolled back when
   * it throws. Nothing else reaches the database meanwhile.
   */
  transaction<T>(callback: (tx: EmbeddedTransaction) => Promise<T>): Promise<T> {
    return this.#inTurn(async () => {
      let open = true;
      const inside = <R>(run: () => Promise<R>) => {
        if (!open) return Promise.reject(new Error('The transaction has already ended'));
        return run();
      };
      const tx: EmbeddedTransaction = {
        query: (sql, params = [], options = {}) => inside(() => this.#query(sql, params, options)),
        exec: (sql) => inside(() => this.#exec(sql)),
      };
      await this.#query('begin', [], {});
      try {
        const result = await callback(tx);
        open = false;
        await this.#query('commit', [], {});
        return result;
      } catch (e) {
        open = false;
        await this.#query('rollback', [], {});
        throw e;
      }
    });
  }

  /** A copy of the whole data folder (a tar, gzipped if asked), taken between statements. */
  dumpDataDir(compression?: 'gzip' | 'none' | 'auto'): Promise<Blob> {
    return this.#inTurn(() => this.#call('dump', { compression }) as Promise<Blob>);
  }

  /** Close the database (once every statement queued before has run) and end its thread. */
  close(): Promise<void> {
    return this.#inTurn(async () => {
      try {
        if (!this.#gone) await this.#call('close', {});
      } finally {
        this.#gone ??= new Error('The embedded database is closed');
        clearTimeout(this.#wake);
        this.#wake = undefined;
        await this.#worker.terminate();
      }
    });
  }

  #query<T>(sql: string, params: unknown[], options: EmbeddedQueryOptions): Promise<EmbeddedResult<T>> {
    return this.#call('query', {
      sql,
      params,
      rowMode: options.rowMode,
      asWrittenTypes: options.parsers ? Object.keys(options.parsers).map(Number) : undefined,
      blob: options.blob,
    }) as Promise<EmbeddedResult<T>>;
  }

  #exec(sql: string): Promise<EmbeddedResult[]> {
    return this.#call('exec', { sql }) as Promise<EmbeddedResult[]>;
  }

  #call(op: string, message: Record<string, unknown>): Promise<unknown> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#calls.set(id, { resolve, reject });
      if (this.#calls.size === 1) this.#worker.ref();
      this.#worker.postMessage({ id, op, ...message });
    });
  }

  /**
   * Run when the database is free: in the order asked, except that background work
   * (platform/db/background.ts) waits while anyone else's is waiting, and for FOREGROUND_GAP_MS after
   * the last of theirs ended, so a page's statements follow each other without an import's between.
   */
  #inTurn<R>(run: () => Promise<R>): Promise<R> {
    const foreground = !isBackground();
    const queue = foreground ? this.#waiting.foreground : this.#waiting.background;
    return new Promise<R>((resolve, reject) => {
      queue.push(() => {
        this.#busy = true;
        run()
          .then(resolve, reject)
          .finally(() => {
            this.#busy = false;
            if (foreground) this.#foregroundEnded = performance.now();
            this.#startNext();
          });
      });
      this.#startNext();
    });
  }

  #startNext(): void {
    if (this.#busy) return;
    const next = this.#waiting.foreground.shift();
    if (next) {
      next();
      return;
    }
    if (this.#waiting.background.length === 0) return;
    const wait = this.#foregroundEnded + FOREGROUND_GAP_MS - performance.now();
    if (wait > 0) {
      this.#wake ??= setTimeout(() => {
        this.#wake = undefined;
        this.#startNext();
      }, wait);
      return;
    }
    this.#waiting.background.shift()!();
  }
}
