import { describe, expect, it } from 'vitest';
import {
  computeVoiceIndicator,
  type OpenCaseVoice,
  percentOf,
  viewsAreDue,
  voiceWindowStart,
} from './voice-rules';

const TODAY = '2026-11-16';

function open(personId: string, over: Partial<OpenCaseVoice> = {}): OpenCaseVoice {
  return {
    personId,
    workerId: 'w1',
    workerName: 'Ann Worker',
    teamId: 't1',
    teamName: 'Children in Care Team',
    lastVoiceOn: null,
    ssdVoice: false,
    ...over,
  };
}

describe('voice window', () => {
  it('starts three calendar months before today, and clamps to month ends', () => {
    expect(voiceWindowStart(TODAY)).toBe('2026-08-16');
    expect(voiceWindowStart('2026-05-31')).toBe('2026-02-28');
  });
});

describe('percentOf', () => {
  it('rounds to a whole percent and has no share of nothing', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('computeVoiceIndicator', () => {
  it('counts views recorded on or after the window start, not before it or in the future', () => {
    const result = computeVoiceIndicator(
      [
        open('a', { lastVoiceOn: '2026-08-16' }),
        open('b', { lastVoiceOn: '2026-08-15' }),
        open('c', { lastVoiceOn: TODAY }),
        open('d', { lastVoiceOn: '2026-11-17' }),
        open('e'),
      ],
      TODAY,
    );
    expect(result).toMatchObject({ openCases: 5, withViews: 2, percent: 40, since: '2026-08-16' });
  });

  it('groups by team and by worker, lowest share first, with unallocated cases named', () => {
    const result = computeVoiceIndicator(
      [
        open('a', { lastVoiceOn: '2026-10-01' }),
        open('b', { lastVoiceOn: '2026-10-01', workerId: 'w2', workerName: 'Ben Worker' }),
        open('c', { workerId: 'w2', workerName: 'Ben Worker' }),
        open('d', { workerId: null, workerName: null, teamId: null, teamName: null, ssdVoice: true }),
      ],
      TODAY,
    );
    expect(result.byTeam.map((g) => [g.name, g.openCases, g.withViews, g.percent])).toEqual([
      ['Not allocated', 1, 0, 0],
      ['Children in Care Team', 3, 2, 67],
    ]);
    expect(result.byWorker.map((g) => [g.name, g.withViews, g.percent])).toEqual([
      ['Not allocated', 0, 0],
      ['Ben Worker', 1, 50],
      ['Ann Worker', 1, 100],
    ]);
    expect(result.ssdVoice).toBe(1);
    expect(result.byTeam[0]!.ssdVoice).toBe(1);
  });

  it('reports no share when there are no open cases', () => {
    expect(computeVoiceIndicator([], TODAY)).toMatchObject({ openCases: 0, withViews: 0, percent: null });
  });
});

describe('viewsAreDue', () => {
  it('is due when the views were last recorded before the three-month window, or never', () => {
    expect(viewsAreDue(null, '2026-11-16')).toBe(true);
    expect(viewsAreDue('2026-08-15', '2026-11-16')).toBe(true);
    expect(viewsAreDue('2026-08-16', '2026-11-16')).toBe(false);
    expect(viewsAreDue('2026-11-01', '2026-11-16')).toBe(false);
  });
});
