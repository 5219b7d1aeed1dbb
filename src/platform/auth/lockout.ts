/**
 * Sign-in throttling, after NCSC guidance: no hard lock that also refuses
 * the right password for a long time, but a delay before the next attempt
 * that grows with each failure, per email address typed and per network
 * address. The account holder is told by mail when their account is being
 * guessed at. Pure rules, tested directly; the clock is passed in.
 */

/** Failures are counted over this window; a quiet hour starts afresh. */
export const THROTTLE_WINDOW_MINUTES = 60;
/** Failures for one email address before the first delay. */
export const FREE_FAILURES_PER_ACCOUNT = 3;
/** Failures from one network address before the first delay (an office shares one). */
export const FREE_FAILURES_PER_ADDRESS = 20;
/** The first delay; each further failure doubles it, up to the longest. */
export const FIRST_DELAY_SECONDS = 5;
export const LONGEST_DELAY_SECONDS = 15 * 60;
/** At this many failures in the window, the account holder is sent a message. */
export const NOTIFY_AT_FAILURES = 5;

export type ThrottleDecision =
  | { outcome: 'allow' }
  | { outcome: 'account-wait' | 'address-wait'; until: Date };

/** How long to wait after the latest failure, given how many failures there have been. */
export function delaySeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(LONGEST_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - free));
}

export interface FailureCounts {
  forAccount: number;
  lastForAccount?: Date | null;
  forAddress: number;
  lastForAddress?: Date | null;
}

export function throttle(f: FailureCounts, now: Date): ThrottleDecision {
  const until = (last: Date | null | undefined, seconds: number) =>
    last && seconds > 0 ? new Date(last.getTime() + seconds * 1000) : undefined;
  const address = until(f.lastForAddress, delaySeconds(f.forAddress, FREE_FAILURES_PER_ADDRESS));
  if (address && address > now) return { outcome: 'address-wait', until: address };
  const account = until(f.lastForAccount, delaySeconds(f.forAccount, FREE_FAILURES_PER_ACCOUNT));
  if (account && account > now) return { outcome: 'account-wait', until: account };
  return { outcome: 'allow' };
}

/**
 * Guessing at the current password from inside a session (changing one's
 * password) stops for a while after this many wrong attempts: whoever holds
 * the session is signed in already, so this guards the password, not access.
 */
export const LOCKOUT_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
