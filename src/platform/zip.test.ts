import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipBomb } from '../../test/helpers/zips';
import { expandZip, ZipRefused } from './zip';

const limits = { maxZipEntries: 5, maxExpandedBytes: 10 * 1024 * 1024, maxRatio: 100 };

async function zipFile(entries: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'oversight-zip-test-'));
  const path = join(dir, 'test.zip');
  const data = zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)])));
  await writeFile(path, data);
  return path;
}

describe('expandZip', () => {
  it('writes the entries it is asked for, named by position so no name escapes the folder', async () => {
    const path = await zipFile({
      '../../evil.csv': 'a,b\n1,2\n',
      'notes.txt': 'x',
      'folder/ssd_person.csv': 'p\n',
    });
    const out = await mkdtemp(join(tmpdir(), 'oversight-zip-out-'));
    const entries = await expandZip(path, 'test.zip', limits, {
      outDir: out,
      filter: (n) => n.endsWith('.csv'),
    });
    expect(entries.map((e) => e.name)).toEqual(['../../evil.csv', 'folder/ssd_person.csv']);
    expect(entries.every((e) => e.path!.startsWith(out))).toBe(true);
    expect(readFileSync(entries[0]!.path!, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('refuses a zip with too many entries', async () => {
    const path = await zipFile(Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`f${i}.csv`, 'x'])));
    await expect(expandZip(path, 'test.zip', limits)).rejects.toThrow(
      'test.zip holds more than 5 files, the most Oversight accepts in a zip.',
    );
  });

  it('refuses a zip that expands past the limit, and one compressed like a bomb', async () => {
    const bomb = await zipBomb(20);
    await expect(expandZip(bomb, 'bomb.zip', { ...limits, maxRatio: 10_000 })).rejects.toThrow(
      'bomb.zip expands to more than 10 MB',
    );
    await expect(expandZip(bomb, 'bomb.zip', { ...limits, maxExpandedBytes: 1e9 })).rejects.toThrow(
      'bomb.zip is compressed far more than real files are (over 100 to 1)',
    );
  });

  it('says a file that is not a zip cannot be opened', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oversight-zip-test-'));
    const path = join(dir, 'fake.zip');
    await writeFile(path, 'person_id,forename\n');
    await expect(expandZip(path, 'fake.zip', limits)).rejects.toBeInstanceOf(ZipRefused);
  });
});
