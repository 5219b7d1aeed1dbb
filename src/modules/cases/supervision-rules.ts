/**
 * Supervision actions: which are open, which were carried forward without
 * being done, and which have now been on the agenda at three supervisions.
 * Audits found actions repeated three times without follow-up; these rules
 * make that visible. Pure functions, no database.
 */
import { addDays, addMonths } from '../../platform/calendar/working-days';

/** An action that has been on the agenda at this many supervisions is shown to the service manager. */
export const REPEAT_THRESHOLD = 3;

export type ActionOutcome = 'done' | 'carried';

/** One row of an action, as agreed (or carried forward) at one supervision. */
export interface ActionNode {
  id: string;
  chainId: string;
  previousActionId: string | null;
  supervisionId: string;
  heldOn: string;
  dueOn: string;
  outcome: ActionOutcome | null;
}

export type ActionStatus = 'open' | 'done' | 'carried';

export interface AssessedAction<T extends ActionNode = ActionNode> {
  action: T;
  status: ActionStatus;
  /** At how many supervisions this action has been agreed, counting this one. */
  appearances: number;
  /** Carried in from an earlier supervision without having been done. */
  carried: boolean;
  /** On the agenda at REPEAT_THRESHOLD or more supervisions. */
  repeated: boolean;
  /** Not done and past its due date. */
  overdue: boolean;
  /** When the action was first agreed. */
  firstAgreedOn: string;
}

/**
 * Assess actions. `nodes` may hold rows of many chains; a row's appearances
 * count the rows before it in its chain (its previous action, that one's
 * previous, and so on) plus itself. Rows whose earlier links are missing
 * from `nodes` count only what is there, so pass whole chains.
 */
export function assessActions<T extends ActionNode>(nodes: readonly T[], today: string): AssessedAction<T>[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = new Map<string, { appearances: number; first: string }>();
  const walk = (node: T): { appearances: number; first: string } => {
    const known = depth.get(node.id);
    if (known) return known;
    // Follow the chain iteratively: a long chain must not blow the stack, a broken one must not loop.
    const path: T[] = [];
    const seen = new Set<string>();
    let current: T | undefined = node;
    let base = { appearances: 0, first: node.heldOn };
    while (current && !seen.has(current.id)) {
      const cached = depth.get(current.id);
      if (cached) {
        base = cached;
        break;
      }
      seen.add(current.id);
      path.push(current);
      current = current.previousActionId ? byId.get(current.previousActionId) : undefined;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const n = path[i]!;
      base = { appearances: base.appearances + 1, first: base.appearances === 0 ? n.heldOn : base.first };
      depth.set(n.id, base);
    }
    return depth.get(node.id)!;
  };
  return nodes.map((action) => {
    const { appearances, first } = walk(action);
    const status: ActionStatus = action.outcome ?? 'open';
    return {
      action,
      status,
      appearances,
      carried: action.previousActionId !== null,
      repeated: appearances >= REPEAT_THRESHOLD,
      overdue: status !== 'done' && action.dueOn < today,
      firstAgreedOn: first,
    };
  });
}

/**
 * The actions a service manager should see: the latest row of each chain
 * that has been on the agenda at three or more supervisions and is still not
 * done. A chain whose latest row was carried to a row not passed in is
 * still shown by that latest row.
 */
export function repeatedWithoutFollowUp<T extends ActionNode>(
  nodes: readonly T[],
  today: string,
): AssessedAction<T>[] {
  const assessed = assessActions(nodes, today);
  const continued = new Set(nodes.flatMap((n) => (n.previousActionId ? [n.previousActionId] : [])));
  return assessed
    .filter((a) => a.repeated && a.status !== 'done' && !continued.has(a.action.id))
    .sort((a, b) => b.appearances - a.appearances || a.firstAgreedOn.localeCompare(b.firstAgreedOn));
}

/** Longest part of an action's description quoted in an error message. */
const QUOTE_MAX = 60;

/**
 * The error for an earlier action left undecided, naming the action so that
 * several of them in the error summary can be told apart.
 */
export function carryMessage(description: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  if (!text) return 'Select whether this action was done or is carried forward to this supervision';
  const quoted = text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1).trimEnd()}…` : text;
  return `Select whether the action “${quoted}” was done or is carried forward to this supervision`;
}

export type CarryDecision = 'done' | 'carry';

/**
 * At a new supervision of the same worker, each open action from before
 * must be marked done or carried forward. Returns the decisions, or a
 * message per action left undecided (keyed by the form field name).
 */
export function decideCarry(
  openActionIds: readonly string[],
  submitted: Readonly<Record<string, unknown>>,
  fieldName: (actionId: string) => string,
  describe: (actionId: string) => string = () => '',
): { ok: true; done: string[]; carry: string[] } | { ok: false; errors: Record<string, string> } {
  const done: string[] = [];
  const carry: string[] = [];
  const errors: Record<string, string> = {};
  for (const id of openActionIds) {
    const field = fieldName(id);
    const value = submitted[field];
    if (value === 'done') done.push(id);
    else if (value === 'carry') carry.push(id);
    else errors[field] = carryMessage(describe(id));
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, done, carry };
}

// ---- when a worker's next supervision is due ----------------------------------------------------------

/** A worker's supervision falling due within this many days counts as "due soon". */
export const SUPERVISION_DUE_SOON_DAYS = 7;

/**
 * "overdue": a month has passed since the last supervision; "none": no
 * supervision of this worker is recorded in Oversight, so one is needed now;
 * "due-soon": due within SUPERVISION_DUE_SOON_DAYS; "not-due": later.
 */
export type SupervisionDueStatus = 'overdue' | 'none' | 'due-soon' | 'not-due';

/** Supervision of a case-holding worker is monthly from the previous one (timescales.md, workforce). */
export function nextSupervision(
  lastHeldOn: string | null,
  today: string,
): { dueOn: string | null; status: SupervisionDueStatus } {
  if (!lastHeldOn) return { dueOn: null, status: 'none' };
  const dueOn = addMonths(lastHeldOn, 1);
  if (dueOn < today) return { dueOn, status: 'overdue' };
  if (dueOn <= addDays(today, SUPERVISION_DUE_SOON_DAYS)) return { dueOn, status: 'due-soon' };
  return { dueOn, status: 'not-due' };
}

/** Whether a worker's supervision needs holding now: overdue, or none recorded yet. */
export const supervisionNeeded = (status: SupervisionDueStatus) => status === 'overdue' || status === 'none';
