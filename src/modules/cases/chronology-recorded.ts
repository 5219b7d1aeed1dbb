/**
 * What Oversight recorded itself, as chronology events: the events recorded
 * by form (a withdrawn one marked so, and its withdrawal on the day it was
 * withdrawn, with who and why) and private fostering arrangements.
 */
import { londonDateOf } from '../../platform/clock';
import type { Db } from '../../platform/db/client';
import { arrangementsOf } from './private-fostering-repository';
import { isRecordableEventType, RECORDABLE_EVENTS } from './recordable-events';
import { recordedEventsOf } from './withdrawal-repository';

/** The chronology categories these fall in (a subset of CHRONOLOGY_CATEGORIES). */
type ChronologyCategory = 'looked after' | 'child in need';

export interface RecordedChronologyEvent {
  date: string;
  category: ChronologyCategory;
  title: string;
  detail: string | null;
  ssdTable: string;
  sourceId: string;
  recordId: string;
}

export async function recordedChronology(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<RecordedChronologyEvent[]> {
  const events: RecordedChronologyEvent[] = [];
  for (const e of await recordedEventsOf(db, organisationId, personId)) {
    const known = isRecordableEventType(e.type) ? RECORDABLE_EVENTS[e.type] : null;
    const label = known?.label ?? e.type;
    const category: ChronologyCategory =
      known?.episode === 'private_fostering' ? 'child in need' : 'looked after';
    const row = { ssdTable: 'oversight_recorded_events', sourceId: e.sourceId, recordId: e.id };
    events.push({
      date: e.date,
      category,
      title: e.withdrawnAt ? `${label} (withdrawn)` : label,
      detail: `Recorded in Oversight by ${e.recorderName ?? 'unknown'}${e.withdrawnAt ? '. Withdrawn: it no longer counts for any timescale' : ''}`,
      ...row,
    });
    if (e.withdrawnAt) {
      events.push({
        date: londonDateOf(new Date(e.withdrawnAt)),
        category,
        title: `Recorded event withdrawn: ${label} of ${e.date}`,
        detail: `Withdrawn by ${e.withdrawnByName ?? 'unknown'}. Reason: ${e.reason ?? ''}`,
        ssdTable: 'oversight_withdrawals',
        sourceId: e.sourceId,
        recordId: e.id,
      });
    }
  }
  for (const a of await arrangementsOf(db, organisationId, personId)) {
    const row = { ssdTable: 'oversight_private_fostering', sourceId: a.sourceId, recordId: a.id };
    const carer = `Carer: ${a.carerName}${a.carerRelationship ? ` (${a.carerRelationship})` : ''}`;
    events.push({
      date: a.notificationDate,
      category: 'child in need',
      title: 'Private fostering arrangement notified',
      detail: carer,
      ...row,
    });
    events.push({
      date: a.startDate,
      category: 'child in need',
      title: 'Private fostering arrangement started',
      detail: carer,
      ...row,
    });
    if (a.assessmentDate)
      events.push({
        date: a.assessmentDate,
        category: 'child in need',
        title: 'Private fostering assessment completed',
        detail: carer,
        ...row,
      });
    if (a.endDate)
      events.push({
        date: a.endDate,
        category: 'child in need',
        title: 'Private fostering arrangement ended',
        detail: carer,
        ...row,
      });
  }
  return events;
}
