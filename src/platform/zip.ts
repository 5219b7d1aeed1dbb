/**
 * Opening zips that came from outside, entry by entry, within limits: how
 * many entries, how much they expand to together, and how far they expand
 * per byte compressed. A zip bomb (a small file that expands to gigabytes)
 * is refused after a few megabytes, never expanded into memory or onto disk.
 */
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import type { UploadLimits } from './config';

export type ZipLimits = Pick<UploadLimits, 'maxZipEntries' | 'maxExpandedBytes' | 'maxRatio'>;

/** A zip that breaks a limit or cannot be read; the message is for the person who uploaded it. */
export class ZipRefused extends Error {}

export interface ExpandedEntry {
  /** The entry's name inside the zip (with its folders). */
  name: string;
  /** Where its content was written (only when an output folder was given). */
  path?: string;
  size: number;
}

const READ_STEP = 16 * 1024;
/** Below this much expanded, the ratio is not judged (small files compress oddly well). */
const RATIO_GRACE_BYTES = 1024 * 1024;
const MB = 1024 * 1024;

function mb(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}

/**
 * Read the zip at `path` entry by entry. Entries the filter accepts are
 * written into `outDir` (named by their position, never by their name, so
 * a name like "../x" cannot escape), or only measured when no folder is
 * given. Throws ZipRefused, naming the file as `label`, when a limit is
 * broken or the file is not a zip.
 */
export async function expandZip(
  path: string,
  label: string,
  limits: ZipLimits,
  options: { filter?: (name: string) => boolean; outDir?: string } = {},
): Promise<ExpandedEntry[]> {
  const entries: ExpandedEntry[] = [];
  const open: Array<{ file: UnzipFile; fd?: number }> = [];
  let entryCount = 0;
  let expanded = 0;
  let consumed = 0;
  let failure: Error | undefined;

  const refuse = (message: string) => {
    failure ??= new ZipRefused(message);
    for (const o of open) {
      o.file.terminate();
      if (o.fd !== undefined) closeSync(o.fd);
      o.fd = undefined;
    }
    open.length = 0;
  };
  const tooBig = () =>
    refuse(
      `${label} expands to more than ${mb(limits.maxExpandedBytes)}, the most Oversight accepts. Upload a smaller file, or split it.`,
    );

  const unzip = new Unzip((file) => {
    if (failure) return;
    entryCount += 1;
    if (entryCount > limits.maxZipEntries) {
      refuse(`${label} holds more than ${limits.maxZipEntries} files, the most Oversight accepts in a zip.`);
      return;
    }
    if (file.name.endsWith('/')) return;
    const wanted = options.filter ? options.filter(file.name) : true;
    if (file.originalSize !== undefined && expanded + file.originalSize > limits.maxExpandedBytes) {
      tooBig();
      return;
    }
    const entry: ExpandedEntry = { name: file.name, size: 0 };
    const slot: { file: UnzipFile; fd?: number } = { file };
    if (wanted && options.outDir) {
      entry.path = join(options.outDir, `entry-${entryCount}`);
      slot.fd = openSync(entry.path, 'w');
    }
    open.push(slot);
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        refuse(`${label} could not be opened as a zip file. Upload it again, or the files themselves.`);
        return;
      }
      expanded += data.byteLength;
      entry.size += data.byteLength;
      if (expanded > limits.maxExpandedBytes) return tooBig();
      if (expanded > RATIO_GRACE_BYTES && expanded > limits.maxRatio * Math.max(consumed, 1)) {
        return refuse(
          `${label} is compressed far more than real files are (over ${limits.maxRatio} to 1), so Oversight did not open it. Upload the files themselves, or a zip made by the usual tools.`,
        );
      }
      if (slot.fd !== undefined && data.byteLength > 0) writeSync(slot.fd, data);
      if (final) {
        if (slot.fd !== undefined) closeSync(slot.fd);
        slot.fd = undefined;
        open.splice(open.indexOf(slot), 1);
        if (wanted) entries.push(entry);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  const stream = createReadStream(path, { highWaterMark: READ_STEP });
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      consumed += bytes.byteLength;
      try {
        // Small steps: a deflated step expands to at most about a thousand times itself.
        unzip.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      } catch (e) {
        if (!failure) refuse(unreadable(label, e));
      }
      if (failure) break;
    }
    if (!failure) {
      try {
        unzip.push(new Uint8Array(0), true);
      } catch (e) {
        refuse(unreadable(label, e));
      }
    }
  } finally {
    stream.destroy();
    for (const o of open) if (o.fd !== undefined) closeSync(o.fd);
  }
  if (failure) throw failure;
  if (entryCount === 0)
    throw new ZipRefused(
      `${label} could not be opened as a zip file. Upload it again, or the files themselves.`,
    );
  return entries;
}

function unreadable(label: string, e: unknown): string {
  const reason = /unknown compression/i.test(String((e as Error)?.message))
    ? ' It uses a kind of compression Oversight cannot read: make the zip again with the usual tools.'
    : ' Upload it again, or the files themselves.';
  return `${label} could not be opened as a zip file.${reason}`;
}

/** Whether a file starts like a zip (Excel and Word files are zips too). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
