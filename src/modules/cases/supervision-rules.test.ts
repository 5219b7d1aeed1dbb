import { describe, expect, it } from 'vitest';
import {
  type ActionNode,
  assessActions,
  carryMessage,
  decideCarry,
  nextSupervision,
  REPEAT_THRESHOLD,
  repeatedWithoutFollowUp,
} from './supervision-rules';

const TODAY = '2026-11-16';

function node(id: string, over: Partial<ActionNode> = {}): ActionNode {
  return {
    id,
    chainId: id,
    previousActionId: null,
    supervisionId: `s-${id}`,
    heldOn: '2026-09-01',
    dueOn: '2026-12-01',
    outcome: null,
    ...over,
  };
}

/** An action agreed at the first supervision and carried forward `carries` times. */
function chain(prefix: string, dates: string[], lastOutcome: ActionNode['outcome'] = null): ActionNode[] {
  return dates.map((heldOn, i) =>
    node(`${prefix}${i}`, {
      chainId: `${prefix}0`,
      previousActionId: i === 0 ? null : `${prefix}${i - 1}`,
      heldOn,
      outcome: i < dates.length - 1 ? 'carried' : lastOutcome,
    }),
  );
}

describe('assessActions', () => {
  it('counts a new action once, not carried, not repeated', () => {
    const [a] = assessActions([node('a')], TODAY);
    expect(a).toMatchObject({
      status: 'open',
      appearances: 1,
      carried: false,
      repeated: false,
      overdue: false,
    });
    expect(a!.firstAgreedOn).toBe('2026-09-01');
  });

  it('flags an action carried forward without being done, and counts each supervision it was on', () => {
    const nodes = chain('x', ['2026-08-01', '2026-09-01']);
    const [first, second] = assessActions(nodes, TODAY);
    expect(first).toMatchObject({ status: 'carried', appearances: 1, carried: false });
    expect(second).toMatchObject({ status: 'open', appearances: 2, carried: true, repeated: false });
    expect(second!.firstAgreedOn).toBe('2026-08-01');
  });

  it('marks the third appearance as repeated', () => {
    const nodes = chain('x', ['2026-08-01', '2026-09-01', '2026-10-01']);
    const assessed = assessActions(nodes, TODAY);
    expect(assessed.map((a) => a.appearances)).toEqual([1, 2, 3]);
    expect(assessed.map((a) => a.repeated)).toEqual([false, false, true]);
    expect(REPEAT_THRESHOLD).toBe(3);
  });

  it('calls an action overdue only when it is not done and its due date has passed', () => {
    const [late, done, dueToday] = assessActions(
      [
        node('late', { dueOn: '2026-11-15' }),
        node('done', { dueOn: '2026-11-01', outcome: 'done' }),
        node('today', { dueOn: TODAY }),
      ],
      TODAY,
    );
    expect(late!.overdue).toBe(true);
    expect(done!.overdue).toBe(false);
    expect(dueToday!.overdue).toBe(false);
  });

  it('does not loop on a broken chain that points at itself', () => {
    const [a] = assessActions([node('a', { previousActionId: 'a' })], TODAY);
    expect(a!.appearances).toBe(1);
  });

  it('counts only the rows it was given when earlier links are missing', () => {
    const [a] = assessActions([node('b', { previousActionId: 'missing' })], TODAY);
    expect(a).toMatchObject({ appearances: 1, carried: true });
  });
});

describe('repeatedWithoutFollowUp', () => {
  it('lists the latest row of each chain on the agenda three or more times and not done', () => {
    const three = chain('t', ['2026-07-01', '2026-08-01', '2026-09-01']);
    const four = chain('f', ['2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01']);
    const twice = chain('w', ['2026-08-01', '2026-09-01']);
    const doneAtThird = chain('d', ['2026-07-01', '2026-08-01', '2026-09-01'], 'done');
    const listed = repeatedWithoutFollowUp([...three, ...four, ...twice, ...doneAtThird], TODAY);
    expect(listed.map((a) => [a.action.id, a.appearances])).toEqual([
      ['f3', 4],
      ['t2', 3],
    ]);
  });

  it('is empty when nothing has been repeated', () => {
    expect(repeatedWithoutFollowUp([node('a'), ...chain('c', ['2026-08-01', '2026-09-01'])], TODAY)).toEqual(
      [],
    );
  });
});

describe('decideCarry', () => {
  const field = (id: string) => `previous-${id}`;

  it('sorts each open action into done or carried forward', () => {
    const result = decideCarry(
      ['a', 'b', 'c'],
      { 'previous-a': 'done', 'previous-b': 'carry', 'previous-c': 'done' },
      field,
    );
    expect(result).toEqual({ ok: true, done: ['a', 'c'], carry: ['b'] });
  });

  it('asks about every open action left undecided or given a value that is neither, naming each', () => {
    const names: Record<string, string> = {
      a: 'Visit A',
      b: 'Book the conference',
      c: 'Update  the\nchronology',
    };
    const result = decideCarry(
      ['a', 'b', 'c'],
      { 'previous-a': 'done', 'previous-c': 'maybe' },
      field,
      (id) => names[id]!,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        'previous-b':
          'Select whether the action “Book the conference” was done or is carried forward to this supervision',
        'previous-c':
          'Select whether the action “Update the chronology” was done or is carried forward to this supervision',
      },
    });
  });

  it('shortens a long description in the message, and falls back to a plain one without', () => {
    const long =
      'Arrange a meeting with the school, the health visitor and the family support worker about attendance';
    const message = carryMessage(long);
    expect(message).toContain('“Arrange a meeting with the school, the health visitor and t…”');
    expect(carryMessage('  ')).toBe(
      'Select whether this action was done or is carried forward to this supervision',
    );
  });

  it('accepts a first supervision with nothing to carry', () => {
    expect(decideCarry([], {}, field)).toEqual({ ok: true, done: [], carry: [] });
  });
});

describe('nextSupervision', () => {
  it('is due a calendar month after the last supervision', () => {
    expect(nextSupervision('2026-10-20', TODAY)).toEqual({ dueOn: '2026-11-20', status: 'due-soon' });
    expect(nextSupervision('2026-10-31', '2026-11-01')).toEqual({ dueOn: '2026-11-30', status: 'not-due' });
  });

  it('is overdue the day after its due date, not on it', () => {
    expect(nextSupervision('2026-10-16', TODAY)).toEqual({ dueOn: '2026-11-16', status: 'due-soon' });
    expect(nextSupervision('2026-10-15', TODAY)).toEqual({ dueOn: '2026-11-15', status: 'overdue' });
  });

  it('counts due within 7 days as due soon, and later as not due', () => {
    expect(nextSupervision('2026-10-23', TODAY).status).toBe('due-soon');
    expect(nextSupervision('2026-10-24', TODAY).status).toBe('not-due');
  });

  it('asks for one now when none is recorded', () => {
    expect(nextSupervision(null, TODAY)).toEqual({ dueOn: null, status: 'none' });
  });
});
