/** One recorded episode's page: the episode, its clocks and its history, read into the access audit. */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { Db } from '../../platform/db/client';
import { together } from '../../platform/db/together';
import type { Actor } from '../../platform/permissions';
import { interviewOf } from './interviews';
import { episodeSummary } from './overview';
import * as repo from './repository';

export async function openEpisode(db: Db, actor: Actor, episodeId: string, ctx: AuditContext) {
  const { row, summary } = await episodeSummary(db, actor, episodeId, ctx.at);
  const [types, attempts, meetings, interview] = await together(
    db,
    () => repo.typesOf(db, actor.organisationId, row.id),
    () => repo.attemptsOf(db, actor.organisationId, row.id),
    () => repo.meetingsOf(db, actor.organisationId, [row.id]),
    () => interviewOf(db, actor.organisationId, row.id),
  );
  await recordAudit(db, ctx, {
    action: 'missing.episode.view',
    recordType: 'child',
    recordId: row.personId,
    detail: `episode ${row.id}`,
  });
  return { row, summary, types, attempts, meetings, interview };
}

/** The episode, for a form about it (the form's read is audited too). */
export async function openEpisodeForm(
  db: Db,
  actor: Actor,
  episodeId: string,
  ctx: AuditContext,
  form: string,
) {
  const { row, summary } = await episodeSummary(db, actor, episodeId, ctx.at);
  await recordAudit(db, ctx, {
    action: `missing.episode.form`,
    recordType: 'child',
    recordId: row.personId,
    detail: `episode ${row.id}: ${form}`,
  });
  return { row, summary };
}
