import { describe, expect, it } from 'vitest';
import { isRecordableEventType, RECORDABLE_EVENT_TYPES, recordableFor } from './recordable-events';

describe('events a child’s open episodes allow to be recorded', () => {
  it('offers nothing without an open period of care, placement or private fostering arrangement', () => {
    expect(recordableFor([])).toEqual([]);
  });

  it('offers the period-of-care events with the period, and the placement events with the latest placement', () => {
    const choices = recordableFor([
      { kind: 'looked_after', sourceId: 'LA1', start: '2026-10-26' },
      { kind: 'placement', sourceId: 'PL1', start: '2026-10-26' },
      { kind: 'placement', sourceId: 'PL2', start: '2026-11-05' },
    ]);
    // Everything but the private fostering visit, which needs an open arrangement.
    expect(choices.map((c) => c.type)).toEqual(
      RECORDABLE_EVENT_TYPES.filter((t) => t !== 'private_fostering_visit'),
    );
    expect(choices.find((c) => c.type === 'care_plan')).toMatchObject({
      episodeSourceId: 'LA1',
      episodeStart: '2026-10-26',
    });
    expect(choices.find((c) => c.type === 'placement_plan')).toMatchObject({
      episodeSourceId: 'PL2',
      episodeStart: '2026-11-05',
    });
  });

  it('offers only the placement events for a placement without its period of care', () => {
    const choices = recordableFor([{ kind: 'placement', sourceId: 'PL1', start: '2026-10-26' }]);
    expect(choices.map((c) => c.type)).toEqual(['placement_plan', 'placement_notification']);
  });

  it('offers the private fostering visit with the latest open arrangement', () => {
    const choices = recordableFor([
      { kind: 'private_fostering', sourceId: 'PF-1', start: '2026-01-05' },
      { kind: 'private_fostering', sourceId: 'PF-2', start: '2026-11-02' },
    ]);
    expect(choices).toEqual([
      expect.objectContaining({
        type: 'private_fostering_visit',
        episodeSourceId: 'PF-2',
        episodeStart: '2026-11-02',
      }),
    ]);
  });

  it('records exactly the events compliance waits for (its RECORDED_EVENT_TYPES)', () => {
    expect([...RECORDABLE_EVENT_TYPES].sort()).toEqual(
      [
        'care_plan',
        'placement_plan',
        'placement_notification',
        'iro_appointed',
        'iro_informed',
        'needs_assessment',
        'sdq',
        'virtual_school_introduction',
        'private_fostering_visit',
      ].sort(),
    );
  });

  it('knows an event type from anything else', () => {
    expect(isRecordableEventType('sdq')).toBe(true);
    expect(isRecordableEventType('toString')).toBe(false);
    expect(isRecordableEventType('cla_visit')).toBe(false);
  });
});
