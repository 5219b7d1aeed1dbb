import { keyedHash, newToken } from '../auth/tokens';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { expireUnusedTokens, findPasswordToken, insertPasswordToken } from './repository';

/**
 * Single-use links to set a password, for invitations and resets. The link
 * carries a random token; the database keeps only its keyed hash, so a copy of
 * the database opens no account.
 */

export const PASSWORD_LINK_DAYS = 7;
export type PasswordLinkPurpose = 'invitation' | 'reset';

export function passwordLinkHash(secret: string, token: string): string {
  return keyedHash(secret, 'password-link', token);
}

export function passwordLinkPath(token: string): string {
  return `/account/set-password/${token}`;
}

/**
 * Make a new link for a user. Any earlier link still unused stops working, so
 * only the newest link sent ever opens the account.
 */
export async function issuePasswordLink(
  tx: Db,
  deps: { secret: string; clock: Clock },
  user: { id: string; organisationId: string },
  purpose: PasswordLinkPurpose,
): Promise<{ token: string; expiresAt: Date }> {
  const now = deps.clock.now();
  await expireUnusedTokens(tx, user.id, now);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_DAYS * 86_400_000);
  await insertPasswordToken(tx, {
    tokenHash: passwordLinkHash(deps.secret, token),
    organisationId: user.organisationId,
    userId: user.id,
    purpose,
    expiresAt,
  });
  return { token, expiresAt };
}

/** Stop every unused link of a user working (deactivation). */
export async function revokePasswordLinks(tx: Db, clock: Clock, userId: string): Promise<number> {
  return expireUnusedTokens(tx, userId, clock.now());
}

export type PasswordLinkCheck =
  | {
      status: 'valid';
      tokenHash: string;
      purpose: string;
      user: { id: string; organisationId: string; email: string; name: string };
    }
  | { status: 'invalid' };

/**
 * Is this link usable now? Unknown, used, expired and superseded links, and
 * links of a deactivated account, are all simply "invalid": the page says the
 * same thing for each, so it tells a guesser nothing.
 */
export async function checkPasswordLink(
  db: Db,
  deps: { secret: string; clock: Clock },
  token: string,
): Promise<PasswordLinkCheck> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: 'invalid' };
  const tokenHash = passwordLinkHash(deps.secret, token);
  const row = await findPasswordToken(db, tokenHash);
  if (!row || row.usedAt || row.expiresAt.getTime() <= deps.clock.now().getTime() || !row.active) {
    return { status: 'invalid' };
  }
  return {
    status: 'valid',
    tokenHash,
    purpose: row.purpose,
    user: { id: row.userId, organisationId: row.organisationId, email: row.email, name: row.name },
  };
}
