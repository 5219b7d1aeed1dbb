/**
 * Where an extract's files come from: a folder (the scheduled command and
 * the demo generator), uploaded files, or a zip of them. Each file is read
 * as a stream so a large extract is never held as rows in memory.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { unzipSync } from 'fflate';

export interface ExtractFile {
  name: string;
  size: number;
  open(): Readable;
}

/** Every .csv file in a folder (not its subfolders). */
export async function filesFromFolder(folder: string): Promise<ExtractFile[]> {
  const names = (await readdir(folder)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
  const files: ExtractFile[] = [];
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path);
    if (!info.isFile()) continue;
    files.push({ name, size: info.size, open: () => createReadStream(path, { highWaterMark: 256 * 1024 }) });
  }
  return files;
}

function fromBuffer(name: string, data: Uint8Array): ExtractFile {
  return {
    name,
    size: data.byteLength,
    open: () => {
      // Hand the parser slices so a large file is parsed in steps, not in one go.
      const step = 256 * 1024;
      function* slices() {
        for (let at = 0; at < data.byteLength; at += step)
          yield Buffer.from(data.buffer, data.byteOffset + at, Math.min(step, data.byteLength - at));
      }
      return Readable.from(slices());
    },
  };
}

export class ExtractFileError extends Error {}

/** Uploaded files: CSV files as they are; a zip is opened and its CSV files taken (folders inside are ignored). */
export function filesFromUploads(uploads: ReadonlyArray<{ filename: string; data: Buffer }>): ExtractFile[] {
  const files: ExtractFile[] = [];
  for (const upload of uploads) {
    const lower = upload.filename.toLowerCase();
    if (lower.endsWith('.zip')) {
      let entries: Record<string, Uint8Array>;
      try {
        entries = unzipSync(
          new Uint8Array(upload.data.buffer, upload.data.byteOffset, upload.data.byteLength),
          {
            filter: (f) => f.name.toLowerCase().endsWith('.csv') && !f.name.startsWith('__MACOSX/'),
          },
        );
      } catch {
        throw new ExtractFileError(
          `${upload.filename} could not be opened as a zip file. Upload the zip again, or the CSV files themselves.`,
        );
      }
      for (const [path, data] of Object.entries(entries)) {
        files.push(fromBuffer(path.split('/').pop()!, data));
      }
    } else {
      files.push(fromBuffer(upload.filename, upload.data));
    }
  }
  return files;
}
