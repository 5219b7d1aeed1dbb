import { describe, expect, it } from 'vitest';
import { roundSummaryHtml } from './embed';
import type { PublishableRoundSummary } from './reports';

const summary: PublishableRoundSummary = {
  kind: 'qa_round_summary',
  roundName: 'Autumn <round>',
  roundType: 'Internal',
  startDate: '2026-09-01',
  endDate: '2026-10-31',
  asAt: '2026-11-16T09:00:00.000Z',
  eligible: '40',
  audited: '[c]',
  grades: [
    { grade: 'Good', count: '[c]' },
    { grade: 'Requires improvement', count: '12' },
  ],
  gradedTotal: '15',
  goodOrBetterPercent: null,
  previous: { roundName: 'Spring round', goodOrBetterPercent: 60 },
  themes: [{ theme: 'Voice of the child', findings: '7' }],
  recommendations: [{ status: 'Open', count: '[c]' }],
};

describe('an audit round summary as a committee appendix', () => {
  it('shows the suppressed counts as they were frozen, every value escaped', () => {
    const html = roundSummaryHtml(summary);
    expect(html).toContain('Autumn &lt;round&gt; (Internal), 1 September 2026 to 31 October 2026');
    expect(html).toContain('Cases audited: [c].');
    expect(html).toContain(
      'not published (the figures are too small); in the previous round (Spring round): 60%.',
    );
    expect(html).toMatch(/>Good<\/th><td[^>]*>\[c\]<\/td>/);
    expect(html).toMatch(/>Voice of the child<\/th><td[^>]*>7<\/td>/);
    expect(html).toMatch(/>Open<\/th><td[^>]*>\[c\]<\/td>/);
  });
});
