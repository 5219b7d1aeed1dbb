/**
 * The voice-of-the-child indicator: of the open cases, how many have the
 * child's own views recorded in the last three months, by team and by
 * worker. Pure functions, no database.
 */
import { addMonths } from '../../platform/calendar/working-days';

/** How the child's views were captured (stored code -> words on the page). */
export const CAPTURE_METHODS = {
  direct: 'Direct conversation with the child',
  app: 'An app (for example a tablet or phone app)',
  drawing: 'Drawing or picture choices',
  audio_video: 'Audio or video recording',
  advocate: 'Through an advocate',
  consultation_booklet: 'Consultation booklet at a review',
  survey: 'Survey',
} as const;

export type CaptureMethod = keyof typeof CAPTURE_METHODS;

export const VOICE_WINDOW_MONTHS = 3;

/** The first day that counts as "in the last three months". */
export function voiceWindowStart(today: string): string {
  return addMonths(today, -VOICE_WINDOW_MONTHS);
}

/** Whether a child's views are due: last recorded before the three-month window, or never. */
export function viewsAreDue(lastRecordedOn: string | null, today: string): boolean {
  return lastRecordedOn === null || lastRecordedOn < voiceWindowStart(today);
}

/** One open case, with its current allocation and the date of the child's latest recorded views. */
export interface OpenCaseVoice {
  personId: string;
  workerId: string | null;
  workerName: string | null;
  teamId: string | null;
  teamName: string | null;
  /** Latest date of the child's views recorded in Oversight, or null. */
  lastVoiceOn: string | null;
  /** The case management system's extract holds voice-of-the-child flags (undated) for this child. */
  ssdVoice: boolean;
}

export interface VoiceGroup {
  key: string;
  name: string;
  openCases: number;
  withViews: number;
  /** Whole percent, or null when there are no open cases. */
  percent: number | null;
  ssdVoice: number;
}

export interface VoiceIndicator {
  today: string;
  since: string;
  openCases: number;
  withViews: number;
  percent: number | null;
  /** Open cases with voice flags in the SSD extract. Undated, so not part of the three-month share. */
  ssdVoice: number;
  byTeam: VoiceGroup[];
  byWorker: VoiceGroup[];
}

export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}

export const UNALLOCATED = 'Not allocated';

/** Count open cases with the child's views recorded between `since` and today, overall and by group. */
export function computeVoiceIndicator(cases: readonly OpenCaseVoice[], today: string): VoiceIndicator {
  const since = voiceWindowStart(today);
  const recent = (c: OpenCaseVoice) =>
    c.lastVoiceOn !== null && c.lastVoiceOn >= since && c.lastVoiceOn <= today;
  const group = (keyOf: (c: OpenCaseVoice) => [string, string]): VoiceGroup[] => {
    const groups = new Map<string, VoiceGroup>();
    for (const c of cases) {
      const [key, name] = keyOf(c);
      const g = groups.get(key) ?? { key, name, openCases: 0, withViews: 0, percent: null, ssdVoice: 0 };
      g.openCases += 1;
      if (recent(c)) g.withViews += 1;
      if (c.ssdVoice) g.ssdVoice += 1;
      groups.set(key, g);
    }
    return [...groups.values()]
      .map((g) => ({ ...g, percent: percentOf(g.withViews, g.openCases) }))
      .sort((a, b) => (a.percent ?? 101) - (b.percent ?? 101) || a.name.localeCompare(b.name));
  };
  const withViews = cases.filter(recent).length;
  return {
    today,
    since,
    openCases: cases.length,
    withViews,
    percent: percentOf(withViews, cases.length),
    ssdVoice: cases.filter((c) => c.ssdVoice).length,
    byTeam: group((c) => [c.teamId ?? '', c.teamName ?? UNALLOCATED]),
    byWorker: group((c) => [c.workerId ?? '', c.workerName ?? UNALLOCATED]),
  };
}
