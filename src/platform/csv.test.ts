import { describe, expect, it } from 'vitest';
import { safeCsv } from './csv';

describe('safeCsv', () => {
  it('neutralises every cell a spreadsheet would run as a formula, header first', () => {
    const csv = safeCsv(
      ['Child', 'Days'],
      [
        ['=HYPERLINK("http://x")', 3],
        ['Kit Mallory', null],
      ],
    );
    expect(csv.split('\r\n')).toEqual(['Child,Days', `"'=HYPERLINK(""http://x"")",3`, 'Kit Mallory,', '']);
  });
});
