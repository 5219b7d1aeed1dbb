import { describe, expect, it } from 'vitest';
import { type Field, readForm } from './form-kit';

const fields: Field[] = [
  { kind: 'datetime', name: 'startAt', label: 'When the child went missing', required: true },
  { kind: 'date', name: 'nextDate', label: 'Date of the next meeting', required: false },
  {
    kind: 'radios',
    name: 'type',
    label: 'Type',
    required: true,
    items: [{ value: 'missing', text: 'Missing' }],
  },
  { kind: 'text', name: 'reportedBy', label: 'Who reported it', required: true },
  {
    kind: 'checkboxes',
    name: 'circ',
    label: 'Circumstances',
    required: false,
    items: [{ value: 'abducted', text: 'A' }],
  },
];

describe('reading a missing form', () => {
  it('turns a London wall-clock time into an instant and a date into an ISO date', () => {
    const read = readForm(fields, {
      'startAt-day': '28',
      'startAt-month': '8',
      'startAt-year': '2026',
      'startAt-time': '19.30',
      'nextDate-day': '',
      type: 'missing',
      reportedBy: '  Carer ',
      circ: 'abducted',
    });
    expect(read.ok && read.data).toEqual({
      startAt: new Date('2026-08-28T18:30:00Z'),
      nextDate: null,
      type: 'missing',
      reportedBy: 'Carer',
      circ: ['abducted'],
    });
  });

  it('says what is wrong, field by field in the order of the form', () => {
    const read = readForm(fields, {
      'startAt-day': '28',
      'startAt-month': '8',
      'startAt-year': '2026',
      'startAt-time': '25:00',
      'nextDate-day': '31',
      'nextDate-month': '2',
      'nextDate-year': '2027',
      type: 'lost',
      reportedBy: 'x\u0007',
      circ: ['other'],
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.list.map((e) => [e.href, e.text])).toEqual([
      ['#startAt', 'Enter the time in 24-hour form, like 14:30'],
      ['#nextDate', 'Date of the next meeting must be a real date, like 27 3 2026'],
      ['#type', 'Select type'],
      ['#reportedBy', 'Remove the control characters'],
      ['#circ', 'Select circumstances from the list'],
    ]);
  });

  it('a required date and time left empty asks for it', () => {
    const read = readForm(fields.slice(0, 1), {});
    expect(!read.ok && read.errors.list[0]?.text).toBe('Enter when the child went missing');
  });
});
