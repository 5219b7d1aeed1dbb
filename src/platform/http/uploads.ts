/**
 * Forms with files (multipart): files are streamed to a temporary folder
 * within the configured limits, never held whole in memory, and removed when
 * the response has been sent (or, for work that outlives the request, when
 * its owner says so).
 *
 * A route accepts files only if it says so in its config (`upload`); the
 * CSRF token of such a form is its first field, read before any file, so it
 * never travels in the address (see verifyMultipartCsrf in server.ts).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { UploadLimits } from '../config';
import { withoutControlCharacters } from '../errors';
import { expandZip, looksLikeZip, ZipRefused } from '../zip';

/** What a route that takes files declares: its own, smaller limits if any. */
export interface RouteUpload {
  /** The largest file this form takes, in bytes (at most the configured limit). */
  maxFileBytes?: number;
  /** The most files this form takes (at most the configured limit). */
  maxFiles?: number;
  /** The form field of the file, for error messages. */
  field: string;
}

export interface StoredFile {
  fieldname: string;
  filename: string;
  mimetype: string;
  /** Where the file is on disk, until the form is cleaned up. */
  path: string;
  size: number;
}

export interface UploadedForm {
  fields: Record<string, string | string[]>;
  files: StoredFile[];
  /** The temporary folder the files are in. */
  dir: string;
  /** Keep the files after the response (work that outlives it); call the returned function when done. */
  keep(): () => Promise<void>;
}

/** An upload refused for breaking a limit; the message is for the person, `field` the form field. */
export class UploadRefused extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

const MB = 1024 * 1024;

/** Temporary upload folders are named oversight-upload-<process id>-<random>. */
export const UPLOAD_DIR_PREFIX = 'oversight-upload-';
/** A folder whose process is still running is swept only after this long (no upload or import takes a day). */
export const STALE_UPLOAD_MS = 24 * 60 * 60_000;
/** A folder named before the process id was part of the name is swept after this long. */
export const STALE_UNNAMED_UPLOAD_MS = 60 * 60_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * At start-up: remove the upload folders a crashed or killed process left
 * behind (its files, children's data among them, would otherwise stay in the
 * temporary folder until the machine is cleaned). A folder is left alone
 * while the process that made it runs (another instance on the same machine),
 * unless it is more than a day old. Returns the folders removed.
 */
export async function sweepStaleUploads(input: {
  now: Date;
  dir?: string;
  isAlive?: (pid: number) => boolean;
}): Promise<string[]> {
  const base = input.dir ?? tmpdir();
  const alive = input.isAlive ?? processAlive;
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(base);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(UPLOAD_DIR_PREFIX)) continue;
    const path = join(base, name);
    let age: number;
    try {
      const info = await stat(path);
      if (!info.isDirectory()) continue;
      age = input.now.getTime() - info.mtime.getTime();
    } catch {
      continue;
    }
    const pid = /^(\d+)-/.exec(name.slice(UPLOAD_DIR_PREFIX.length))?.[1];
    const stale =
      pid === undefined
        ? age > STALE_UNNAMED_UPLOAD_MS
        : // This process's own folders (another app in it, as in tests) only by age.
          age > STALE_UPLOAD_MS || (Number(pid) !== process.pid && !alive(Number(pid)));
    if (!stale) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
export function megabytes(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The limits that apply to a route: the configured ones, narrowed by the route's own. */
export function routeLimits(
  limits: UploadLimits,
  route: RouteUpload,
): { maxFileBytes: number; maxFiles: number } {
  return {
    maxFileBytes: Math.min(limits.maxFileBytes, route.maxFileBytes ?? Number.POSITIVE_INFINITY),
    maxFiles: Math.min(limits.maxFiles, route.maxFiles ?? Number.POSITIVE_INFINITY),
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The parts of a multipart form still to read, after its CSRF field. */
    multipartRest?: AsyncIterableIterator<Multipart>;
    /** The first part, when it was not the CSRF field (the token came in a header). */
    multipartFirst?: Multipart;
    /** Temporary folders to remove once the response is sent. */
    uploadDirs?: Set<string>;
  }
}

/**
 * Read the rest of a multipart form: fields into `fields`, files onto disk.
 * Throws UploadRefused when a file is too large or there are too many.
 */
export async function readUploadedForm(req: FastifyRequest, route: RouteUpload): Promise<UploadedForm> {
  const limits = routeLimits(req.server.deps.config.uploads, route);
  const dir = await mkdtemp(join(tmpdir(), `${UPLOAD_DIR_PREFIX}${process.pid}-`));
  req.uploadDirs ??= new Set();
  req.uploadDirs.add(dir);
  const form: UploadedForm = {
    fields: {},
    files: [],
    dir,
    keep: () => {
      req.uploadDirs?.delete(dir);
      return () => rm(dir, { recursive: true, force: true });
    },
  };
  if (!req.isMultipart()) {
    for (const [k, v] of Object.entries((req.body as Record<string, unknown> | undefined) ?? {}))
      form.fields[k] = Array.isArray(v) ? v.map(String) : String(v ?? '');
    return form;
  }
  const parts: AsyncIterator<Multipart> = req.multipartRest ?? req.parts();
  let first = req.multipartFirst;
  req.multipartFirst = undefined;
  try {
    for (;;) {
      let part: Multipart;
      if (first) {
        part = first;
        first = undefined;
      } else {
        const next = await parts.next();
        if (next.done) break;
        part = next.value;
      }
      if (part.type === 'file') {
        if (!part.filename) {
          part.file.resume();
          continue;
        }
        if (form.files.length >= limits.maxFiles) {
          part.file.resume();
          throw new UploadRefused(
            `Upload at most ${limits.maxFiles} ${limits.maxFiles === 1 ? 'file' : 'files'} at once`,
            route.field,
          );
        }
        const path = join(dir, `upload-${form.files.length + 1}`);
        await pipeline(part.file, createWriteStream(path));
        if (part.file.truncated) throw tooLarge(part.filename, limits.maxFileBytes, route.field);
        form.files.push({
          fieldname: part.fieldname,
          filename: part.filename,
          mimetype: part.mimetype,
          path,
          size: (await stat(path)).size,
        });
      } else {
        const value = withoutControlCharacters(String(part.value ?? ''));
        const existing = form.fields[part.fieldname];
        if (existing === undefined) form.fields[part.fieldname] = value;
        else form.fields[part.fieldname] = Array.isArray(existing) ? [...existing, value] : [existing, value];
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(undefined, limits.maxFileBytes, route.field);
    if (code === 'FST_FILES_LIMIT')
      throw new UploadRefused(`Upload at most ${limits.maxFiles} files at once`, route.field);
    throw e;
  }
  return form;
}

function tooLarge(filename: string | undefined, max: number, field: string): UploadRefused {
  return new UploadRefused(
    `${filename ? `${filename} is` : 'The file is'} larger than ${megabytes(max)}, the most this form takes. Upload a smaller file.`,
    field,
  );
}

/**
 * An uploaded file's content, after checking that, if it is a zip (Excel and
 * Word files are), it expands within the limits for documents read whole.
 */
export async function readCheckedFile(req: FastifyRequest, file: StoredFile, field: string): Promise<Buffer> {
  const limits = req.server.deps.config.uploads;
  const handle = await open(file.path);
  const head = new Uint8Array(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (looksLikeZip(head)) {
    try {
      await expandZip(file.path, file.filename, {
        maxZipEntries: limits.maxZipEntries,
        maxExpandedBytes: limits.maxDocumentBytes,
        maxRatio: limits.maxRatio,
      });
    } catch (e) {
      if (e instanceof ZipRefused) throw new UploadRefused(e.message, field);
      throw e;
    }
  }
  return readFile(file.path);
}

/** A file a form sent, read and checked. */
export interface SubmittedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

/**
 * The fields and (at most one) file of a form that may carry a file: a
 * multipart form is read within the route's limits and its first file read
 * and checked (readCheckedFile); any other body is passed through with no
 * file. Throws UploadRefused as readUploadedForm and readCheckedFile do.
 */
export async function readFormWithFile(
  req: FastifyRequest,
  route: RouteUpload,
): Promise<{ fields: Record<string, unknown>; file: SubmittedFile | null }> {
  if (!req.isMultipart())
    return { fields: (req.body as Record<string, unknown> | undefined) ?? {}, file: null };
  const form = await readUploadedForm(req, route);
  const stored = form.files[0];
  const file = stored
    ? {
        filename: stored.filename,
        contentType: stored.mimetype,
        data: await readCheckedFile(req, stored, route.field),
      }
    : null;
  return { fields: form.fields, file };
}

/** Remove the request's temporary folders (an onResponse hook). */
export async function cleanUploads(req: FastifyRequest): Promise<void> {
  if (!req.uploadDirs) return;
  for (const dir of req.uploadDirs) await rm(dir, { recursive: true, force: true });
  req.uploadDirs.clear();
}
