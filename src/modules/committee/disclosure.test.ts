import { describe, expect, it } from 'vitest';
import { checkPublicTexts, datesOf, type RegisterPerson, registerQuery } from './disclosure';

const child: RegisterPerson = {
  forename: 'Ellie-Mae',
  surname: 'Okafor',
  dateOfBirth: '2014-03-07',
  identifiers: ['SSD-4471', '9434765919'],
};
const text = (t: string, markup = true) => [{ where: 'Item 4, Summary', text: t, markup }];

describe('disclosure control of public text', () => {
  it('finds a child’s name, whatever its case', () => {
    const f = checkPublicTexts(text('We met ELLIE-MAE OKAFOR and her carers.'), [child]);
    expect(f).toEqual([
      expect.objectContaining({
        kind: 'name',
        matched: 'ELLIE-MAE OKAFOR',
        where: 'Item 4, Summary',
        overridable: true,
      }),
    ]);
  });

  it('flags close matches: initial and surname, surname first', () => {
    expect(checkPublicTexts(text('E. Okafor attended.'), [child])[0]).toMatchObject({ kind: 'close_name' });
    expect(checkPublicTexts(text('Okafor, Ellie-Mae attended.'), [child])[0]).toMatchObject({
      kind: 'close_name',
    });
    expect(checkPublicTexts(text('Okafor Street is closed.'), [child])).toEqual([]);
  });

  it('finds identifiers (never overridable) and dates of birth in any common form', () => {
    const f = checkPublicTexts(text('Case ssd-4471, born 7th March 2014 (07/03/2014).'), [child]);
    expect(f.map((x) => [x.kind, x.matched, x.overridable])).toEqual([
      ['identifier', 'SSD-4471', false],
      ['date_of_birth', '7th March 2014', true],
      ['date_of_birth', '07/03/2014', true],
    ]);
  });

  it('finds an unsuppressed small number in a public table and says which cell', () => {
    const f = checkPublicTexts(text('| Team | Children |\n|---|---|\n| North | 3 |\n| South | 40 |'), []);
    expect(f).toEqual([
      expect.objectContaining({
        kind: 'small_number',
        matched: '3',
        where: 'Item 4, Summary, table 1 row 1 column 2',
      }),
    ]);
    expect(checkPublicTexts(text('| North | [c] |\n| South | 0 |'), [])).toEqual([]);
    // Component text is suppressed by its module; its numbers are not checked as table cells here.
    expect(checkPublicTexts(text('| North | 3 |', false), [])).toEqual([]);
  });

  it('asks the register about the words, tokens and dates', () => {
    const q = registerQuery(text('Ellie Okafor SSD-4471 on 2014-03-07'));
    expect(q.words).toContain('okafor');
    expect(q.tokens).toContain('4471');
    expect(q.dates).toEqual(['2014-03-07']);
    expect(datesOf('31 February 2020')).toEqual([{ iso: '2020-02-31', written: '31 February 2020' }]);
  });
});
