/**
 * What each daily prompt says, as pure functions. Subjects never name a
 * child; bodies give counts and a link, and the detail is behind sign-in.
 */
import { STATUS_LABELS, type TaskStatus } from './rules/status';

export interface PromptTask {
  status: string;
  taskType: string;
  daysOverdueWorking: number;
}

export interface Digest {
  subject: string;
  body: string;
  items: number;
}

function lines(tasks: readonly PromptTask[], typeLabel: (t: string) => string): string[] {
  const byKey = new Map<string, number>();
  for (const t of tasks) {
    const key = `${STATUS_LABELS[t.status as TaskStatus] ?? t.status}: ${typeLabel(t.taskType)}`;
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  return [...byKey].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `- ${k} (${n})`);
}

/** A worker's digest of their own overdue and due-soon tasks; none when there is nothing to say. */
export function workerDigest(
  tasks: readonly PromptTask[],
  link: string,
  typeLabel: (t: string) => string,
): Digest | null {
  const relevant = tasks.filter((t) => t.status === 'overdue' || t.status === 'due-soon');
  if (!relevant.length) return null;
  const overdue = relevant.filter((t) => t.status === 'overdue').length;
  const soon = relevant.length - overdue;
  return {
    subject: `Oversight: ${overdue} overdue and ${soon} due soon in your statutory tasks`,
    body: [
      'Your statutory tasks need attention:',
      '',
      ...lines(relevant, typeLabel),
      '',
      `See them and record what is done: ${link}`,
      '',
      'You receive this each working day while you have tasks overdue or due soon.',
    ].join('\n'),
    items: relevant.length,
  };
}

/** A team manager's digest of the team's overdue tasks. */
export function managerDigest(
  tasks: readonly PromptTask[],
  teamName: string,
  link: string,
  typeLabel: (t: string) => string,
): Digest | null {
  const overdue = tasks.filter((t) => t.status === 'overdue');
  if (!overdue.length) return null;
  return {
    subject: `Oversight: ${overdue.length} overdue statutory tasks in your team`,
    body: [
      `Overdue statutory tasks in ${teamName}:`,
      '',
      ...lines(overdue, typeLabel),
      '',
      `See them by worker: ${link}`,
    ].join('\n'),
    items: overdue.length,
  };
}

/** Tasks overdue by more than the escalation threshold (working days), for the service manager. */
export function escalationDigest(
  tasks: readonly PromptTask[],
  thresholdWorkingDays: number,
  link: string,
  typeLabel: (t: string) => string,
): Digest | null {
  const escalated = tasks.filter(
    (t) => t.status === 'overdue' && t.daysOverdueWorking > thresholdWorkingDays,
  );
  if (!escalated.length) return null;
  return {
    subject: `Oversight: ${escalated.length} statutory tasks overdue by more than ${thresholdWorkingDays} working days`,
    body: [
      `These statutory tasks are overdue by more than ${thresholdWorkingDays} working days:`,
      '',
      ...lines(escalated, typeLabel),
      '',
      `See them across the service: ${link}`,
    ].join('\n'),
    items: escalated.length,
  };
}
