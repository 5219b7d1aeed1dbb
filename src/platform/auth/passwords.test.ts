import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  verifyPassword,
} from './passwords';

describe('passwordProblem', () => {
  it('accepts a long password with no composition rules', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('lanternmeadowquiet')).toBeNull();
    expect(passwordProblem(`${'a'.repeat(11)}b`)).toBeNull();
  });

  it(`refuses fewer than ${MIN_PASSWORD_LENGTH} characters and says how long it must be`, () => {
    expect(passwordProblem('short words')).toMatch(/12 characters or more/);
    expect(passwordProblem('')).toMatch(/12 characters or more/);
    expect(passwordProblem(`${'x'.repeat(MIN_PASSWORD_LENGTH - 1)}y`)).toBeNull();
  });

  it(`refuses more than ${MAX_PASSWORD_LENGTH} characters`, () => {
    expect(passwordProblem('ab'.repeat(MAX_PASSWORD_LENGTH))).toMatch(/256 characters or fewer/);
    expect(
      passwordProblem('abc'.repeat(MAX_PASSWORD_LENGTH / 4).padEnd(MAX_PASSWORD_LENGTH, 'z')),
    ).toBeNull();
  });

  it('refuses common passwords whatever their case, repeated characters and runs', () => {
    for (const common of [
      'password1234',
      'PASSWORD1234',
      'qwertyuiop123',
      '123456789012',
      'aaaaaaaaaaaaaa',
    ]) {
      expect(passwordProblem(common), common).toMatch(/too common/);
    }
    expect(passwordProblem('abcdefghijklmnop')).toMatch(/too common/);
  });

  it("refuses a password containing the local part of the person's email address", () => {
    expect(
      passwordProblem('my name is priya.ashdown ok', { email: 'priya.ashdown@oakhaven.example' }),
    ).toMatch(/email address/);
    expect(passwordProblem('PRIYA.ASHDOWN-2026!', { email: 'priya.ashdown@oakhaven.example' })).toMatch(
      /email address/,
    );
    expect(passwordProblem('lanternmeadowquiet', { email: 'priya.ashdown@oakhaven.example' })).toBeNull();
    // A very short local part is not treated as personal: it would refuse too much.
    expect(passwordProblem('lantern bob meadow', { email: 'bob@oakhaven.example' })).toBeNull();
  });
});

describe('hashPassword and verifyPassword', () => {
  it('stores argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('lanternmeadowquiet');
    // At the service's cost unless asked otherwise (tests ask for less: test/helpers/app.ts).
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain('lanternmeadowquiet');
    expect(await verifyPassword(hash, 'lanternmeadowquiet')).toBe(true);
    expect(await verifyPassword(hash, 'lanternmeadowquieT')).toBe(false);
  });

  it('verifies hashes stored with other argon2id settings (those of the native argon2 package)', async () => {
    const stored =
      '$argon2id$v=19$m=65536,t=3,p=4$b3ZlcnNpZ2h0LXNhbHQtMQ$bGnB87IUHJyQzJpp/QbTGXE2VSDw8DbKSSjMGrt0am0';
    expect(await verifyPassword(stored, 'lanternmeadowquiet')).toBe(true);
    expect(await verifyPassword(stored, 'lanternmeadowquiet ')).toBe(false);
  });

  it('answers false for an account with no password and for a broken hash', async () => {
    expect(await verifyPassword(null, 'anything at all here')).toBe(false);
    expect(await verifyPassword(undefined, '')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything at all here')).toBe(false);
  });
});
