import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/database';
import { createOrganisation } from '../platform/admin/service';
import { FixedClock } from '../platform/clock';
import type { Database } from '../platform/db/client';
import { checkExtractFolder, importSsdCommand, parseImportArgs } from './import-ssd';

let dir: string;
let extract: string;
let real: Database;
/** The command closes its database when done; this one outlives each run. */
let database: Database;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oversight-import-'));
  extract = join(dir, 'extract');
  await mkdir(extract);
  await writeFile(join(extract, 'person.csv'), 'person_id\n');
  await mkdir(join(dir, 'empty'));
  await writeFile(join(dir, 'notes.txt'), 'not a folder');
  real = await freshDatabase();
  await real.migrate();
  database = { ...real, close: async () => undefined };
});
afterAll(async () => {
  await real?.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await importSsdCommand(argv, {
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    output: { out: (l) => out.push(l), err: (l) => err.push(l) },
    clock: new FixedClock('2026-11-16T09:00:00Z'),
    database,
  });
  return { status, out, err };
}

describe('parseImportArgs', () => {
  it('takes one folder and the flags', () => {
    expect(parseImportArgs(['./x', '--organisation', 'oak', '--partial'])).toEqual({
      folder: './x',
      organisation: 'OAK',
      partial: true,
    });
    expect(parseImportArgs(['./x'])).toEqual({ folder: './x', organisation: undefined, partial: false });
  });

  it('says what is wrong with the command line', () => {
    expect(() => parseImportArgs([])).toThrow('Say which folder holds the extract');
    expect(() => parseImportArgs(['a', 'b'])).toThrow('Give one folder, not 2 (a, b)');
    expect(() => parseImportArgs(['a', '--organisation', ' '])).toThrow(
      '--organisation needs the organisation',
    );
  });
});

describe('checkExtractFolder', () => {
  it('accepts a folder holding CSV files', async () => {
    await expect(checkExtractFolder(extract)).resolves.toBeUndefined();
  });

  it('names a missing folder, a file and a folder without CSV files', async () => {
    await expect(checkExtractFolder(join(dir, 'nowhere'))).rejects.toThrow(
      `There is no folder ${join(dir, 'nowhere')}: check the path.`,
    );
    await expect(checkExtractFolder(join(dir, 'notes.txt'))).rejects.toThrow(
      `${join(dir, 'notes.txt')} is a file, not a folder: give the folder that holds the extract's CSV files.`,
    );
    await expect(checkExtractFolder(join(dir, 'empty'))).rejects.toThrow('holds no .csv files');
  });
});

describe('the import:ssd command', () => {
  it('answers ordinary mistakes with one line and a non-zero status, no stack trace', async () => {
    const cases: Array<[string[], number, string]> = [
      [[], 2, 'Say which folder holds the extract, like: npm run import:ssd -- ./extract'],
      [[extract, '--colour'], 2, 'Unknown option --colour.'],
      [[extract, '--organisation'], 2, '--organisation needs a value.'],
      [[join(dir, 'nowhere')], 1, `There is no folder ${join(dir, 'nowhere')}: check the path.`],
      [[join(dir, 'notes.txt')], 1, `${join(dir, 'notes.txt')} is a file, not a folder`],
      [
        [extract],
        1,
        'There is no organisation yet: create the first with the setup command (see docs/operations.md, "First run").',
      ],
    ];
    for (const [argv, status, message] of cases) {
      const result = await run(argv);
      expect(result.status, argv.join(' ')).toBe(status);
      expect(result.err[0]).toContain(message);
      // The message, then (for a usage mistake) the usage line: nothing else.
      expect(result.err).toHaveLength(status === 2 ? 2 : 1);
      expect(result.err.join('\n')).not.toMatch(/\n\s+at /);
      expect(result.out).toEqual([]);
    }
  });

  it('names an unknown organisation, and asks which when there are several', async () => {
    await createOrganisation(database.db, { name: 'Oakhaven Borough Council', code: 'OAK' });
    await createOrganisation(database.db, { name: 'Westbrook City Council', code: 'WST' });
    const unknown = await run([extract, '--organisation', 'ZZZ']);
    expect(unknown.status).toBe(1);
    expect(unknown.err).toEqual(['No organisation has the code ZZZ.']);
    const which = await run([extract]);
    expect(which.status).toBe(1);
    expect(which.err).toEqual([
      'Say which organisation the extract is for with --organisation CODE (one of: OAK, WST).',
    ]);
  });
});
