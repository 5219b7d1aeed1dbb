import { describe, expect, it } from 'vitest';
import { quarterStarting } from '../../platform/calendar/quarters';
import { indicatorReportHtml } from './embed';
import { publishable, type ReportSnapshot } from './report';

const snapshot: ReportSnapshot = {
  quarter: quarterStarting('2026-07-01'),
  quarterLabels: ['2025-26 Q2', '2025-26 Q3', '2025-26 Q4', '2026-27 Q1', '2026-27 Q2'],
  overall: 'A steady quarter <b>at</b> the front door.',
  rows: [
    {
      code: 'REF-01',
      title: 'Referrals',
      unit: 'count',
      target: '',
      rag: 'green',
      direction: null,
      benchmark: null,
      quarters: [40, 3, 0, 52, 61].map((value) => ({ value, numerator: null, count: null })),
      yearToDate: { value: 113, numerator: null, count: null },
      commentary: 'Up on last year.',
    },
  ],
  signedBy: 'A. Leader',
  signedAt: '2026-10-20T10:00:00.000Z',
};

describe('the indicator report as a committee appendix', () => {
  it('shows every figure as a published paper may, small numbers suppressed, every value escaped', () => {
    const html = indicatorReportHtml(publishable(snapshot));
    expect(html).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--s">Indicators, 2026-27 Q2',
    );
    expect(html).toMatch(
      />Referrals<\/th><td[^>]*><\/td><td[^>]*>40<\/td><td[^>]*>\[c\]<\/td><td[^>]*>0<\/td>/,
    );
    expect(html).not.toContain('>3<');
    expect(html).toContain('A steady quarter &lt;b&gt;at&lt;/b&gt; the front door.');
    expect(html).toContain('Up on last year.');
    expect(html).toContain('[c]: a count from 1 to 5');
  });
});
