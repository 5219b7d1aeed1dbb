import { describe, expect, it } from 'vitest';
import { mayWithdraw } from './withdrawal-rules';

const recorder = { userId: 'u-priya', teamId: 't-care' };

describe('who may withdraw a recorded event', () => {
  it('the team manager of the recorder’s team, or one who recorded it', () => {
    expect(mayWithdraw({ role: 'team_manager', userId: 'u-tm', teamId: 't-care' }, recorder)).toBe(true);
    expect(mayWithdraw({ role: 'team_manager', userId: 'u-tm', teamId: 't-other' }, recorder)).toBe(false);
    expect(
      mayWithdraw(
        { role: 'team_manager', userId: 'u-tm', teamId: 't-other' },
        { userId: 'u-tm', teamId: 't-other' },
      ),
    ).toBe(true);
    // A team manager with no team cannot withdraw an event of a recorder with no team.
    expect(
      mayWithdraw({ role: 'team_manager', userId: 'u-tm', teamId: null }, { userId: 'x', teamId: null }),
    ).toBe(false);
  });

  it('service managers and senior leaders, for anyone', () => {
    for (const role of ['service_manager', 'senior_leader'] as const)
      expect(mayWithdraw({ role, userId: 'u-sm', teamId: null }, { userId: null, teamId: null }), role).toBe(
        true,
      );
  });

  it('not the practitioner who recorded it, nor any other role', () => {
    for (const role of [
      'practitioner',
      'qa_officer',
      'independent_auditor',
      'administrator',
      'committee_member',
    ] as const)
      expect(mayWithdraw({ role, userId: 'u-priya', teamId: 't-care' }, recorder), role).toBe(false);
  });
});
