/**
 * The authority's retention schedule for the case register (docs/operations.md,
 * "Retention"). Two things happen:
 *
 * - problem lists of imports older than the setting lose the values they
 *   quote (a forename, a date of birth): file, row, field and what was
 *   expected are kept, so the import history stays readable;
 * - children whose records are all closed are reported once they pass the
 *   age the schedule keeps them to (25th birthday; 75th if they were ever
 *   looked after). Oversight reports them and does not yet remove them:
 *   their practice records are append-only by design, and removing them is
 *   a deliberate step still to build.
 */
import { addYears, format, parseISO } from 'date-fns';
import { sql } from 'drizzle-orm';
import type { RetentionSettings } from '../../platform/config';
import { type Db, rawRows } from '../../platform/db/client';

/** The day a child's records fall due for removal under the schedule; null without a date of birth. */
export function retentionDueDate(
  dateOfBirth: string | null,
  lookedAfter: boolean,
  settings: Pick<RetentionSettings, 'closedCasesAge' | 'lookedAfterCasesAge'>,
): string | null {
  if (!dateOfBirth) return null;
  const age = lookedAfter ? settings.lookedAfterCasesAge : settings.closedCasesAge;
  return format(addYears(parseISO(dateOfBirth), age), 'yyyy-MM-dd');
}

export interface ClosedCaseDue {
  personId: string;
  /** The SSD person id: what the case management system knows the child by. */
  sourceId: string;
  lookedAfter: boolean;
  dueOn: string;
}

/** Children with no open case whose retention period has ended by today. */
export async function closedCasesDue(
  db: Db,
  organisationId: string,
  today: string,
  settings: Pick<RetentionSettings, 'closedCasesAge' | 'lookedAfterCasesAge'>,
): Promise<ClosedCaseDue[]> {
  const earliestBirth = format(addYears(parseISO(today), -settings.closedCasesAge), 'yyyy-MM-dd');
  const rows = await rawRows<{ id: string; source_id: string; date_of_birth: string; looked_after: boolean }>(
    db,
    sql`select p.id, p.source_id, p.date_of_birth::text as date_of_birth,
          (exists (select 1 from case_cla_episodes e where e.person_id = p.id)
            or exists (select 1 from case_care_leavers l where l.person_id = p.id)) as looked_after
        from case_people p
        where p.organisation_id = ${organisationId} and not p.open_case
          and p.date_of_birth is not null and p.date_of_birth <= ${earliestBirth}
        order by p.date_of_birth, p.source_id`,
  );
  return rows.flatMap((r) => {
    const dueOn = retentionDueDate(r.date_of_birth, r.looked_after, settings);
    return dueOn && dueOn <= today
      ? [{ personId: r.id, sourceId: r.source_id, lookedAfter: r.looked_after, dueOn }]
      : [];
  });
}

/** Strip the quoted values from the problem lists of imports finished before the cutoff; returns how many imports. */
export async function removeImportProblemValues(
  db: Db,
  organisationId: string,
  cutoff: Date,
): Promise<number> {
  const rows = await rawRows<{ id: string }>(
    db,
    sql`update case_imports
          set errors = (select coalesce(jsonb_agg(e - 'value'), '[]'::jsonb) from jsonb_array_elements(errors) e)
        where organisation_id = ${organisationId}
          and coalesce(finished_at, created_at) < ${cutoff.toISOString()}::timestamptz
          and errors @? '$[*].value'
        returning id`,
  );
  return rows.length;
}
