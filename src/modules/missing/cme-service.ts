/**
 * The children missing education register: record a case for a child,
 * update its checks and outcome, add enquiries, read it with its clocks, and
 * list the cases of the children a person may see. Each change is one
 * transaction with its access-audit event; each person-level read is audited.
 * A case of a child outside the person's scope, or of another organisation,
 * is not found. School days skip weekends, bank holidays and the
 * organisation's own non-working days (the calendar holds no school terms).
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { nonWorkingDaysFor } from '../../platform/calendar/service';
import { londonDateOf } from '../../platform/clock';
import type { IdSet } from '../../platform/db/any-id';
import type { Db } from '../../platform/db/client';
import { together } from '../../platform/db/together';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { childIdsInScope, childNames, mayViewChild } from '../cases/service';
import * as repo from './cme-repository';
import {
  type CmeDates,
  checkCmeDates,
  countByLight,
  type LightCounts,
  litCmeClocks,
  nextDueOf,
} from './cme-rules';
import type { CmeOutcome, CmeReason, ReporterKind } from './cme-vocab';
import type { KeyDataCme } from './key-data';
import type { KeyDataListCme } from './key-data-list';

export interface CmeReferralInput {
  school: string;
  reportedOn: string;
  reporterKind: ReporterKind;
  reportedBy: string;
  firstAbsentOn: string;
  reason: CmeReason;
  reasonDetails: string | null;
}

export interface CmeProgressInput {
  parentsContactedOn: string | null;
  recontactOn: string | null;
  dslToldOn: string | null;
  homeVisitOn: string | null;
  cmeOfficerToldOn: string | null;
  policeWelfareCheckOn: string | null;
  outcome: CmeOutcome | null;
  locatedOn: string | null;
  offRollOn: string | null;
  recordsTransferredOn: string | null;
  closedOn: string | null;
}

export interface EnquiryInput {
  madeOn: string;
  contacted: string;
  result: string;
}

const NO_PROGRESS: CmeProgressInput = {
  parentsContactedOn: null,
  recontactOn: null,
  dslToldOn: null,
  homeVisitOn: null,
  cmeOfficerToldOn: null,
  policeWelfareCheckOn: null,
  outcome: null,
  locatedOn: null,
  offRollOn: null,
  recordsTransferredOn: null,
  closedOn: null,
};

async function requireChild(db: Db, actor: Actor, personId: string, at: Date) {
  if (!(await mayViewChild(db, actor, personId, at))) throw new NotFoundError('child');
}

/** A case the actor may see, or not found. */
async function requireCase(db: Db, actor: Actor, id: string, at: Date): Promise<repo.CmeRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await repo.cmeCaseById(db, actor.organisationId, id) : null;
  if (!row || !(await mayViewChild(db, actor, row.personId, at))) throw new NotFoundError('case');
  return row;
}

type CaseDates = CmeDates & { firstAbsentOn: string };

function nextDue(d: CaseDates, today: string, holidays: ReadonlySet<string>) {
  return nextDueOf(litCmeClocks(d, today, holidays));
}

function check(d: CaseDates, today: string) {
  const errors = checkCmeDates(d, today);
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

export async function recordCme(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  personId: string,
  input: CmeReferralInput,
): Promise<string> {
  await requireChild(db, actor, personId, ctx.at);
  const today = londonDateOf(ctx.at);
  const dates = { ...NO_PROGRESS, reportedOn: input.reportedOn, firstAbsentOn: input.firstAbsentOn };
  check(dates, today);
  const holidays = await nonWorkingDaysFor(db, actor.organisationId);
  return db.transaction(async (tx) => {
    const id = await repo.insertCmeCase(tx, {
      organisationId: actor.organisationId,
      personId,
      ...input,
      nextDueOn: nextDue(dates, today, holidays),
      recordedBy: actor.userId,
      createdAt: ctx.at,
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'missing.cme.record',
      recordType: 'child',
      recordId: personId,
      detail: `case ${id}; first absent ${input.firstAbsentOn}`,
    });
    return id;
  });
}

/** Change the referral's details, or record the checks, the outcome and the close. */
export async function updateCme(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  change: { referral: CmeReferralInput; progress: CmeProgressInput },
): Promise<void> {
  const row = await requireCase(db, actor, id, ctx.at);
  const today = londonDateOf(ctx.at);
  const dates = {
    ...change.progress,
    reportedOn: change.referral.reportedOn,
    firstAbsentOn: change.referral.firstAbsentOn,
  };
  check(dates, today);
  const holidays = await nonWorkingDaysFor(db, actor.organisationId);
  await db.transaction(async (tx) => {
    await repo.updateCmeCase(tx, actor.organisationId, id, {
      ...change.referral,
      ...change.progress,
      nextDueOn: nextDue(dates, today, holidays),
      updatedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'missing.cme.update',
      recordType: 'child',
      recordId: row.personId,
      detail: `case ${id}${change.progress.closedOn ? `; closed ${change.progress.closedOn}` : ''}`,
    });
  });
}

export async function addCmeEnquiry(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  input: EnquiryInput,
): Promise<void> {
  const row = await requireCase(db, actor, id, ctx.at);
  if (input.madeOn > londonDateOf(ctx.at))
    throw new ValidationError({ madeOn: 'The date of the enquiry must be today or in the past' });
  if (input.madeOn < row.firstAbsentOn)
    throw new ValidationError({
      madeOn: 'The date of the enquiry must be on or after the first day of absence',
    });
  await db.transaction(async (tx) => {
    await repo.insertCmeEnquiry(tx, {
      organisationId: actor.organisationId,
      caseId: id,
      ...input,
      recordedBy: actor.userId,
      recordedAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'missing.cme.enquiry',
      recordType: 'child',
      recordId: row.personId,
      detail: `case ${id}; ${input.madeOn}`,
    });
  });
}

function withClocks(row: repo.CmeRow, today: string, holidays: ReadonlySet<string>) {
  return { row, clocks: litCmeClocks(row, today, holidays) };
}

export type CmeWithClocks = ReturnType<typeof withClocks>;

/** A case for a form: checked and audited as a read of the child's record. */
export async function cmeForForm(db: Db, actor: Actor, id: string, ctx: AuditContext, form: string) {
  const row = await requireCase(db, actor, id, ctx.at);
  await recordAudit(db, ctx, {
    action: 'missing.cme.form',
    recordType: 'child',
    recordId: row.personId,
    detail: `case ${id}; ${form}`,
  });
  return row;
}

/** One case with its clocks and enquiries: a person-level read, audited. */
export async function openCme(db: Db, actor: Actor, id: string, ctx: AuditContext) {
  const row = await requireCase(db, actor, id, ctx.at);
  const [enquiries, holidays] = await together(
    db,
    () => repo.cmeEnquiriesOf(db, actor.organisationId, id),
    () => nonWorkingDaysFor(db, actor.organisationId),
  );
  await recordAudit(db, ctx, {
    action: 'missing.cme.view',
    recordType: 'child',
    recordId: row.personId,
    detail: `case ${id}`,
  });
  return { ...withClocks(row, londonDateOf(ctx.at), holidays), enquiries };
}

/** A child's cases with their clocks, for the panel on the child's record (the record page checks and audits the read). */
export async function cmeForChild(
  db: Db,
  actor: Actor,
  personId: string,
  now: Date,
): Promise<CmeWithClocks[]> {
  const [rows, holidays] = await together(
    db,
    () => repo.cmeCasesOfChild(db, actor.organisationId, personId),
    () => nonWorkingDaysFor(db, actor.organisationId),
  );
  return rows.map((r) => withClocks(r, londonDateOf(now), holidays));
}

/** One page of the register for the children the actor may see, with names and clocks; audited as a list read. */
export async function listCme(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  show: repo.CmeFilter,
  page: { limit: number; offset: number },
) {
  const today = londonDateOf(ctx.at);
  const filter = {
    organisationId: actor.organisationId,
    people: await childIdsInScope(db, actor, ctx.at),
    show,
    today,
  };
  const total = await repo.countCmeCases(db, filter);
  const [rows, holidays] = await together(
    db,
    () => repo.listCmeCases(db, filter, page.limit, page.offset),
    () => nonWorkingDaysFor(db, actor.organisationId),
  );
  const names = await childNames(db, actor.organisationId, [...new Set(rows.map((r) => r.personId))]);
  await recordAudit(db, ctx, {
    action: 'missing.cme.list',
    recordType: 'child',
    detail: `${show}; ${rows.length} of ${total}`,
  });
  return {
    total,
    rows: rows.map((r) => ({
      ...withClocks(r, today, holidays),
      childName: names.get(r.personId) ?? 'Unknown child',
    })),
  };
}

/** Open clocks of open cases by light, for the children the actor may see (aggregates only: no audit). */
export async function cmeClockCounts(
  db: Db,
  actor: Actor,
  now: Date,
): Promise<LightCounts & { cases: number }> {
  const today = londonDateOf(now);
  const filter = {
    organisationId: actor.organisationId,
    people: await childIdsInScope(db, actor, now),
    show: 'open' as const,
    today,
  };
  const [rows, holidays] = await together(
    db,
    () => repo.listCmeCases(db, filter, 100_000, 0),
    () => nonWorkingDaysFor(db, actor.organisationId),
  );
  const lights = rows.flatMap((r) => litCmeClocks(r, today, holidays).map((k) => k.light));
  return { ...countByLight(lights), cases: rows.length };
}

/** Every case of the organisation in the key data's terms (aggregates only leave the module). */
export async function keyDataCme(db: Db, organisationId: string): Promise<KeyDataCme[]> {
  const rows = await repo.cmeCasesForKeyData(db, organisationId);
  return rows.map((r) => ({ personId: r.personId, reportedOn: r.reportedOn, closedOn: r.closedOn }));
}

/** The same cases with their ids, schools and children's names, for the list behind the figure (organisation-wide readers only). */
export async function keyDataListCme(db: Db, organisationId: string): Promise<KeyDataListCme[]> {
  const rows = await repo.cmeCasesForKeyData(db, organisationId);
  const names = await childNames(db, organisationId, [...new Set(rows.map((r) => r.personId))]);
  return rows.map((r) => ({ ...r, childName: names.get(r.personId) ?? 'Unknown child' }));
}

/** Open cases, and those with a check overdue, of the children the actor may see (aggregates only: no audit). */
export async function cmeOpenCounts(
  db: Db,
  actor: Actor,
  now: Date,
  /** The children in scope, when the caller has them already. */
  inScope?: 'all' | IdSet,
): Promise<{ open: number; overdue: number }> {
  return repo.countOpenCmeCases(db, {
    organisationId: actor.organisationId,
    people: inScope ?? (await childIdsInScope(db, actor, now)),
    today: londonDateOf(now),
  });
}
