/**
 * The rows an import has checked, kept on disk until it applies them, so
 * each file is parsed and validated once (not again to write it) and a
 * large extract never sits in memory: one line of JSON (the row's values,
 * as import-rows.ts read them) per row.
 *
 * The folder is named like an upload folder (oversight-upload-<process id>-),
 * so if the process dies mid-import, start-up removes it with them
 * (sweepStaleUploads in platform/http/uploads.ts).
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { UPLOAD_DIR_PREFIX } from '../../platform/http/uploads';

/** Bytes gathered before a write to disk. */
const FLUSH_AT = 1024 * 1024;

export interface Spool {
  readonly dir: string;
  /** A new file in the folder, for one table's rows. */
  writer(name: string): SpoolWriter;
  /** Remove the folder and every file in it. */
  remove(): Promise<void>;
}

export async function openSpool(): Promise<Spool> {
  const dir = await mkdtemp(join(tmpdir(), `${UPLOAD_DIR_PREFIX}${process.pid}-import-`));
  return {
    dir,
    writer: (name) => new SpoolWriter(join(dir, `${name}.jsonl`)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export class SpoolWriter {
  private readonly stream: WriteStream;
  /** Lines are written straight into this, as UTF-8, until it is full (no string is built to hold them). */
  private buffer = Buffer.allocUnsafe(FLUSH_AT);
  private used = 0;
  private failed: Error | undefined;
  rows = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
    this.stream.on('error', (e) => {
      this.failed = e;
    });
  }

  /** Add one row (a line without its newline). A promise to wait for when the disk is behind. */
  push(line: string): Promise<void> | undefined {
    this.rows += 1;
    // Room for the line at its longest (three bytes a UTF-16 unit) and its newline, else write what is held first.
    if (this.used + line.length * 3 + 1 > this.buffer.length) return this.flushThen(line);
    this.append(line);
    return undefined;
  }

  private append(line: string): void {
    if (line.length * 3 + 1 > this.buffer.length - this.used) {
      // A line longer than the whole buffer: written on its own.
      this.buffer = Buffer.concat([this.buffer.subarray(0, this.used), Buffer.from(`${line}\n`)]);
      this.used = this.buffer.length;
      return;
    }
    this.used += this.buffer.write(line, this.used);
    this.buffer[this.used++] = 0x0a;
  }

  private async flushThen(line: string): Promise<void> {
    await this.flush();
    this.append(line);
  }

  private async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.used === 0) return;
    const chunk = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(FLUSH_AT);
    this.used = 0;
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          this.stream.off('error', reject);
          resolve();
        };
        this.stream.once('drain', onDrain);
        this.stream.once('error', reject);
      });
    }
  }

  /** Write what is left and close the file. */
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.end((e?: Error | null) => (e ? reject(e) : resolve()));
    });
  }
}

/** The lines of a spool file, in the order they were written, a disk read's worth at a time. */
export async function* spoolLines(path: string): AsyncIterable<string[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const text = rest + decoder.write(chunk as Buffer);
    const lines = text.split('\n');
    rest = lines.pop()!;
    if (lines.length) yield lines;
  }
  rest += decoder.end();
  if (rest) yield [rest];
}

/**
 * The lines of a spool file as bytes, whole lines a chunk (each ending with its newline), at most
 * `rowsPerChunk` lines and a disk read's worth a chunk, with how many lines each holds. Nothing is
 * decoded: staging sends the COPY lines on as they were written (import-apply.ts).
 */
export async function* spoolChunks(
  path: string,
  rowsPerChunk: number,
): AsyncIterable<{ bytes: Buffer; rows: number }> {
  let rest: Buffer | undefined;
  for await (const read of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const buffer: Buffer = rest ? Buffer.concat([rest, read as Buffer]) : (read as Buffer);
    let start = 0;
    let rows = 0;
    let end = 0;
    for (let at = buffer.indexOf(0x0a); at >= 0; at = buffer.indexOf(0x0a, at + 1)) {
      rows += 1;
      end = at + 1;
      if (rows === rowsPerChunk) {
        yield { bytes: buffer.subarray(start, end), rows };
        start = end;
        rows = 0;
      }
    }
    if (rows > 0) yield { bytes: buffer.subarray(start, end), rows };
    rest = end < buffer.length ? buffer.subarray(end) : undefined;
  }
  // Written by SpoolWriter, every line ends with a newline; anything after the last is not a line.
  if (rest?.length) yield { bytes: Buffer.concat([rest, Buffer.from('\n')]), rows: 1 };
}
