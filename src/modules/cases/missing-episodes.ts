/**
 * For the missing module: the missing episodes an SSD extract brought in
 * (ssd_missing), and which children an actor may see, so its lists hold only
 * those. Organisation-level reads: the caller scopes and audits what it shows.
 */
import { sql } from 'drizzle-orm';
import { anyId, IdQuery, type IdSet, noIds } from '../../platform/db/any-id';
import { type Db, rawRows } from '../../platform/db/client';
import type { Actor } from '../../platform/permissions';
import { sharedRead } from '../../platform/shared-reads';
import { scopeFor, todayAt } from './access';
import { scopeCondition } from './repository';

export interface ImportedMissingEpisode {
  sourceId: string;
  personId: string;
  startDate: string;
  startAt: Date | null;
  endDate: string | null;
  endAt: Date | null;
  /** M missing, A away from placement without authorisation. */
  episodeType: string | null;
  interviewOffered: boolean | null;
  interviewAccepted: boolean | null;
}

/**
 * Current (not closed) imported missing episodes of an organisation, or of
 * some children; with `since` (a date), only those open or begun on or after it.
 */
export async function importedMissingEpisodes(
  db: Db,
  organisationId: string,
  options: { personIds?: IdSet; since?: string } = {},
): Promise<ImportedMissingEpisode[]> {
  const people = options.personIds ? sql`and ${anyId(sql`m.person_id`, options.personIds)}` : sql``;
  const since = options.since
    ? sql`and (m.end_date is null or m.start_date >= ${options.since}::date)`
    : sql``;
  if (options.personIds && noIds(options.personIds)) return [];
  const rows = await rawRows<{
    source_id: string;
    person_id: string;
    start_date: string;
    start_at: string | Date | null;
    end_date: string | null;
    end_at: string | Date | null;
    episode_type: string | null;
    return_interview_offered: boolean | null;
    return_interview_accepted: boolean | null;
  }>(
    db,
    sql`select m.source_id, m.person_id, m.start_date::text, m.start_at, m.end_date::text, m.end_at, m.episode_type,
          m.return_interview_offered, m.return_interview_accepted
        from case_missing_episodes m
        where m.organisation_id = ${organisationId} and m.closed_at is null ${people} ${since}
        order by m.start_date desc, m.source_id`,
  );
  return rows.map((r) => ({
    sourceId: r.source_id,
    personId: r.person_id,
    startDate: r.start_date,
    startAt: r.start_at ? new Date(r.start_at) : null,
    endDate: r.end_date,
    endAt: r.end_at ? new Date(r.end_at) : null,
    episodeType: r.episode_type,
    interviewOffered: r.return_interview_offered,
    interviewAccepted: r.return_interview_accepted,
  }));
}

/**
 * The children an actor may see now, as a query the database answers inside
 * the reader's own query: "all" for organisation-wide roles, none for roles
 * that see no child. For counts over a team's thousands of children, which
 * need their ids only to match them. No audit: the caller audits what it shows.
 */
export function childrenInScope(actor: Actor, at: Date): 'all' | IdSet {
  const scope = scopeFor(actor, at);
  if (scope.kind === 'organisation') return 'all';
  if (scope.kind === 'none') return [];
  return new IdQuery(
    sql`select p.id from case_people p where p.organisation_id = ${actor.organisationId} and p.closed_at is null
      and ${scopeCondition(scope, todayAt({ at }))}`,
  );
}

/**
 * The children an actor may see now, for lists other modules keep of
 * children: "all" for organisation-wide roles, else their ids (none for
 * roles that see no child). No audit: the caller audits what it shows.
 */
export async function childIdsInScope(db: Db, actor: Actor, at: Date): Promise<'all' | string[]> {
  const scope = scopeFor(actor, at);
  if (scope.kind === 'organisation') return 'all';
  if (scope.kind === 'none') return [];
  const day = todayAt({ at });
  // The home page's providers ask side by side: inside its shared reads the children are read once.
  const ids = await sharedRead(
    `cases.childIdsInScope:${actor.organisationId}:${actor.userId}:${day}`,
    async () => {
      const rows = await rawRows<{ id: string }>(
        db,
        sql`select p.id from case_people p where p.organisation_id = ${actor.organisationId} and p.closed_at is null
          and ${scopeCondition(scope, day)}`,
      );
      return rows.map((r) => r.id);
    },
  );
  return [...ids];
}
