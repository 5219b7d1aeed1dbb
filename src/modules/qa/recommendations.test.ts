import { describe, expect, it } from 'vitest';
import { overdue, readyForSignOff } from './recommendations';

describe('recommendation rules', () => {
  it('are ready for sign-off only with evidence or a rationale that is more than blank', () => {
    expect(readyForSignOff({ evidence: null, rationale: null })).toBe(false);
    expect(readyForSignOff({ evidence: '  ', rationale: '' })).toBe(false);
    expect(readyForSignOff({ evidence: 'Plan updated', rationale: null })).toBe(true);
    expect(readyForSignOff({ evidence: null, rationale: 'Case closed' })).toBe(true);
    // An evidence file is evidence.
    expect(readyForSignOff({ evidence: null, rationale: null }, 1)).toBe(true);
  });

  it('are overdue after their due date until signed off', () => {
    expect(overdue({ status: 'open', dueDate: '2026-11-15' }, '2026-11-16')).toBe(true);
    expect(overdue({ status: 'in_progress', dueDate: '2026-11-16' }, '2026-11-16')).toBe(false);
    expect(overdue({ status: 'signed_off', dueDate: '2026-01-01' }, '2026-11-16')).toBe(false);
  });
});
