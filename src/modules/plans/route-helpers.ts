import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors';
import { fromRoot } from '../../platform/paths';

export const V = (name: string) => `plans/views/${name}.njk`;
export const uuid = z.string().uuid();
export const appCss = fromRoot('src', 'platform', 'public', 'app.css');

export function id(req: FastifyRequest, name: string): string {
  const parsed = uuid.safeParse((req.params as Record<string, string>)[name]);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

export function num(req: FastifyRequest, name: string): number {
  const parsed = z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .safeParse((req.params as Record<string, string>)[name]);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

export const q = (req: FastifyRequest) => req.query as Record<string, unknown>;
