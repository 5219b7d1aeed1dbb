/**
 * Forms kept across a session timeout. When a form is posted with a session
 * that has just expired, and its CSRF token is the one that session issued,
 * the server keeps what was posted (not files) instead of losing it, and
 * offers it back to the same person after they sign in again: they send it
 * on as it was, or discard it. Kept forms last a day.
 */
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { keptForms } from '../schema';

export const KEPT_FOR_MS = 24 * 3_600_000;
const MAX_FIELDS = 500;
const MAX_CHARS = 200_000;

export type KeptFields = Record<string, string | string[]>;

/** The posted fields worth keeping (strings and lists of strings, not the CSRF token), or null when there are none or too many. */
export function keepableFields(body: unknown): KeptFields | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const fields: KeptFields = {};
  let chars = 0;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') {
      fields[k] = v;
      chars += v.length;
    } else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
      fields[k] = v as string[];
      chars += (v as string[]).join('').length;
    } else return null;
  }
  const n = Object.keys(fields).length;
  return n === 0 || n > MAX_FIELDS || chars > MAX_CHARS ? null : fields;
}

export async function keepForm(
  db: Db,
  input: { organisationId: string; userId: string; url: string; fields: KeptFields; at: Date },
): Promise<void> {
  if (!input.url.startsWith('/') || input.url.startsWith('//')) return;
  await db.insert(keptForms).values({
    organisationId: input.organisationId,
    userId: input.userId,
    url: input.url.slice(0, 2000),
    fields: input.fields,
    keptAt: input.at,
    expiresAt: new Date(input.at.getTime() + KEPT_FOR_MS),
  });
}

/** A person's kept forms still in date, oldest first. */
export async function keptFormsOf(db: Db, userId: string, at: Date) {
  return db
    .select()
    .from(keptForms)
    .where(and(eq(keptForms.userId, userId), gt(keptForms.expiresAt, at)))
    .orderBy(asc(keptForms.keptAt));
}

/** Take one of a person's kept forms (it is deleted): to send it on, or to discard it. */
export async function takeKeptForm(db: Db, userId: string, id: string, at: Date) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db
    .delete(keptForms)
    .where(and(eq(keptForms.userId, userId), eq(keptForms.id, id)))
    .returning();
  return row && row.expiresAt > at ? row : undefined;
}

/** Remove kept forms past their day (housekeeping). */
export async function purgeKeptForms(db: Db, at: Date): Promise<number> {
  const gone = await db.delete(keptForms).where(lt(keptForms.expiresAt, at)).returning({ id: keptForms.id });
  return gone.length;
}
