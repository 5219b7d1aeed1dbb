/** Sign-in throttling rules, kept pure so they are tested directly. */

export const LOCKOUT_WINDOW_MINUTES = 15;
/** Failures for one email address within the window before it is locked for the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures from one network address within the window before it is refused. */
export const MAX_FAILURES_PER_ADDRESS = 30;

export type ThrottleDecision = 'allow' | 'account-locked' | 'address-limited';

export function throttle(failures: { forAccount: number; forAddress: number }): ThrottleDecision {
  if (failures.forAddress >= MAX_FAILURES_PER_ADDRESS) return 'address-limited';
  if (failures.forAccount >= MAX_FAILURES_PER_ACCOUNT) return 'account-locked';
  return 'allow';
}
