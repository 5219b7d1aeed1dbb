/**
 * The organisation's settings for missing children: the repeat-missing rule
 * (how many episodes within how many days). Set by an administrator; the
 * change is one transaction with its audit event.
 */
import { eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { DEFAULT_REPEAT, type RepeatRule } from './repeat';
import { missingSettings } from './schema';

export const REPEAT_LIMITS = { episodes: { min: 2, max: 20 }, days: { min: 7, max: 365 } } as const;

export async function repeatRuleOf(db: Db, organisationId: string): Promise<RepeatRule> {
  const [row] = await db
    .select()
    .from(missingSettings)
    .where(eq(missingSettings.organisationId, organisationId));
  return row ? { episodes: row.repeatEpisodes, days: row.repeatDays } : DEFAULT_REPEAT;
}

/** Whole numbers within the limits, or the messages saying what to enter. */
export function readRepeatRule(input: { episodes: string; days: string }): RepeatRule {
  const errors: Record<string, string> = {};
  const whole = (v: string) => (/^\d{1,4}$/.test(v.trim()) ? Number(v.trim()) : null);
  const episodes = whole(input.episodes);
  const days = whole(input.days);
  const { episodes: e, days: d } = REPEAT_LIMITS;
  if (episodes === null || episodes < e.min || episodes > e.max)
    errors.episodes = `Enter a whole number of episodes from ${e.min} to ${e.max}`;
  if (days === null || days < d.min || days > d.max)
    errors.days = `Enter a whole number of days from ${d.min} to ${d.max}`;
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { episodes: episodes!, days: days! };
}

export async function saveRepeatRule(
  db: Db,
  actor: Actor,
  rule: RepeatRule,
  ctx: AuditContext,
): Promise<void> {
  const values = {
    repeatEpisodes: rule.episodes,
    repeatDays: rule.days,
    updatedBy: actor.userId,
    updatedAt: ctx.at,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(missingSettings)
      .values({ organisationId: actor.organisationId, ...values })
      .onConflictDoUpdate({ target: missingSettings.organisationId, set: values });
    await recordAudit(tx, ctx, {
      action: 'missing.settings.repeat',
      recordType: 'organisation',
      recordId: actor.organisationId,
      detail: `${rule.episodes} episodes in ${rule.days} days`,
    });
  });
}
