import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../demo/random';
import { assignAuditors, drawSample, rankOf, type SamplingCase } from './sampling';

const label = (level: string) => level.replace('_', ' ');
const LEVELS = ['looked_after', 'child_protection', 'child_in_need'];
const TEAMS = ['North', 'South', null];

function cases(n: number, seed = 1, prefix = 'p'): SamplingCase[] {
  const r = new SeededRandom(seed);
  return Array.from({ length: n }, (_, i) => ({
    personId: `${prefix}${String(i).padStart(4, '0')}`,
    serviceLevel: r.pick(LEVELS),
    teamName: r.pick(TEAMS),
    workerUserId: null,
  }));
}

describe('half-year rounds', () => {
  it('take half of the open cases, and half of each service level and team give or take one', () => {
    const open = cases(83);
    const first = drawSample(open, { rule: 'half_year_first', seed: 'spring' }, label);
    expect(first.eligible).toBe(83);
    expect([41, 42]).toContain(first.sample.length);
    expect(first.sample.length + first.excluded.length).toBe(83);
    const groups = new Map<string, { all: number; taken: number }>();
    for (const c of open) {
      const key = `${c.serviceLevel}|${c.teamName}`;
      const g = groups.get(key) ?? { all: 0, taken: 0 };
      g.all += 1;
      if (first.sample.some((s) => s.personId === c.personId)) g.taken += 1;
      groups.set(key, g);
    }
    for (const g of groups.values()) expect(Math.abs(g.all - 2 * g.taken)).toBeLessThanOrEqual(1);
    expect(first.sample[0]!.reason).toMatch(
      /^First of two half-year rounds: drawn by lot from .+ \(\d+ of \d+ in this group\)$/,
    );
    expect(first.excluded[0]!.reason).toMatch(/^Left for the second half-year round/);
  });

  it('are the same for the same seed and differ for another', () => {
    const open = cases(60);
    const a = drawSample(open, { rule: 'half_year_first', seed: 'r1' }, label);
    const b = drawSample([...open].reverse(), { rule: 'half_year_first', seed: 'r1' }, label);
    const c = drawSample(open, { rule: 'half_year_first', seed: 'r2' }, label);
    expect(b.sample.map((s) => s.personId)).toEqual(a.sample.map((s) => s.personId));
    expect(c.sample.map((s) => s.personId)).not.toEqual(a.sample.map((s) => s.personId));
  });

  it('audit every case open at both rounds exactly once, and include the cases opened since', () => {
    for (const seed of [3, 7, 11]) {
      const atFirst = cases(70, seed);
      const first = drawSample(atFirst, { rule: 'half_year_first', seed: `s${seed}` }, label);
      // Some cases close between the rounds and new ones open.
      const stillOpen = atFirst.filter((_, i) => i % 5 !== 0);
      const opened = cases(12, seed + 100, 'new');
      const second = drawSample(
        [...stillOpen, ...opened],
        {
          rule: 'half_year_second',
          previousRoundName: 'Spring audit',
          previouslySampled: new Set(first.sample.map((s) => s.personId)),
          previouslyOpen: new Set(atFirst.map((c) => c.personId)),
        },
        label,
      );
      for (const c of stillOpen) {
        const times =
          Number(first.sample.some((s) => s.personId === c.personId)) +
          Number(second.sample.some((s) => s.personId === c.personId));
        expect(times, c.personId).toBe(1);
      }
      for (const c of opened) {
        const s = second.sample.find((x) => x.personId === c.personId);
        expect(s?.reason).toBe('Second of two half-year rounds: opened since Spring audit');
      }
      expect(second.excluded.every((e) => e.reason === 'Audited in Spring audit')).toBe(true);
    }
  });
});

describe('thematic and chosen rounds', () => {
  it('take every case meeting the criteria and say why the others are out', () => {
    const open = cases(40);
    const s = drawSample(
      open,
      { rule: 'criteria', serviceLevels: ['child_protection'], teamNames: [] },
      label,
    );
    expect(s.sample.length).toBe(open.filter((c) => c.serviceLevel === 'child_protection').length);
    expect(s.sample.every((c) => c.reason === "Meets the round's criteria: child protection")).toBe(true);
    expect(s.excluded.every((e) => e.reason.startsWith('Service level is'))).toBe(true);
  });

  it('take only the cases with a contact or referral in the dates, with both criteria when levels are chosen too', () => {
    const open = cases(12);
    const inRange = new Map([
      ['p0001', { contactDate: null, referralDate: '2026-03-04' }],
      ['p0004', { contactDate: '2026-02-01', referralDate: '2026-02-03' }],
      ['p0007', { contactDate: '2026-05-31', referralDate: null }],
    ]);
    const dates = { from: '2026-01-01', to: '2026-05-31', inRange, format: (d: string) => `[${d}]` };
    const s = drawSample(open, { rule: 'criteria', serviceLevels: [], teamNames: [], dates }, label);
    expect(s.sample.map((c) => c.personId).sort()).toEqual(['p0001', 'p0004', 'p0007']);
    const reasons = new Map(s.sample.map((c) => [c.personId, c.reason]));
    expect(reasons.get('p0001')).toBe("Meets the round's criteria: referred on [2026-03-04]");
    expect(reasons.get('p0004')).toBe(
      "Meets the round's criteria: referred on [2026-02-03] and contact on [2026-02-01]",
    );
    expect(reasons.get('p0007')).toBe("Meets the round's criteria: contact on [2026-05-31]");
    expect(s.excluded).toHaveLength(9);
    expect(new Set(s.excluded.map((e) => e.reason))).toEqual(
      new Set(['No contact or referral between [2026-01-01] and [2026-05-31]']),
    );

    // With a service level too, a case must meet both.
    const level = open.find((c) => c.personId === 'p0004')!.serviceLevel;
    const both = drawSample(open, { rule: 'criteria', serviceLevels: [level], teamNames: [], dates }, label);
    expect(both.sample.every((c) => c.serviceLevel === level && inRange.has(c.personId))).toBe(true);
    expect(both.sample.map((c) => c.personId)).toContain('p0004');
    expect(both.sample[0]!.reason).toMatch(new RegExp(`^Meets the round's criteria: ${label(level)}, `));
  });

  it('take the chosen cases only', () => {
    const open = cases(10);
    const s = drawSample(open, { rule: 'chosen', personIds: ['p0002', 'p0005'] }, label);
    expect(s.sample.map((c) => c.personId).sort()).toEqual(['p0002', 'p0005']);
    expect(s.excluded).toHaveLength(8);
  });
});

describe('auditors and ranks', () => {
  it('share the sample among auditors in turn', () => {
    const s = drawSample(cases(5), { rule: 'chosen', personIds: ['p0000', 'p0001', 'p0002'] }, label);
    expect(assignAuditors(s.sample, ['a', 'b']).map((c) => c.auditorId)).toEqual(['a', 'b', 'a']);
    expect(assignAuditors(s.sample, []).every((c) => c.auditorId === null)).toBe(true);
  });

  it('rank a case the same way every time', () => {
    expect(rankOf('seed', 'x')).toBe(rankOf('seed', 'x'));
    expect(rankOf('seed', 'x')).not.toBe(rankOf('seed', 'y'));
  });
});
