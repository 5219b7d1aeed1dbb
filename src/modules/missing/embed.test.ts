import { describe, expect, it } from 'vitest';
import { keyDataComponent, keyDataHtml } from './embed';
import { keyDataTable } from './key-data-table';

describe('the missing key data table as a committee appendix', () => {
  it('shows the public table of a financial year with its notes', () => {
    const table = { ...keyDataTable([], 2026, 'public', '2026-11-16'), breakdowns: [] };
    const html = keyDataHtml(table);
    expect(html).toContain('Missing children: key data, 2026-27, as at 16 November 2026');
    expect(html).toContain('are shown as [c] so that no child can be identified');
    expect(html).toMatch(/<th scope="row" class="govuk-table__header">[^<]+<\/th>(<td[^>]*>0<\/td>){4}/);
  });

  it('includes children missing education, suppressed like the other rows', () => {
    const cme = [...Array(7).keys()].map((i) => ({
      personId: `p${i}`,
      reportedOn: '2026-05-01',
      closedOn: i < 3 ? '2026-08-01' : '2026-06-01',
    }));
    const html = keyDataHtml({ ...keyDataTable([], 2026, 'public', '2026-11-16', cme), breakdowns: [] });
    expect(html).toMatch(
      /<th scope="row" class="govuk-table__header">Children missing education<\/th><td[^>]*>7<\/td><td[^>]*>\[c\]<\/td><td[^>]*>0<\/td><td[^>]*>0<\/td>/,
    );
    expect(html).toContain('Children missing education: each child with a case');
  });

  it('offers this financial year and the two before it, by the injected clock', async () => {
    const choices = await keyDataComponent.choices(
      undefined as never,
      undefined as never,
      new Date('2027-02-10T12:00:00Z'),
    );
    expect(choices.map((c) => c.ref)).toEqual(['2026', '2025', '2024']);
    const april = await keyDataComponent.choices(
      undefined as never,
      undefined as never,
      new Date('2027-04-01T12:00:00Z'),
    );
    expect(april[0]!.ref).toBe('2027');
  });
});
