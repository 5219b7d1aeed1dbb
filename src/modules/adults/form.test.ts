import { describe, expect, it } from 'vitest';
import { dateFields } from '../../../test/helpers/forms';
import { formValues, ordered, readConcernForm } from './form';
import { listRow, summaryRows } from './view-models';

const body = {
  reference: ' C-9 ',
  personRef: 'AD9',
  ...dateFields('receivedOn', '2026-07-01'),
  source: 'health',
  s42Decision: '',
  abuseTypes: 'neglect',
};

describe('the concern form', () => {
  it('reads blanks as not recorded, one checkbox as a list, and dates from their parts', () => {
    const read = readConcernForm(body);
    expect(read).toEqual({
      ok: true,
      concern: expect.objectContaining({
        reference: 'C-9',
        receivedOn: '2026-07-01',
        s42Decision: null,
        decisionOn: null,
        abuseTypes: ['neglect'],
        riskOutcome: null,
      }),
    });
  });

  it('says what is wrong per field, in the order of the page', () => {
    const read = readConcernForm({
      ...body,
      reference: '',
      'enquiryStartedOn-day': '3',
      riskOutcome: 'vanished',
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(ordered(read.errors)).toEqual({
      reference: 'Enter the concern ID',
      enquiryStartedOn: 'The date the enquiry started must include a month and year',
      riskOutcome: 'Select the risk outcome from the list',
    });
    expect(formValues({ ...body, abuseTypes: 'neglect' })).toMatchObject({
      abuseTypes: ['neglect'],
      receivedOn: { day: '1', month: '7', year: '2026' },
    });
  });

  it('shows a stored concern in words', () => {
    const read = readConcernForm(body);
    if (!read.ok) throw new Error('unreadable');
    const stored = {
      ...read.concern,
      id: 'x',
      organisationId: 'o',
      createdBy: null,
      createdAt: new Date(),
      updatedBy: null,
      updatedAt: new Date(),
    };
    expect(listRow(stored)).toMatchObject({
      received: '1 July 2026',
      decision: 'Not decided',
      enquiry: 'No enquiry',
    });
    expect(summaryRows(stored).find((r) => r.key.text === 'Type of abuse')?.value.text).toBe(
      'Neglect and acts of omission',
    );
  });
});
