import { randomBytes } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import { argon2id, argon2Verify } from 'hash-wasm';

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

/** Argon2id's cost: lanes, passes and memory in KiB. */
export interface HashCost {
  parallelism: number;
  iterations: number;
  memorySize: number;
}

/** OWASP's recommended cost: 19 MiB, two passes, one lane. */
export const SERVICE_HASH_COST: HashCost = { parallelism: 1, iterations: 2, memorySize: 19_456 };

/**
 * Argon2id, at the service's cost unless told otherwise, in WebAssembly: no
 * native binary, so it installs and runs the same on every machine without a
 * compiler. Hashes are PHC strings; verifying reads the cost from the hash, so
 * hashes made with other settings still verify.
 */
export function hashPassword(password: string, cost: HashCost = SERVICE_HASH_COST): Promise<string> {
  return argon2id({
    password,
    salt: randomBytes(16),
    ...cost,
    hashLength: 32,
    outputType: 'encoded',
  });
}

function verifyHash(hash: string, password: string): Promise<boolean> {
  return argon2Verify({ password, hash }).catch(() => false);
}

/** A real hash to verify against when the account does not exist, so timing reveals nothing. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    decoy ??= hashPassword('decoy password that never matches');
    await verifyHash(await decoy, password);
    return false;
  }
  return verifyHash(hash, password);
}
