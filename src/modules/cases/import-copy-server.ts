/**
 * The staging writer for a PostgreSQL server: one COPY FROM STDIN per file,
 * streamed with pg-copy-streams on a connection of its own from the pool,
 * each chunk written as the last is taken (import-copy.ts). The COPY commits
 * when the file ends; staging is never read by pages, and other connections
 * carry on meanwhile.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { COPY_TARGET, type StagingWriter } from './import-copy';

const COPY = `copy ${COPY_TARGET} from stdin`;

export async function serverStagingWriter(pool: pg.Pool): Promise<StagingWriter> {
  const client = await pool.connect();
  const stream = client.query(copyFrom(COPY));
  // Settles when the COPY has ended (committed) or failed; watched from the start, so a failure
  // while nothing is awaiting it is never unhandled.
  const done = finished(stream);
  done.catch(() => undefined);
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    // A connection given back with an error is closed: no half-finished COPY survives on it.
    client.release(error);
  };
  return {
    async write(lines) {
      if (!lines.length) return;
      if (!stream.write(lines)) await Promise.race([once(stream, 'drain'), done]);
    },
    async end() {
      stream.end();
      try {
        await done;
      } catch (e) {
        release(e as Error);
        throw e;
      }
      release();
    },
    async abort(error) {
      stream.destroy(error);
      await done.catch(() => undefined);
      release(error);
    },
  };
}
