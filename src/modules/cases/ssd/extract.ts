/**
 * Where an extract's files come from: a folder (the scheduled command and
 * the demo generator), uploaded files, or a zip of them. Each file is read
 * as a stream so a large extract is never held as rows in memory.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type ExpandedEntry, expandZip, type ZipLimits, ZipRefused } from '../../../platform/zip';

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

export class ExtractFileError extends Error {}

/**
 * Uploaded files, already on disk: CSV files as they are; a zip is expanded
 * entry by entry into `dir`, within the limits, and its CSV files taken
 * (folders inside are ignored).
 */
export async function filesFromUploads(
  uploads: ReadonlyArray<{ filename: string; path: string; size: number }>,
  dir: string,
  limits: ZipLimits,
): Promise<ExtractFile[]> {
  const files: ExtractFile[] = [];
  for (const upload of uploads) {
    const lower = upload.filename.toLowerCase();
    if (lower.endsWith('.zip')) {
      let entries: ExpandedEntry[];
      try {
        entries = await expandZip(upload.path, upload.filename, limits, {
          outDir: dir,
          filter: (name) => name.toLowerCase().endsWith('.csv') && !name.startsWith('__MACOSX/'),
        });
      } catch (e) {
        if (e instanceof ZipRefused) throw new ExtractFileError(e.message);
        throw e;
      }
      for (const entry of entries)
        files.push(fromDisk(entry.name.split('/').pop()!, entry.path!, entry.size));
    } else {
      files.push(fromDisk(upload.filename, upload.path, upload.size));
    }
  }
  return files;
}

function fromDisk(name: string, path: string, size: number): ExtractFile {
  return { name, size, open: () => createReadStream(path, { highWaterMark: 256 * 1024 }) };
}
