/**
 * The staging writer for the embedded database: each chunk of COPY lines is
 * one `COPY ... FROM '/dev/blob'` statement, which commits on its own, so
 * other people's requests run between chunks (import-copy.ts).
 */
import type { EmbeddedClient } from '../../platform/db/embedded-client';
import { COPY_TARGET, type StagingWriter } from './import-copy';

const COPY = `copy ${COPY_TARGET} from '/dev/blob'`;

export function embeddedStagingWriter(client: EmbeddedClient): StagingWriter {
  return {
    async write(lines) {
      if (lines.length) await client.query(COPY, [], { blob: new Blob([lines]) });
    },
    async end() {},
    async abort() {},
  };
}
