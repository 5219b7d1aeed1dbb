import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new unguessable token (256 bits), URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Keyed hash of a token: what is stored, so a database copy reveals no live token. */
export function keyedHash(secret: string, purpose: string, token: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${token}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
