import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, throttle } from './lockout';

describe('sign-in throttling', () => {
  it('allows attempts below both limits', () => {
    expect(throttle({ forAccount: 0, forAddress: 0 })).toBe('allow');
    expect(
      throttle({ forAccount: MAX_FAILURES_PER_ACCOUNT - 1, forAddress: MAX_FAILURES_PER_ADDRESS - 1 }),
    ).toBe('allow');
  });

  it('locks an account at its limit', () => {
    expect(throttle({ forAccount: MAX_FAILURES_PER_ACCOUNT, forAddress: 0 })).toBe('account-locked');
    expect(throttle({ forAccount: MAX_FAILURES_PER_ACCOUNT + 10, forAddress: 3 })).toBe('account-locked');
  });

  it('limits an address at its limit, and that wins over an account lock', () => {
    expect(throttle({ forAccount: 0, forAddress: MAX_FAILURES_PER_ADDRESS })).toBe('address-limited');
    expect(throttle({ forAccount: MAX_FAILURES_PER_ACCOUNT, forAddress: MAX_FAILURES_PER_ADDRESS })).toBe(
      'address-limited',
    );
  });

  it('keeps the address limit well above the account limit, so one person typing badly never blocks an office', () => {
    expect(MAX_FAILURES_PER_ADDRESS).toBeGreaterThan(MAX_FAILURES_PER_ACCOUNT * 3);
    expect(MAX_FAILURES_PER_ACCOUNT).toBeGreaterThanOrEqual(3);
  });
});
