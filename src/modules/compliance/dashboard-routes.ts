import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paginate } from '../../platform/admin/pagination';
import { recordAudit } from '../../platform/audit/service';
import { markedAttachment } from '../../platform/branding/service';
import { addDays } from '../../platform/calendar/working-days';
import { renderBarChart } from '../../platform/charts/bar-chart';
import { today } from '../../platform/clock';
import { safeCsv } from '../../platform/csv';
import { teamsOf } from '../../platform/directory';
import { ForbiddenError } from '../../platform/errors';
import { dateFromParts, dateParts, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { type Actor, can } from '../../platform/permissions';
import { loadTimescaleSources } from '../../platform/timescales/sources';
import * as cases from '../cases/service';
import { ALL_STATUSES, monthLabel, OPEN_STATUSES, onTimeTrend, pivot, totals } from './dashboard';
import { SERVICE_LEVEL_LABELS, TASK_TYPE_LABELS, VISIT_KINDS } from './labels';
import { STATUS_LABELS, STATUS_TAG, type TaskStatus } from './rules/status';
import * as compliance from './service';

/** Tasks a page of the list shows. */
const PAGE_SIZE = 50;

const listQuery = z.object({
  status: z.enum(['', ...ALL_STATUSES] as [string, ...string[]]).optional(),
  taskType: z.string().max(40).optional(),
  serviceLevel: z.string().max(40).optional(),
  team: z.union([z.literal(''), z.string().uuid()]).optional(),
  worker: z.union([z.literal(''), z.string().uuid()]).optional(),
  mine: z.literal('1').optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

type Query = Record<string, string | undefined>;

/**
 * Which tasks this person may see: their own caseload, their team, or the
 * whole service. Asking for more than that is refused.
 */
async function scopeFor(
  app: FastifyInstance,
  actor: Actor,
  wanted: { team?: string; mine?: boolean },
): Promise<{ teamIds?: string[]; workerIds?: string[] }> {
  const { db } = app.deps;
  if (wanted.mine || !can(actor, 'compliance.team')) {
    if (!can(actor, 'compliance.mine')) throw new ForbiddenError();
    return { workerIds: await cases.workerIdsForUser(db, actor.organisationId, actor.userId) };
  }
  if (can(actor, 'compliance.service')) return wanted.team ? { teamIds: [wanted.team] } : {};
  if (!actor.teamId)
    throw new ForbiddenError(
      'You are not in a team, so there is no team view for you. Ask an administrator to set your team.',
    );
  if (wanted.team && wanted.team !== actor.teamId)
    throw new ForbiddenError('You can see the statutory tasks of your own team only.');
  return { teamIds: [actor.teamId] };
}

async function names(
  app: FastifyInstance,
  organisationId: string,
  tasks: Awaited<ReturnType<typeof compliance.listTasks>>,
) {
  const { db } = app.deps;
  const [children, workers, teamRows, rules] = await Promise.all([
    cases.childNames(db, organisationId, [...new Set(tasks.map((t) => t.personId))]),
    cases.workerNames(db, organisationId, [
      ...new Set(tasks.flatMap((t) => (t.workerId ? [t.workerId] : []))),
    ]),
    teamsOf(db, organisationId),
    compliance.listRules(db, organisationId, today(app.deps.clock), app.deps.clock.now()),
  ]);
  const teamNames = new Map(teamRows.map((t) => [t.id, t.name]));
  const ruleNames = new Map(rules.map((r) => [r.key, r.current.definition.name]));
  // Events no extract holds are recorded by form (see cases' event routes).
  const recordedBy = new Map(
    rules.filter((r) => r.recordable).map((r) => [r.key, r.current.definition.completion]),
  );
  return tasks.map((t) => ({
    ...t,
    childName: children.get(t.personId) ?? 'Name not recorded',
    workerName: t.workerId ? workers.get(t.workerId) : undefined,
    teamName: t.teamId ? teamNames.get(t.teamId) : undefined,
    ruleName: ruleNames.get(t.ruleKey) ?? t.ruleKey,
    sortStatus: ALL_STATUSES.indexOf(t.status as TaskStatus),
    recordHref: VISIT_KINDS[t.ruleKey]
      ? `/children/${t.personId}/visits/new?kind=${VISIT_KINDS[t.ruleKey]}&back=/tasks`
      : recordedBy.has(t.ruleKey)
        ? `/children/${t.personId}/events/new?type=${recordedBy.get(t.ruleKey)}&back=/tasks`
        : undefined,
    recordText: recordedBy.has(t.ruleKey) ? 'Record event' : 'Record visit',
  }));
}

function choice(value: string, text: string, selected: string | undefined) {
  return { value, text, selected: value === (selected ?? '') };
}

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const labels = STATUS_LABELS;
  const tags = STATUS_TAG;

  app.get('/tasks', { config: { permission: 'compliance.mine' } }, async (req, reply) => {
    const actor = req.actor!;
    const workerIds = await cases.workerIdsForUser(db, actor.organisationId, actor.userId);
    const tasks = workerIds.length
      ? await compliance.listTasks(db, {
          organisationId: actor.organisationId,
          workerIds,
          statuses: OPEN_STATUSES,
        })
      : [];
    const named = await names(app, actor.organisationId, tasks);
    await recordAudit(db, auditContext(req, clock), {
      action: 'tasks.view',
      recordType: 'task-list',
      detail: 'my tasks',
    });
    return reply.render('compliance/views/mine.njk', {
      hasCaseload: workerIds.length > 0,
      canRecord: can(actor, 'cases.visits.record'),
      urgent: named.filter((t) => t.status !== 'upcoming'),
      later: named.filter((t) => t.status === 'upcoming'),
      counts: Object.fromEntries(OPEN_STATUSES.map((s) => [s, tasks.filter((t) => t.status === s).length])),
      labels,
      tags,
      computedOn: await compliance.latestComputation(db, actor.organisationId),
    });
  });

  app.get('/timescales', { config: { permission: 'compliance.service' } }, async (req, reply) => {
    const actor = req.actor!;
    const organisationId = actor.organisationId;
    const [byTeamRows, byLevelRows, trendRows, teamRows, otherClocks, computedOn] = await Promise.all([
      compliance.countTasks(db, { organisationId, statuses: OPEN_STATUSES }, ['teamId', 'status']),
      compliance.countTasks(db, { organisationId, statuses: OPEN_STATUSES }, ['serviceLevel', 'status']),
      compliance.onTimeByMonth(db, { organisationId }),
      teamsOf(db, actor.organisationId),
      // Clocks other modules keep (missing episodes, children missing education).
      loadTimescaleSources(app, actor, app.deps.modules),
      compliance.latestComputation(db, organisationId),
    ]);
    const teamName = new Map(teamRows.map((t) => [t.id, t.name]));
    const byTeam = pivot(byTeamRows.map((r) => ({ key: r.teamId, status: r.status!, n: r.n }))).map((r) => ({
      ...r,
      label: r.key ? (teamName.get(r.key) ?? 'Unknown team') : 'No team',
      link: `/timescales/tasks?team=${r.key ?? ''}`,
      // The team's name opens its dashboard, by worker and task type.
      nameLink: r.key && teamName.has(r.key) ? `/timescales/team?team=${r.key}` : undefined,
    }));
    const byLevel = pivot(byLevelRows.map((r) => ({ key: r.serviceLevel, status: r.status!, n: r.n }))).map(
      (r) => ({
        ...r,
        label: SERVICE_LEVEL_LABELS[r.key as keyof typeof SERVICE_LEVEL_LABELS] ?? r.key,
        link: `/timescales/tasks?serviceLevel=${r.key}`,
      }),
    );
    const trend = onTimeTrend(trendRows, today(clock)).map((p) => ({
      ...p,
      label: monthLabel(p.month),
    }));
    const withData = trend.filter((p) => p.rate != null);
    const first = withData[0];
    const last = withData.at(-1);
    const trendSummary =
      first && last
        ? `${last.rate}% of tasks due in ${last.label} were done on time, compared with ${first.rate}% in ${first.label}.`
        : 'No statutory tasks fell due in the last 12 months.';
    const trendChart = await renderBarChart({
      title: 'Statutory tasks done on time, by the month they fell due, last 12 months',
      description: trendSummary,
      axisTitle: 'Done on time (%)',
      max: 100,
      unit: '%',
      noValueText: 'Nothing due',
      // Short month names keep the chart readable at 320 px; the table beside it names them in full.
      data: trend.map((p) => ({ label: `${p.label.slice(0, 3)} ${p.month.slice(0, 4)}`, value: p.rate })),
    });
    return reply.render('compliance/views/service.njk', {
      byTeam,
      byTeamTotal: { ...totals(byTeam), link: '/timescales/tasks?team=' },
      byLevel,
      byLevelTotal: { ...totals(byLevel), link: '/timescales/tasks?team=' },
      statuses: OPEN_STATUSES,
      labels,
      trend,
      trendSummary,
      trendChart,
      otherClocks,
      computedOn,
    });
  });

  app.get('/timescales/team', { config: { permission: 'compliance.team' } }, async (req, reply) => {
    const actor = req.actor!;
    const q = listQuery.parse(req.query);
    const teamRows = await teamsOf(db, actor.organisationId);
    const allowed = can(actor, 'compliance.service')
      ? teamRows
      : teamRows.filter((t) => t.id === actor.teamId);
    const teamId = q.team || actor.teamId || allowed[0]?.id;
    if (!teamId) throw new ForbiddenError('You are not in a team. Ask an administrator to set your team.');
    const scope = await scopeFor(app, actor, { team: teamId });
    const team = teamRows.find((t) => t.id === teamId);
    if (!team) throw new ForbiddenError();
    const filter = { organisationId: actor.organisationId, statuses: OPEN_STATUSES, ...scope };
    const [byWorkerRows, byTypeRows, workers] = await Promise.all([
      compliance.countTasks(db, filter, ['workerId', 'status']),
      compliance.countTasks(db, filter, ['taskType', 'status']),
      cases.workersInTeam(db, actor.organisationId, teamId),
    ]);
    const workerName = new Map(workers.map((w) => [w.id, w.name]));
    const byWorkerPivot = pivot(
      byWorkerRows.map((r) => ({ key: r.workerId, status: r.status!, n: r.n })),
      workers.map((w) => w.id),
    );
    const byWorker = byWorkerPivot.map((r) => ({
      ...r,
      label: r.key ? (workerName.get(r.key) ?? 'Worker in another team') : 'Not allocated',
      link: `/timescales/tasks?team=${teamId}&worker=${r.key ?? ''}`,
    }));
    const byType = pivot(byTypeRows.map((r) => ({ key: r.taskType, status: r.status!, n: r.n }))).map(
      (r) => ({
        ...r,
        label: TASK_TYPE_LABELS[r.key ?? ''] ?? r.key,
        link: `/timescales/tasks?team=${teamId}&taskType=${r.key}`,
      }),
    );
    return reply.render('compliance/views/team.njk', {
      teamId,
      teamName: team.name,
      teamChoices: allowed.map((t) => choice(t.id, t.name, teamId)),
      byWorker,
      byWorkerTotal: { ...totals(byWorker), link: `/timescales/tasks?team=${teamId}` },
      byType,
      byTypeTotal: { ...totals(byType), link: `/timescales/tasks?team=${teamId}` },
      statuses: OPEN_STATUSES,
      labels,
      computedOn: await compliance.latestComputation(db, actor.organisationId),
    });
  });

  async function filtered(req: FastifyRequest) {
    const actor = req.actor!;
    const raw = (req.query ?? {}) as Query;
    const q = listQuery.parse(raw);
    const fields: Record<string, string> = {};
    const range: { from?: string; to?: string } = {};
    for (const name of ['from', 'to'] as const) {
      if (raw[`${name}-day`] || raw[`${name}-month`] || raw[`${name}-year`]) {
        const parsed = dateFromParts(
          raw,
          name,
          name === 'from' ? 'the earliest due date' : 'the latest due date',
        );
        if (parsed.ok) range[name] = parsed.date;
        else fields[name] = parsed.message;
      }
    }
    const scope = await scopeFor(app, actor, { team: q.team || undefined, mine: q.mine === '1' });
    const filter: compliance.TaskFilter = {
      organisationId: actor.organisationId,
      statuses: q.status ? [q.status] : OPEN_STATUSES,
      taskTypes: q.taskType ? [q.taskType] : undefined,
      serviceLevels: q.serviceLevel ? [q.serviceLevel] : undefined,
      ...scope,
      workerIds: q.worker
        ? scope.workerIds
          ? scope.workerIds.filter((w) => w === q.worker)
          : [q.worker]
        : scope.workerIds,
      dueFrom: range.from,
      dueTo: range.to ? addDays(range.to, 1) : undefined,
    };
    return { q, raw, filter, errors: formErrors(fields) };
  }

  app.get('/timescales/tasks', { config: { permission: 'compliance.list' } }, async (req, reply) => {
    const actor = req.actor!;
    const { q, raw, filter, errors } = await filtered(req);
    const [counted, teamRows, workers] = await Promise.all([
      compliance.countTasks(db, filter, ['status']),
      teamsOf(db, actor.organisationId),
      cases.workersInTeam(db, actor.organisationId, filter.teamIds?.[0] ?? null),
    ]);
    const total = counted.reduce((n, r) => n + r.n, 0);
    // A page past the end shows the last page.
    const page = Math.min(q.page ?? 1, Math.max(1, Math.ceil(total / PAGE_SIZE)));
    const sizes = new Map(counted.map((r) => [r.status ?? '', r.n]));
    const tasks = await compliance.listTasks(db, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE, sizes);
    const named = await names(app, actor.organisationId, tasks);
    const filters = Object.entries(raw).filter(
      ([k, v]) => k !== 'page' && typeof v === 'string' && v !== '',
    ) as [string, string][];
    const pageHref = (n: number) => {
      const params = new URLSearchParams(filters);
      if (n > 1) params.set('page', String(n));
      const text = params.toString();
      return `/timescales/tasks${text ? `?${text}` : ''}`;
    };
    const pagination = paginate(total, { page, pageSize: PAGE_SIZE }, pageHref);
    await recordAudit(db, auditContext(req, clock), {
      action: 'tasks.view',
      recordType: 'task-list',
      detail: new URLSearchParams(raw as Record<string, string>).toString().slice(0, 500),
    });
    const visibleTeams = can(actor, 'compliance.service')
      ? teamRows
      : teamRows.filter((t) => t.id === actor.teamId);
    return reply.render('compliance/views/tasks.njk', {
      tasks: named,
      total,
      pagination,
      labels,
      tags,
      errors,
      values: {
        from: raw['from-day']
          ? { day: raw['from-day'], month: raw['from-month'], year: raw['from-year'] }
          : dateParts(null),
        to: raw['to-day']
          ? { day: raw['to-day'], month: raw['to-month'], year: raw['to-year'] }
          : dateParts(null),
      },
      query: new URLSearchParams(filters).toString(),
      choices: {
        status: [
          choice('', 'Open (overdue, due soon, not yet due)', q.status),
          ...ALL_STATUSES.map((s) => choice(s, STATUS_LABELS[s], q.status)),
        ],
        taskType: [
          choice('', 'All tasks', q.taskType),
          ...Object.entries(TASK_TYPE_LABELS).map(([k, v]) => choice(k, v, q.taskType)),
        ],
        serviceLevel: [
          choice('', 'All service levels', q.serviceLevel),
          ...Object.entries(SERVICE_LEVEL_LABELS).map(([k, v]) => choice(k, v, q.serviceLevel)),
        ],
        team: [
          choice('', can(actor, 'compliance.service') ? 'All teams' : 'Your team', q.team),
          ...visibleTeams.map((t) => choice(t.id, t.name, q.team)),
        ],
        worker: [choice('', 'All workers', q.worker), ...workers.map((w) => choice(w.id, w.name, q.worker))],
      },
    });
  });

  app.get(
    '/timescales/tasks.csv',
    { config: { permission: 'compliance.list' } },
    async (req, reply: FastifyReply) => {
      const actor = req.actor!;
      const { raw, filter } = await filtered(req);
      const tasks = await names(app, actor.organisationId, await compliance.listTasks(db, filter, 100_000));
      await recordAudit(db, auditContext(req, clock), {
        action: 'tasks.export',
        recordType: 'task-list',
        detail: new URLSearchParams(raw as Record<string, string>).toString().slice(0, 500),
      });
      const csv = safeCsv(
        ['Child', 'Child id', 'Task', 'Due', 'Status', 'Days late', 'Done on', 'Worker', 'Team', 'Rule'],
        tasks.map((t) => [
          t.childName,
          t.personId,
          t.ruleName,
          t.due,
          STATUS_LABELS[t.status as TaskStatus],
          t.daysLate,
          t.completedOn,
          t.workerName,
          t.teamName,
          `${t.ruleKey} v${t.ruleVersion}`,
        ]),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          await markedAttachment(db, req.actor!.organisationId, `statutory-tasks-${today(clock)}.csv`),
        )
        .send(csv);
    },
  );
}
