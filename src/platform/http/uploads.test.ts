import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STALE_UNNAMED_UPLOAD_MS, STALE_UPLOAD_MS, sweepStaleUploads, UPLOAD_DIR_PREFIX } from './uploads';

const NOW = new Date('2026-11-29T09:00:00Z');
let base: string;

function folder(name: string, ageMs: number): void {
  const path = join(base, name);
  mkdirSync(path);
  writeFileSync(join(path, 'upload-1'), 'person_id,forename\nP1,Amara\n');
  const at = new Date(NOW.getTime() - ageMs);
  utimesSync(path, at, at);
}

afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('upload folders left behind by a stopped process', () => {
  it('are removed at start-up; those of running processes, and other files, are left', async () => {
    base = mkdtempSync(join(tmpdir(), 'sweep-test-'));
    const running = 4242;
    const dead = 5353;
    folder(`${UPLOAD_DIR_PREFIX}${dead}-a1b2c3`, 1000);
    folder(`${UPLOAD_DIR_PREFIX}${running}-d4e5f6`, 1000);
    folder(`${UPLOAD_DIR_PREFIX}${running}-old000`, STALE_UPLOAD_MS + 1000);
    folder(`${UPLOAD_DIR_PREFIX}${process.pid}-mine00`, 1000);
    folder(`${UPLOAD_DIR_PREFIX}Xy12Zq`, STALE_UNNAMED_UPLOAD_MS + 1000);
    folder(`${UPLOAD_DIR_PREFIX}Ab34Cd`, 1000);
    folder('someone-else-123', STALE_UPLOAD_MS * 2);
    writeFileSync(join(base, `${UPLOAD_DIR_PREFIX}1-file`), 'not a folder');

    const removed = await sweepStaleUploads({ now: NOW, dir: base, isAlive: (pid) => pid === running });

    expect(removed.map((p) => p.slice(base.length + 1)).sort()).toEqual(
      [
        `${UPLOAD_DIR_PREFIX}${dead}-a1b2c3`,
        `${UPLOAD_DIR_PREFIX}${running}-old000`,
        `${UPLOAD_DIR_PREFIX}Xy12Zq`,
      ].sort(),
    );
    expect((await readdir(base)).sort()).toEqual(
      [
        `${UPLOAD_DIR_PREFIX}${running}-d4e5f6`,
        `${UPLOAD_DIR_PREFIX}${process.pid}-mine00`,
        `${UPLOAD_DIR_PREFIX}Ab34Cd`,
        `${UPLOAD_DIR_PREFIX}1-file`,
        'someone-else-123',
      ].sort(),
    );
  });

  it('a folder whose process is gone is removed by default (no running process has that id)', async () => {
    base = mkdtempSync(join(tmpdir(), 'sweep-test-'));
    // Far above any process id the kernel hands out (pid_max is at most 2^22).
    folder(`${UPLOAD_DIR_PREFIX}99999999-zzzzzz`, 0);
    const removed = await sweepStaleUploads({ now: NOW, dir: base });
    expect(removed).toHaveLength(1);
    expect(await readdir(base)).toEqual([]);
  });
});
