import { describe, expect, it } from 'vitest';
import { type Ssda903Episode, ssda903MissingRows } from './ssda903';

const at = (iso: string) => new Date(iso);
const episode = (over: Partial<Ssda903Episode>): Ssda903Episode => ({
  childId: 'C1',
  type: 'missing',
  startAt: at('2026-05-01T20:00:00Z'),
  endAt: at('2026-05-02T10:00:00Z'),
  lookedAfter: true,
  ...over,
});

describe('the SSDA903 missing table', () => {
  it('writes one row per episode begun in the year, M or A, dates as the return writes them', () => {
    expect(
      ssda903MissingRows(
        [
          episode({ childId: 'C2', type: 'away' }),
          episode({}),
          episode({ startAt: at('2026-04-10T08:00:00Z'), endAt: at('2026-04-10T18:00:00Z') }),
        ],
        2026,
      ),
    ).toEqual([
      ['C1', 'M', '10/04/2026', '10/04/2026'],
      ['C1', 'M', '01/05/2026', '02/05/2026'],
      ['C2', 'A', '01/05/2026', '02/05/2026'],
    ]);
  });

  it('uses the London date (summer time): 00:30 on 1 April and 23:30 on 31 March are both in the year', () => {
    const late = episode({ startAt: at('2027-03-31T22:30:00Z'), endAt: null });
    const early = episode({ startAt: at('2026-03-31T23:30:00Z'), endAt: at('2026-04-01T09:00:00Z') });
    expect(ssda903MissingRows([late, early], 2026)).toEqual([
      ['C1', 'M', '01/04/2026', '01/04/2026'],
      ['C1', 'M', '31/03/2027', ''],
    ]);
  });

  it('leaves the end blank when the child was not back by 31 March', () => {
    const spanning = episode({ startAt: at('2027-03-30T18:00:00Z'), endAt: at('2027-04-02T12:00:00Z') });
    expect(ssda903MissingRows([spanning], 2026)).toEqual([['C1', 'M', '30/03/2027', '']]);
  });

  it('leaves out episodes begun in another year, absent episodes, and children not looked after', () => {
    expect(
      ssda903MissingRows(
        [
          episode({ startAt: at('2026-03-20T18:00:00Z'), endAt: at('2026-04-03T12:00:00Z') }),
          episode({ type: 'absent' }),
          episode({ lookedAfter: false }),
        ],
        2026,
      ),
    ).toEqual([]);
  });
});
