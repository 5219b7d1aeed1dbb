/**
 * Return home interviews: offered (when, by whom, independent or not),
 * accepted or declined (a decline records whether the social worker offered
 * to do it instead), completed (when, by whom), the child's own account (kept
 * as the child's words, apart from the worker's analysis), push and pull
 * factors, where the child went and with whom, exploitation concerns and
 * actions. Each save is a new row: the history stays.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { londonDateOf } from './london-time';
import * as repo from './repository';
import { requireEpisode } from './service';

export interface InterviewInput {
  offeredAt: Date | null;
  offeredBy: string | null;
  independent: boolean | null;
  response: 'accepted' | 'declined' | null;
  respondedOn: string | null;
  socialWorkerOffered: boolean | null;
  completedOn: string | null;
  completedBy: string | null;
  childAccount: string | null;
  pushFactors: string | null;
  pullFactors: string | null;
  whereWent: string | null;
  withWhom: string | null;
  exploitationConcerns: string | null;
  actions: string | null;
}

/** What must hang together: an answer after an offer, a completed interview only when accepted. Pure. */
export function interviewProblems(
  input: InterviewInput,
  returnedAt: Date | null,
  now: Date,
): Record<string, string> {
  const e: Record<string, string> = {};
  const today = londonDateOf(now);
  if (!returnedAt) e.offeredAt = 'Record the child’s return before the return home interview';
  if (input.offeredAt && returnedAt && input.offeredAt < returnedAt)
    e.offeredAt = 'The offer must be on or after the child came back';
  if (input.offeredAt && input.offeredAt > now) e.offeredAt = 'The offer must be now or in the past';
  if (input.offeredAt && !input.offeredBy) e.offeredBy = 'Enter who offered the interview';
  if (input.offeredAt && input.independent === null)
    e.independent = 'Select whether the interview was offered by someone independent';
  if (input.response && !input.offeredAt) e.response = 'Record the offer before the child’s answer';
  if (input.response && !input.respondedOn) e.respondedOn = 'Enter the date the child answered';
  if (input.respondedOn && input.respondedOn > today)
    e.respondedOn = 'The date of the answer must be today or in the past';
  if (input.response === 'declined' && input.socialWorkerOffered === null)
    e.socialWorkerOffered = 'Select whether the social worker offered to do the interview instead';
  if (input.completedOn && input.response !== 'accepted')
    e.completedOn = 'An interview can be completed only when the child accepted it';
  if (input.completedOn && input.completedOn > today)
    e.completedOn = 'The date of the interview must be today or in the past';
  if (input.completedOn && input.respondedOn && input.completedOn < input.respondedOn)
    e.completedOn = 'The interview must be on or after the child accepted it';
  if (input.completedOn && !input.completedBy) e.completedBy = 'Enter who did the interview';
  return e;
}

export async function saveInterview(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  episodeId: string,
  input: InterviewInput,
): Promise<void> {
  const row = await requireEpisode(db, actor, episodeId, ctx.at);
  const problems = interviewProblems(input, row.endAt, ctx.at);
  if (Object.keys(problems).length) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    await repo.insertInterview(tx, {
      organisationId: actor.organisationId,
      episodeId: row.id,
      ...input,
      recordedBy: actor.userId,
      recordedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'missing.interview.record',
      recordType: 'child',
      recordId: row.personId,
      detail: `episode ${row.id}: ${input.completedOn ? 'completed' : (input.response ?? (input.offeredAt ? 'offered' : 'notes'))}`,
    });
  });
}

/** The interview as it stands, and every earlier save. */
export async function interviewOf(db: Db, organisationId: string, episodeId: string) {
  const history = await repo.interviewHistory(db, organisationId, episodeId);
  return { current: history.at(-1) ?? null, history };
}
