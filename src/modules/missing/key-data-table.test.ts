import { describe, expect, it } from 'vitest';
import type { KeyDataCme, KeyDataEpisode } from './key-data';
import { keyDataTable } from './key-data-table';
import { londonInstant } from './london-time';

/** Seven looked-after children missing in 2026-27 Q1 (one each), two more in Q2. */
const episodes: KeyDataEpisode[] = [...Array(9).keys()].map((i) => ({
  personId: `00000000-0000-4000-8000-00000000000${i}`,
  startAt: londonInstant(i < 7 ? '2026-05-10' : '2026-08-10', '20:00'),
  endAt: londonInstant(i < 7 ? '2026-05-11' : '2026-08-11', '08:00'),
  type: 'missing',
  lookedAfter: true,
  interviewOffered: true,
  interviewAccepted: i < 2,
  interviewWithin72Hours: false,
}));

/** Six children missing education open in Q2 (two of them from Q1, one of those across the Q2 end into Q3). */
const cme: KeyDataCme[] = [...Array(6).keys()].map((i) => ({
  personId: `00000000-0000-4000-8000-00000000001${i}`,
  reportedOn: i < 2 ? '2026-06-20' : '2026-08-01',
  closedOn: i === 0 ? '2026-10-02' : '2026-09-01',
}));

describe('the key data table a committee report embeds', () => {
  it('counts children missing education from the register, defines the row, and suppresses it when public', () => {
    const internal = keyDataTable(episodes, 2026, 'internal', '2026-11-16', cme);
    const row = internal.rows.find((r) => r.key === 'childrenMissingEducation')!;
    expect(row.label).toBe('Children missing education');
    expect(row.cells.map((c) => c.text)).toEqual(['2', '6', '1', '0']);
    expect(internal.notes.join(' ')).toContain('open on any day of the quarter');
    const published = keyDataTable(episodes, 2026, 'public', '2026-11-16', cme);
    expect(
      published.rows.find((r) => r.key === 'childrenMissingEducation')!.cells.map((c) => c.text),
    ).toEqual(['[c]', '6', '[c]', '0']);
  });

  it('holds every count as computed for internal papers', () => {
    const t = keyDataTable(episodes, 2026, 'internal', '2026-11-16');
    expect(t.financialYear).toBe('2026-27');
    expect(t.quarters.map((q) => q.label)).toEqual(['2026-27 Q1', '2026-27 Q2', '2026-27 Q3', '2026-27 Q4']);
    const went = t.rows.find((r) => r.key === 'lacWentMissing')!;
    expect(went.cells.map((c) => c.text)).toEqual(['7', '2', '0', '0']);
    expect(t.rows.find((r) => r.key === 'interviewsAccepted')!.cells.map((c) => c.value)).toEqual([
      2, 0, 0, 0,
    ]);
  });

  it('suppresses 1 to 5 when public, keeps zero and larger counts, and says so', () => {
    const t = keyDataTable(episodes, 2026, 'public', '2026-11-16');
    const went = t.rows.find((r) => r.key === 'lacWentMissing')!;
    expect(went.cells.map((c) => c.text)).toEqual(['7', '[c]', '0', '0']);
    expect(went.cells[1]).toEqual({ value: null, suppressed: 'primary', text: '[c]' });
    expect(t.notes.at(-1)).toContain('Counts from 1 to 5 are shown as [c]');
  });

  it('holds no child: no ids, only counts, and survives being stored as JSON unchanged', () => {
    const t = keyDataTable(episodes, 2026, 'public', '2026-11-16');
    const stored = JSON.stringify(t);
    expect(stored).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(JSON.parse(stored)).toEqual(t);
  });
});
