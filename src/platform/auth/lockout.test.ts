import { describe, expect, it } from 'vitest';
import {
  delaySeconds,
  FREE_FAILURES_PER_ACCOUNT,
  FREE_FAILURES_PER_ADDRESS,
  LONGEST_DELAY_SECONDS,
  throttle,
} from './lockout';

const now = new Date('2026-11-16T09:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('sign-in throttling', () => {
  it('allows attempts below both limits', () => {
    expect(
      throttle({ forAccount: FREE_FAILURES_PER_ACCOUNT - 1, lastForAccount: ago(0), forAddress: 0 }, now),
    ).toEqual({
      outcome: 'allow',
    });
  });

  it('makes an account wait longer after each failure, never for good', () => {
    expect([3, 4, 5, 6, 20].map((n) => delaySeconds(n, FREE_FAILURES_PER_ACCOUNT))).toEqual([
      5,
      10,
      20,
      40,
      LONGEST_DELAY_SECONDS,
    ]);
    expect(throttle({ forAccount: 4, lastForAccount: ago(3), forAddress: 4 }, now)).toEqual({
      outcome: 'account-wait',
      until: new Date(now.getTime() + 7000),
    });
    // Once the delay has passed, the next attempt is heard (the right password works).
    expect(throttle({ forAccount: 4, lastForAccount: ago(10), forAddress: 4 }, now)).toEqual({
      outcome: 'allow',
    });
  });

  it('throttles a network address far later than an account, so one person typing badly never blocks an office', () => {
    expect(FREE_FAILURES_PER_ADDRESS).toBeGreaterThan(FREE_FAILURES_PER_ACCOUNT * 5);
    expect(
      throttle({ forAccount: 0, forAddress: FREE_FAILURES_PER_ADDRESS, lastForAddress: ago(1) }, now).outcome,
    ).toBe('address-wait');
  });
});
