/**
 * Upload folders a crashed process left in the temporary folder (children's
 * data among their files) are removed when the service starts.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_DIR_PREFIX } from '../../src/platform/http/uploads';
import { startTestApp, type TestContext } from '../helpers/app';

// No process has this id (pid_max is at most 2^22).
const left = join(tmpdir(), `${UPLOAD_DIR_PREFIX}99999998-crash${process.pid}`);
let ctx: TestContext | undefined;
beforeAll(async () => {
  mkdirSync(left, { recursive: true });
  writeFileSync(join(left, 'upload-1'), 'person_id,forename\nP1,Amara\n');
  ctx = await startTestApp();
});
afterAll(async () => ctx?.close());

describe('start-up', () => {
  it('removes the upload folders of a process that is no longer running', () => {
    expect(existsSync(left)).toBe(false);
  });
});
