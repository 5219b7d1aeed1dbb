/**
 * Zips written for tests, streamed to a temporary file so a test never holds
 * what they expand to: a zip bomb (an entry of zero bytes that expands far
 * beyond the limits) and a spreadsheet whose sheet is too large.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';

const MB = 1024 * 1024;

/** Write a zip of the given entries; each entry's content comes in chunks from a generator. */
export async function writeZip(
  filename: string,
  entries: Array<{ name: string; chunks: () => Iterable<Uint8Array> }>,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'oversight-test-zip-'));
  const path = join(dir, filename);
  const out = createWriteStream(path);
  let failed: Error | undefined;
  const zip = new Zip((err, data) => {
    if (err) failed = err;
    else out.write(data);
  });
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    zip.add(file);
    for (const chunk of entry.chunks()) {
      file.push(chunk);
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    file.push(new Uint8Array(0), true);
  }
  zip.end();
  out.end();
  await once(out, 'finish');
  if (failed) throw failed;
  return path;
}

/** A zip holding one CSV that expands to `megabytes` of zero bytes (under 1 MB on disk for 300 MB). */
export function zipBomb(megabytes = 300, entryName = 'ssd_person.csv'): Promise<string> {
  const zeros = new Uint8Array(MB);
  return writeZip('extract.zip', [
    {
      name: entryName,
      *chunks() {
        for (let i = 0; i < megabytes; i++) yield zeros;
      },
    },
  ]);
}

/** An .xlsx-shaped zip whose sheet expands to `megabytes` of plausible rows (compresses about 10 to 1). */
export function oversizedWorkbook(megabytes: number): Promise<string> {
  const encoder = new TextEncoder();
  return writeZip('plan.xlsx', [
    {
      name: '[Content_Types].xml',
      *chunks() {
        yield encoder.encode('<?xml version="1.0"?><Types/>');
      },
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      *chunks() {
        let row = 0;
        let written = 0;
        while (written < megabytes * MB) {
          const lines: string[] = [];
          for (let i = 0; i < 2000; i++, row++)
            lines.push(`<row r="${row}"><c t="inlineStr"><is><t>Action ${row * 7919}</t></is></c></row>`);
          const chunk = encoder.encode(lines.join(''));
          written += chunk.byteLength;
          yield chunk;
        }
      },
    },
  ]);
}
