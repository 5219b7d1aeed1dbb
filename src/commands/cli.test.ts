import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config';
import { CommandError, databaseMessage, runCommand, USAGE } from './cli';

async function run(body: () => Promise<number | undefined>) {
  const err: string[] = [];
  const status = await runCommand({ out: () => undefined, err: (l) => err.push(l) }, 'Usage: thing', body);
  return { status, err };
}

describe('runCommand', () => {
  it("returns the body's own status, 0 when it gives none", async () => {
    expect((await run(async () => 3)).status).toBe(3);
    expect((await run(async () => undefined)).status).toBe(0);
  });

  it('prints a mistake as its message; a usage mistake with the usage too', async () => {
    expect(await run(async () => Promise.reject(new CommandError('No such folder.')))).toEqual({
      status: 1,
      err: ['No such folder.'],
    });
    expect(await run(async () => Promise.reject(new CommandError('Give a folder.', USAGE)))).toEqual({
      status: 2,
      err: ['Give a folder.', 'Usage: thing'],
    });
  });

  it("rewords node's own flag errors", async () => {
    const parse = (args: string[]) => async () => {
      parseArgs({ args, strict: true, options: { code: { type: 'string' } } });
      return 0;
    };
    expect(await run(parse(['--nope']))).toEqual({
      status: 2,
      err: ['Unknown option --nope.', 'Usage: thing'],
    });
    expect(await run(parse(['--code']))).toEqual({
      status: 2,
      err: ['--code needs a value.', 'Usage: thing'],
    });
    expect(await run(parse(['stray']))).toEqual({
      status: 2,
      err: ['Unexpected argument stray.', 'Usage: thing'],
    });
  });

  it('prints a wrong setting as the configuration message', async () => {
    const result = await run(async () => {
      loadConfig({ PORT: 'eighty' });
      return 0;
    });
    expect(result.status).toBe(1);
    expect(result.err[0]).toMatch(/^Oversight cannot start because its configuration is wrong:\n {2}PORT: /);
  });

  it('lets an unexpected error through, with its stack', async () => {
    await expect(run(async () => Promise.reject(new TypeError('a bug')))).rejects.toThrow('a bug');
  });
});

describe('databaseMessage', () => {
  it('finds a connection failure inside the wrapping error', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const wrapped = new Error('Failed query: select 1', { cause: refused });
    expect(databaseMessage(wrapped)).toBe(
      'Cannot reach the database server in DATABASE_URL (ECONNREFUSED): check the address and that PostgreSQL is running.',
    );
    expect(databaseMessage(Object.assign(new Error('x'), { code: '3D000' }))).toBe(
      'Cannot use the database in DATABASE_URL: the database does not exist.',
    );
    expect(databaseMessage(new Error('something else'))).toBeUndefined();
  });
});
