/**
 * Supervision of case-holding workers: the supervisees a manager may see, the
 * supervision form with the actions carried from the last one, recording a
 * supervision (one transaction, audited; the children discussed have their
 * "case discussed in supervision" task brought up to date), and actions on
 * the agenda again and again without follow-up.
 */
import { randomUUID } from 'node:crypto';
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import { londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { databaseErrorCode, NotFoundError, ValidationError } from '../../platform/errors';
import { formatDate } from '../../platform/http/views';
import { type Actor, ROLE_CASE_SCOPE } from '../../platform/permissions';
import { sharedRead } from '../../platform/shared-reads';
import { notifyRegisterChanged } from './importer';
import * as repo from './practice-repository';
import { recordedEventTypes } from './recording-repository';
import { type AssessedAction, assessActions, decideCarry } from './supervision-rules';

/** A well-formed id, so a malformed one is a 404 rather than a database error. */
export const isUuid = (id: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

// ---- supervision ---------------------------------------------------------------------------------

/** A team manager supervises the workers of their team; a service manager any worker. */
function superviseeTeam(actor: Actor): string | null | 'none' {
  const scope = ROLE_CASE_SCOPE[actor.role];
  if (scope === 'organisation') return null;
  if (scope === 'team') return actor.teamId ?? 'none';
  return 'none';
}

export async function superviseesFor(db: Db, actor: Actor, ctx: { at: Date }): Promise<repo.SuperviseeRow[]> {
  const team = superviseeTeam(actor);
  if (team === 'none') return [];
  const today = londonDateOf(ctx.at);
  // The home page's supervision counts and repeated actions both ask: inside its shared reads, read once.
  return [
    ...(await sharedRead(`cases.supervisees:${actor.organisationId}:${team}:${today}`, () =>
      repo.supervisees(db, actor.organisationId, team, today),
    )),
  ];
}

async function requireSupervisee(db: Db, actor: Actor, workerId: string, ctx: { at: Date }) {
  if (!isUuid(workerId)) throw new NotFoundError('worker');
  const worker = (await superviseesFor(db, actor, ctx)).find((w) => w.id === workerId);
  if (!worker) throw new NotFoundError('worker');
  return worker;
}

export type ActionView = AssessedAction<repo.ActionRow>;

export interface SupervisionForm {
  worker: repo.SuperviseeRow;
  children: repo.WorkerChildRow[];
  /** Actions not yet done or carried, from earlier supervisions of this worker. */
  openActions: ActionView[];
  previous: { id: string; heldOn: string } | undefined;
}

export async function supervisionForm(
  db: Db,
  actor: Actor,
  workerId: string,
  ctx: AuditContext,
): Promise<SupervisionForm> {
  const worker = await requireSupervisee(db, actor, workerId, ctx);
  const today = londonDateOf(ctx.at);
  const actions = assessActions(await repo.listActions(db, actor.organisationId, { workerId }), today);
  return {
    worker,
    children: await repo.childrenOfWorker(db, actor.organisationId, workerId, today),
    openActions: actions.filter((a) => a.status === 'open'),
    previous: await repo.latestSupervisionOf(db, actor.organisationId, workerId),
  };
}

export interface NewAction {
  description: string;
  ownerKind: 'worker' | 'supervisor';
  dueOn: string;
}

export interface SupervisionInput {
  workerId: string;
  heldOn: string;
  reflection: string;
  personIds: string[];
  /** The form's answers about each earlier open action: field name -> "done" | "carry". */
  carry: Record<string, unknown>;
  actions: NewAction[];
}

export const carryField = (actionId: string) => `previous-${actionId}`;

export async function recordSupervision(
  db: Db,
  actor: Actor,
  input: SupervisionInput,
  ctx: AuditContext,
): Promise<string> {
  const form = await supervisionForm(db, actor, input.workerId, ctx);
  const today = londonDateOf(ctx.at);
  const errors: Record<string, string> = {};
  if (input.heldOn > today) errors.heldOn = 'The date of the supervision must be today or in the past';
  if (form.previous && input.heldOn < form.previous.heldOn) {
    errors.heldOn = `The date of the supervision must be on or after the last supervision of ${form.worker.name}, on ${formatDate(form.previous.heldOn)}`;
  }
  const allowed = new Set(form.children.map((c) => c.id));
  if (input.personIds.some((id) => !allowed.has(id))) {
    errors.personIds = `Select only children allocated to ${form.worker.name}`;
  }
  const decisions = decideCarry(
    form.openActions.map((a) => a.action.id),
    input.carry,
    carryField,
    (id) => form.openActions.find((a) => a.action.id === id)?.action.description ?? '',
  );
  if (!decisions.ok) Object.assign(errors, decisions.errors);
  if (Object.keys(errors).length || !decisions.ok) throw new ValidationError(errors);
  const supervisorName = actor.name;
  const openById = new Map(form.openActions.map((a) => [a.action.id, a.action]));
  const firstCarried = form.openActions[0] ? carryField(form.openActions[0].action.id) : 'heldOn';
  const firstDiscussed = !(await recordedEventTypes(db, actor.organisationId)).has('supervision');
  const id = await decidedOnce(firstCarried, () =>
    db.transaction(async (tx) => {
      const supervisionId = await repo.insertSupervision(tx, {
        organisationId: actor.organisationId,
        heldOn: input.heldOn,
        supervisorUserId: actor.userId,
        workerId: input.workerId,
        reflection: input.reflection,
        createdAt: ctx.at,
      });
      await repo.insertSupervisionCases(tx, actor.organisationId, supervisionId, input.personIds);
      const outcome = (actionId: string, value: 'done' | 'carried') =>
        repo.insertActionOutcome(tx, {
          organisationId: actor.organisationId,
          actionId,
          outcome: value,
          decidedAtSupervisionId: supervisionId,
          recordedBy: actor.userId,
          recordedOn: input.heldOn,
          recordedAt: ctx.at,
        });
      for (const id of decisions.done) await outcome(id, 'done');
      let position = 0;
      for (const id of decisions.carry) {
        const previous = openById.get(id)!;
        await repo.insertSupervisionAction(tx, {
          organisationId: actor.organisationId,
          supervisionId,
          chainId: previous.chainId,
          previousActionId: previous.id,
          description: previous.description,
          ownerKind: previous.ownerKind,
          ownerName: previous.ownerName,
          dueOn: previous.dueOn,
          position: position++,
          createdAt: ctx.at,
        });
        await outcome(id, 'carried');
      }
      for (const a of input.actions) {
        const id = randomUUID();
        await repo.insertSupervisionAction(tx, {
          id,
          organisationId: actor.organisationId,
          supervisionId,
          chainId: id,
          previousActionId: null,
          description: a.description,
          ownerKind: a.ownerKind,
          ownerName: a.ownerKind === 'worker' ? form.worker.name : supervisorName,
          dueOn: a.dueOn,
          position: position++,
          createdAt: ctx.at,
        });
      }
      await recordAudit(tx, ctx, {
        action: 'supervision.record',
        recordType: 'supervision',
        recordId: supervisionId,
        detail: `worker ${input.workerId}: ${input.personIds.length} cases, ${decisions.done.length} done, ${decisions.carry.length} carried, ${input.actions.length} new actions`,
      });
      return supervisionId;
    }),
  );
  // The children discussed have their "case discussed in supervision" task done at once; the first
  // supervision that discusses any child switches that rule on, so every child is recomputed.
  if (input.personIds.length > 0) {
    await notifyRegisterChanged({ organisationId: actor.organisationId, personIds: input.personIds });
    if (firstDiscussed) await notifyRegisterChanged({ organisationId: actor.organisationId });
  }
  return id;
}

/**
 * An action's outcome is recorded once (a unique index): if two people
 * decide the same action at the same moment, the second is told, not shown
 * an error page.
 */
async function decidedOnce<T>(field: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (databaseErrorCode(error) === '23505') {
      throw new ValidationError({
        [field]:
          'Someone else has just recorded what became of these actions. Go back to supervision and start again.',
      });
    }
    throw error;
  }
}

/** Supervisions the actor may read: their team's workers (team manager) or everyone's (service-wide roles). */
export async function listSupervisionsFor(
  db: Db,
  actor: Actor,
  ctx: { at: Date },
): Promise<repo.SupervisionRow[]> {
  const team = superviseeTeam(actor);
  if (team === 'none') return [];
  if (team === null) return repo.listSupervisions(db, actor.organisationId, { limit: 200 });
  const workers = await superviseesFor(db, actor, ctx);
  return repo.listSupervisions(db, actor.organisationId, { workerIds: workers.map((w) => w.id), limit: 200 });
}

export interface SupervisionPage {
  supervision: repo.SupervisionRow;
  cases: Array<{ id: string; name: string }>;
  actions: ActionView[];
  /** Actions of earlier supervisions decided at this one. */
  decided: ActionView[];
}

export async function getSupervision(
  db: Db,
  actor: Actor,
  id: string,
  ctx: AuditContext,
): Promise<SupervisionPage> {
  if (!isUuid(id)) throw new NotFoundError('supervision');
  const supervision = await repo.findSupervision(db, actor.organisationId, id);
  if (!supervision) throw new NotFoundError('supervision');
  await requireSupervisee(db, actor, supervision.workerId, ctx);
  const all = assessActions(
    await repo.listActions(db, actor.organisationId, { workerId: supervision.workerId }),
    londonDateOf(ctx.at),
  );
  const here = all.filter((a) => a.action.supervisionId === id);
  const decided = all.filter((a) => a.action.decidedAt === id && a.action.supervisionId !== id);
  await recordAudit(db, ctx, { action: 'supervision.view', recordType: 'supervision', recordId: id });
  return {
    supervision,
    cases: (await repo.casesOfSupervision(db, actor.organisationId, id)).map((c) => ({
      id: c.id,
      name: [c.forename, c.surname].filter(Boolean).join(' ') || `Child ${c.sourceId}`,
    })),
    actions: here,
    decided,
  };
}

/** Mark an open action done between supervisions. */
export async function markActionDone(
  db: Db,
  actor: Actor,
  supervisionId: string,
  actionId: string,
  ctx: AuditContext,
): Promise<void> {
  const page = await getSupervision(db, actor, supervisionId, ctx);
  const action = page.actions.find((a) => a.action.id === actionId);
  if (!action) throw new NotFoundError('action');
  if (action.status !== 'open') {
    throw new ValidationError({
      [`action-${actionId}`]: 'This action has already been marked done or carried forward',
    });
  }
  await decidedOnce(`action-${actionId}`, () =>
    db.transaction(async (tx) => {
      await repo.insertActionOutcome(tx, {
        organisationId: actor.organisationId,
        actionId,
        outcome: 'done',
        decidedAtSupervisionId: null,
        recordedBy: actor.userId,
        recordedOn: londonDateOf(ctx.at),
        recordedAt: ctx.at,
      });
      await recordAudit(tx, ctx, {
        action: 'supervision.action.done',
        recordType: 'supervision',
        recordId: supervisionId,
        detail: `action ${actionId}`,
      });
    }),
  );
}
