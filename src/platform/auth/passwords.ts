import { dictionary } from '@zxcvbn-ts/language-common';
import argon2 from 'argon2';

/** Common passwords (about 49,000), refused whatever their length, after NCSC guidance. */
const common = new Set<string>((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * NCSC-style password rule: long enough, not a known common password, no
 * composition rules. Returns what is wrong in words a person can act on, or null.
 */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Password must be ${MIN_PASSWORD_LENGTH} characters or more. Three random words make a good password.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  }
  const lower = password.toLowerCase();
  if (common.has(lower) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890|abcdefghijkl)/.test(lower)) {
    return 'Password is too common and easy to guess. Choose a different one, for example three random words.';
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) {
    return 'Password must not contain your email address';
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** A real hash to verify against when the account does not exist, so timing reveals nothing. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    decoy ??= hashPassword('decoy password that never matches');
    await argon2.verify(await decoy, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
