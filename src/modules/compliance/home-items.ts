/**
 * What the statutory timescales put on the home page: a person's own overdue
 * and coming tasks, their team's overdue tasks by worker, and the service's
 * position. Each count is one grouped query over the computed tasks, and each
 * links to the task list filtered to show exactly those rows.
 */

import type { FastifyInstance } from 'fastify';
import { addDays } from '../../platform/calendar/working-days';
import { today } from '../../platform/clock';
import type { HomeItem, HomeItemProvider } from '../../platform/home/items';
import { type Actor, can } from '../../platform/permissions';
import * as cases from '../cases/service';
import { monthLabel, onTimeTrend } from './dashboard';
import * as compliance from './service';
import { overdueByWorker } from './team-breakdown';

/** Tasks due from today up to this many days ahead count as "due in the next 7 days". */
export const DUE_AHEAD_DAYS = 7;

/** The task list's date-range query for due dates from..to inclusive. */
export function dueRangeQuery(from: string, to: string): string {
  const parts = (name: string, iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return `${name}-day=${d}&${name}-month=${m}&${name}-year=${y}`;
  };
  return `${parts('from', from)}&${parts('to', to)}`;
}

/** The statutory task type of management oversight: the case discussed in the worker's supervision. */
const OVERSIGHT_TASK_TYPE = 'supervision';

const sum = (rows: ReadonlyArray<{ n: number }>) => rows.reduce((n, r) => n + r.n, 0);

async function mine(app: FastifyInstance, actor: Actor): Promise<HomeItem[]> {
  const { db, clock } = app.deps;
  const workerIds = await cases.workerIdsForUser(db, actor.organisationId, actor.userId);
  if (!workerIds.length) return [];
  const now = today(clock);
  const until = addDays(now, DUE_AHEAD_DAYS);
  const base = { organisationId: actor.organisationId, workerIds };
  const [overdue, ahead] = await Promise.all([
    compliance.countTasks(db, { ...base, statuses: ['overdue'] }, []),
    compliance.countTasks(
      db,
      { ...base, statuses: ['due-soon', 'upcoming'], dueFrom: now, dueTo: addDays(until, 1) },
      [],
    ),
  ]);
  return [
    {
      text: 'Overdue tasks for your children',
      count: sum(overdue),
      href: '/timescales/tasks?mine=1&status=overdue',
      tone: 'overdue',
    },
    {
      text: `Tasks due in the next ${DUE_AHEAD_DAYS} days`,
      count: sum(ahead),
      href: `/timescales/tasks?mine=1&${dueRangeQuery(now, until)}`,
      tone: 'due',
    },
  ];
}

async function team(app: FastifyInstance, actor: Actor): Promise<HomeItem[]> {
  // People who see the whole service are given the service's position instead.
  if (!actor.teamId || can(actor, 'compliance.service')) return [];
  const { db } = app.deps;
  const teamId = actor.teamId;
  // One grouped count of the team's stored figures: overdue by worker, due soon, and supervision discussions.
  const [counts, workers] = await Promise.all([
    compliance.countTasks(
      db,
      { organisationId: actor.organisationId, teamIds: [teamId], statuses: ['overdue', 'due-soon'] },
      ['workerId', 'status', 'taskType'],
    ),
    cases.workersInTeam(db, actor.organisationId, teamId),
  ]);
  const byWorker = counts.filter((r) => r.status === 'overdue');
  const dueSoon = counts.filter((r) => r.status === 'due-soon');
  // Management oversight: each child's case discussed in their worker's supervision, monthly.
  const oversight = (status: string) =>
    sum(counts.filter((r) => r.status === status && r.taskType === OVERSIGHT_TASK_TYPE));
  const overdueOf = new Map<string | null, number>();
  for (const r of byWorker) overdueOf.set(r.workerId, (overdueOf.get(r.workerId) ?? 0) + r.n);
  const breakdown = overdueByWorker(workers, overdueOf);
  return [
    {
      text: 'Overdue tasks in your team',
      count: sum(byWorker),
      href: `/timescales/tasks?team=${teamId}&status=overdue`,
      tone: 'overdue',
    },
    {
      text: 'Tasks due soon in your team',
      count: sum(dueSoon),
      href: `/timescales/tasks?team=${teamId}&status=due-soon`,
      tone: 'due',
    },
    {
      text: "Children whose case is overdue for discussion in their worker's supervision",
      count: oversight('overdue'),
      href: `/timescales/tasks?team=${teamId}&taskType=${OVERSIGHT_TASK_TYPE}&status=overdue`,
      tone: 'overdue',
    },
    {
      text: "Children whose case is due for discussion in their worker's supervision soon",
      count: oversight('due-soon'),
      href: `/timescales/tasks?team=${teamId}&taskType=${OVERSIGHT_TASK_TYPE}&status=due-soon`,
      tone: 'due',
    },
    ...breakdown.lines.map(
      (w): HomeItem => ({
        text: `Overdue: ${w.name}`,
        count: w.overdue,
        href: `/timescales/tasks?team=${teamId}&worker=${w.workerId}&status=overdue`,
        // A breakdown of the team's total above: flagged once there, not again per worker.
        tone: 'info',
      }),
    ),
    ...(breakdown.rest
      ? [
          {
            text: `Overdue: the other ${breakdown.rest.workers} workers in your team (see the team dashboard)`,
            count: breakdown.rest.overdue,
            href: `/timescales/team?team=${teamId}`,
            tone: 'info' as const,
          },
        ]
      : []),
  ];
}

async function service(app: FastifyInstance, actor: Actor): Promise<HomeItem[]> {
  const { db, clock } = app.deps;
  const organisationId = actor.organisationId;
  const [byStatus, trendRows] = await Promise.all([
    compliance.countTasks(db, { organisationId, statuses: ['overdue', 'due-soon'] }, ['status']),
    compliance.onTimeByMonth(db, { organisationId }),
  ]);
  const n = (status: string) => byStatus.find((r) => r.status === status)?.n ?? 0;
  const items: HomeItem[] = [
    {
      text: 'Overdue statutory tasks across the service',
      count: n('overdue'),
      href: '/timescales/tasks?status=overdue',
      tone: 'overdue',
    },
    {
      text: 'Statutory tasks due soon across the service',
      count: n('due-soon'),
      href: '/timescales/tasks?status=due-soon',
      tone: 'due',
    },
  ];
  // The latest complete month with tasks due, against the month before it: the trend in one line.
  const thisMonth = today(clock).slice(0, 7);
  const trend = onTimeTrend(trendRows, today(clock)).filter((p) => p.rate != null && p.month < thisMonth);
  const last = trend.at(-1);
  const before = trend.at(-2);
  if (last?.rate != null) {
    items.push({
      text: `Tasks due in ${monthLabel(last.month)} done on time`,
      count: last.due,
      display:
        before?.rate != null
          ? `${last.rate}% (${monthLabel(before.month)}: ${before.rate}%)`
          : `${last.rate}%`,
      href: '/timescales',
      tone: 'info',
    });
  }
  return items;
}

export const complianceHomeItems: HomeItemProvider[] = [
  { heading: 'Your statutory tasks', order: 10, permission: 'compliance.mine', load: mine },
  { heading: "Your team's statutory tasks", order: 20, permission: 'compliance.team', load: team },
  {
    heading: 'Statutory timescales across the service',
    order: 30,
    permission: 'compliance.service',
    load: service,
  },
];
