/**
 * What changed between two snapshots of a plan: actions whose RAG changed,
 * actions added, removed, completed, or newly overdue. Actions are matched by
 * their identity, so a renumbered action is the same action.
 */
import { allActions, type DocAction, type PlanDocument } from './document';
import { compareReferences } from './reference';
import { COMPLETE, type RagCode } from './vocab';

export interface ComparedAction {
  actionId: string;
  reference: string;
  action: string;
  from?: RagCode;
  to?: RagCode;
  previousReference?: string;
}

export interface SnapshotComparison {
  ragChanged: ComparedAction[];
  added: ComparedAction[];
  removed: ComparedAction[];
  completed: ComparedAction[];
  becameOverdue: ComparedAction[];
  renumbered: ComparedAction[];
  unchanged: number;
}

function row(a: DocAction): ComparedAction {
  return { actionId: a.actionId, reference: a.reference, action: a.action };
}

function byReference(list: ComparedAction[]): ComparedAction[] {
  return list.sort((a, b) => compareReferences(a.reference, b.reference));
}

/** Compare an earlier document with a later one. */
export function compareDocuments(earlier: PlanDocument, later: PlanDocument): SnapshotComparison {
  const before = new Map(allActions(earlier).map((a) => [a.actionId, a]));
  const after = new Map(allActions(later).map((a) => [a.actionId, a]));
  const result: SnapshotComparison = {
    ragChanged: [],
    added: [],
    removed: [],
    completed: [],
    becameOverdue: [],
    renumbered: [],
    unchanged: 0,
  };
  for (const [id, now] of after) {
    const then = before.get(id);
    if (!then) {
      result.added.push({ ...row(now), to: now.rag });
      if (now.rag === COMPLETE) result.completed.push({ ...row(now), to: now.rag });
      if (now.overdue) result.becameOverdue.push({ ...row(now), to: now.rag });
      continue;
    }
    let changed = false;
    if (then.rag !== now.rag) {
      result.ragChanged.push({ ...row(now), from: then.rag, to: now.rag });
      changed = true;
      if (now.rag === COMPLETE) result.completed.push({ ...row(now), from: then.rag, to: now.rag });
    }
    if (now.overdue && !then.overdue) {
      result.becameOverdue.push({ ...row(now), to: now.rag });
      changed = true;
    }
    if (then.reference !== now.reference) {
      result.renumbered.push({ ...row(now), previousReference: then.reference });
      changed = true;
    }
    if (!changed) result.unchanged += 1;
  }
  for (const [id, then] of before) {
    if (!after.has(id)) result.removed.push({ ...row(then), from: then.rag });
  }
  for (const list of [
    result.ragChanged,
    result.added,
    result.removed,
    result.completed,
    result.becameOverdue,
    result.renumbered,
  ]) {
    byReference(list);
  }
  return result;
}
