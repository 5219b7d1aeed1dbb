import { describe, expect, it } from 'vitest';
import { keyedHash, newToken, safeEqual } from './tokens';

describe('tokens', () => {
  it('makes distinct URL-safe 256-bit tokens', () => {
    const a = newToken();
    const b = newToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('hashes by key and purpose, so a hash for one use is useless for another', () => {
    const token = newToken();
    const h = keyedHash('secret-one', 'session', token);
    expect(h).toBe(keyedHash('secret-one', 'session', token));
    expect(h).not.toBe(keyedHash('secret-two', 'session', token));
    expect(h).not.toBe(keyedHash('secret-one', 'password-link', token));
    expect(h).not.toContain(token);
  });

  it('compares strings of any length without throwing', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
