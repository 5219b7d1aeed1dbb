import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../errors';
import { blankToUndefined, type FormErrors, formErrors } from '../http/forms';
import type { Actor } from '../permissions';
import type { AdminDeps } from './service';

/** Small helpers the administration and account routes share. */

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record id from the path; anything that is not an id is simply not found. */
export function idParam(req: FastifyRequest, name = 'id'): string {
  const value = (req.params as Record<string, string | undefined>)[name];
  if (!value || !UUID_PATTERN.test(value)) throw new NotFoundError();
  return value.toLowerCase();
}

/** The signed-in person; routes using it are never PUBLIC. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new Error('actorOf used on a route without a signed-in person');
  return req.actor;
}

export const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1);

/** Optional trimmed text from a form or query string; empty becomes undefined. */
export function optionalText(max: number, message: string) {
  return z.preprocess(blankToUndefined, z.string().max(max, message).optional());
}

/** A query-string filter value that is simply ignored when it is not one of the allowed values. */
export function ignoredUnless<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional()).catch(undefined);
}

/** Run a service call; a broken business rule comes back as form errors to show. */
export async function attempt<T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; errors: FormErrors }> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, errors: formErrors(e.fields) };
    throw e;
  }
}

export function adminDeps(app: FastifyInstance): AdminDeps {
  const { db, clock, mailer, sessionSettings, config } = app.deps;
  return { db, clock, mailer, secret: sessionSettings.secret, publicUrl: config.publicUrl };
}
