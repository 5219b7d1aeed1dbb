/**
 * The statutory events no SSD extract holds yet that a practitioner can
 * record with Oversight's own form, and which of them a child's open
 * episodes allow. Pure: no database.
 */
/** The episodes a recorded event can belong to: the open period of care, the open placement, or the open private fostering arrangement. */
export type EventEpisodeKind = 'looked_after' | 'placement' | 'private_fostering';

/** Each event that can be recorded, what it is called, and the episode it belongs to. */
export const RECORDABLE_EVENTS = {
  care_plan: { label: 'Care plan prepared', episode: 'looked_after' },
  placement_plan: { label: 'Placement plan agreed', episode: 'placement' },
  placement_notification: { label: 'Placement notified (emergency placement)', episode: 'placement' },
  iro_appointed: { label: 'Independent reviewing officer appointed', episode: 'looked_after' },
  iro_informed: { label: 'Independent reviewing officer informed', episode: 'looked_after' },
  needs_assessment: { label: 'Needs assessment for an eligible child', episode: 'looked_after' },
  sdq: { label: 'Strengths and difficulties questionnaire completed', episode: 'looked_after' },
  virtual_school_introduction: { label: 'Introduced to the virtual school head', episode: 'looked_after' },
  private_fostering_visit: {
    label: 'Private fostering visit (child seen, alone unless inappropriate)',
    episode: 'private_fostering',
  },
} as const satisfies Record<string, { label: string; episode: EventEpisodeKind }>;

export type RecordableEventType = keyof typeof RECORDABLE_EVENTS;
export const RECORDABLE_EVENT_TYPES = Object.keys(RECORDABLE_EVENTS) as RecordableEventType[];

export function isRecordableEventType(type: string): type is RecordableEventType {
  return Object.hasOwn(RECORDABLE_EVENTS, type);
}

/**
 * The events that can be recorded for a child with these open episodes: those
 * whose episode is open, with the episode they would belong to (the latest).
 */
export function recordableFor(
  episodes: ReadonlyArray<{ kind: EventEpisodeKind; sourceId: string; start: string }>,
): Array<{ type: RecordableEventType; label: string; episodeSourceId: string; episodeStart: string }> {
  const latest = new Map<EventEpisodeKind, { sourceId: string; start: string }>();
  for (const e of episodes) {
    const seen = latest.get(e.kind);
    if (!seen || e.start > seen.start) latest.set(e.kind, e);
  }
  return RECORDABLE_EVENT_TYPES.flatMap((type) => {
    const episode = latest.get(RECORDABLE_EVENTS[type].episode);
    return episode
      ? [
          {
            type,
            label: RECORDABLE_EVENTS[type].label,
            episodeSourceId: episode.sourceId,
            episodeStart: episode.start,
          },
        ]
      : [];
  });
}
