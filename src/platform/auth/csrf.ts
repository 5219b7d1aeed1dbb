import type { FastifyRequest } from 'fastify';
import { keyedHash, safeEqual } from './tokens';

/**
 * Synchroniser tokens without server state: the token is a keyed hash of the
 * session id (or, before sign-in, of a random pre-session cookie). A request
 * that changes anything must carry it in the form field `_csrf` or the
 * `x-csrf-token` header, never in the address (where logs and history keep
 * it). A multipart form's field is read by the server before its files and
 * passed in as `multipartToken`.
 */
export function csrfBinding(req: FastifyRequest): string | undefined {
  if (req.sessionId) return `session:${req.sessionId}`;
  const pre = req.cookies.oversight_pre;
  return pre ? `pre:${pre}` : undefined;
}

export function csrfTokenFor(binding: string, secret: string): string {
  return keyedHash(secret, 'csrf', binding);
}

export function verifyCsrf(req: FastifyRequest, secret: string, multipartToken?: string): boolean {
  const binding = csrfBinding(req);
  if (!binding) return false;
  const body = req.body as Record<string, unknown> | undefined;
  const sent =
    (typeof body?._csrf === 'string' && body._csrf) || req.headers['x-csrf-token'] || multipartToken;
  if (typeof sent !== 'string') return false;
  return safeEqual(sent, csrfTokenFor(binding, secret));
}
