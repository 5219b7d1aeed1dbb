/**
 * Secrets in messages (single-use set-password links) are for their
 * addressee only: wherever someone else reads a message (the outbox), the
 * secret is replaced by a note saying it went to the addressee.
 */
const PASSWORD_LINK = /(\/account\/set-password\/)[A-Za-z0-9_-]+/g;

export const HIDDEN_SECRET = '[link hidden: only the addressee receives it]';

export function hideSecrets(body: string): string {
  return body.replace(PASSWORD_LINK, `$1${HIDDEN_SECRET}`);
}
