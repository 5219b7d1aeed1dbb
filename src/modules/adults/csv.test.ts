import { describe, expect, it } from 'vitest';
import { checkConcern } from './concern';
import { parseConcernCsv } from './csv';

const TODAY = '2026-11-16';
const HEADER =
  'Concern ID,Person ID,Date concern received,Source of concern,Section 42 decision,Date of decision,Enquiry type,Date enquiry started,Date enquiry concluded,Type of abuse,Location of abuse,Source of risk,Asked about outcomes,Outcomes achieved,Risk outcome';

describe('the SAC-style concerns CSV', () => {
  it('reads SAC wording, UK dates and several types of abuse', () => {
    const parsed = parseConcernCsv(
      [
        HEADER,
        'C-1,P-1,01/07/2026,Police,Yes,3/7/2026,Section 42,2026-07-04,2026-08-30,Neglect and acts of omission; Financial or Material Abuse,Care Home - Residential,Service Provider,"Yes, they were asked and outcomes were expressed",Partially achieved,Risk reduced',
        'C-2,P-2,2026-08-01,Self-referral,No,2026-08-02,,,,,,,,,',
      ].join('\n'),
      TODAY,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows[0]).toMatchObject({
      reference: 'C-1',
      receivedOn: '2026-07-01',
      source: 'police',
      s42Decision: 'yes',
      decisionOn: '2026-07-03',
      enquiryType: 's42',
      abuseTypes: ['neglect', 'financial'],
      location: 'care-home-residential',
      riskSource: 'service-provider',
      outcomesAsked: 'expressed',
      outcomesAchieved: 'partly',
      riskOutcome: 'reduced',
    });
    expect(parsed.rows[1]).toMatchObject({
      source: 'self',
      s42Decision: 'no',
      enquiryType: null,
      abuseTypes: [],
    });
    expect(parsed.notices).toEqual([]);
  });

  it('reports every problem by row and column, and keeps none of the file', () => {
    const parsed = parseConcernCsv(
      [
        HEADER,
        'C-1,P-1,31/02/2026,Police,,,,,,,,,,,',
        ',P-2,2026-08-01,Carrier pigeon,,,,,,Neglect; Gossip,,,,,',
        'C-3,P-3,2026-08-01,Police,No,2026-08-02,Section 42,2026-08-03,2026-08-01,,,,,,',
        'C-3,P-4,2026-08-01,Police,,,,,,,,,,,',
      ].join('\n'),
      TODAY,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      {
        row: 2,
        column: 'Date concern received',
        reason: '"31/02/2026" is not a date: write it as 2026-07-31 or 31/07/2026',
      },
      { row: 3, column: 'Concern ID', reason: 'Enter the concern id' },
      {
        row: 3,
        column: 'Source of concern',
        reason: expect.stringContaining('"Carrier pigeon" is not one of: Social care staff'),
      },
      { row: 3, column: 'Type of abuse', reason: expect.stringContaining('"Gossip" is not one of') },
      {
        row: 4,
        column: 'Enquiry type',
        reason: expect.stringContaining('A section 42 enquiry needs a section 42 decision of yes'),
      },
      {
        row: 4,
        column: 'Date enquiry concluded',
        reason: 'The date the enquiry concluded must be on or after the date it started',
      },
      { row: 5, column: 'Concern ID', reason: 'The concern ID C-3 is also on row 4: each concern once' },
    ]);
  });

  it('says which required columns are missing', () => {
    const parsed = parseConcernCsv('Concern ID,Date concern received\nC-1,2026-07-01', TODAY);
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { row: 1, column: '', reason: expect.stringContaining('missing: Person ID, Source of concern') },
      ],
    });
  });

  it('keeps unusual rows with a notice, and names the columns it does not read', () => {
    const parsed = parseConcernCsv(
      `${HEADER},Ethnicity\nC-1,P-1,2026-07-01,Police,Yes,2026-07-02,Other,2026-07-03,2026-07-20,,,,,,,White British`,
      TODAY,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.notices).toEqual([
      { row: 1, message: 'Columns not read: Ethnicity' },
      {
        row: 2,
        message: 'The section 42 decision is yes but the enquiry is recorded as another safeguarding enquiry',
      },
    ]);
  });
});

describe('a concern holding together', () => {
  it('refuses future dates and outcomes achieved without outcomes expressed', () => {
    const { errors } = checkConcern(
      {
        reference: 'C',
        personRef: 'P',
        receivedOn: '2026-12-01',
        source: 'police',
        s42Decision: 'yes',
        decisionOn: null,
        enquiryType: null,
        enquiryStartedOn: null,
        enquiryConcludedOn: null,
        abuseTypes: [],
        location: null,
        riskSource: null,
        outcomesAsked: 'not-asked',
        outcomesAchieved: 'fully',
        riskOutcome: null,
      },
      TODAY,
    );
    expect(errors).toEqual({
      receivedOn: 'The date the concern was received must be today or in the past',
      decisionOn: 'Enter the date of the section 42 decision',
      outcomesAchieved: expect.stringContaining('only when the adult was asked and expressed outcomes'),
    });
  });
});
