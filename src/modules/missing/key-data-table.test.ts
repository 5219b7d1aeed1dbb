import { describe, expect, it } from 'vitest';
import type { KeyDataEpisode } from './key-data';
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

describe('the key data table a committee report embeds', () => {
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
