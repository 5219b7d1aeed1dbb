import { describe, expect, it } from 'vitest';
import { checkPublicTexts } from './disclosure';
import { buildMinutes, discussionsByNumber, publicMinutesTexts, resolved } from './minutes';

const items = [
  { id: 'a', position: 1, title: 'Apologies', part: 1, paragraphs: [], standard: 'apologies' },
  {
    id: 'e',
    position: 2,
    title: 'Election of Chairman',
    part: 1,
    paragraphs: [],
    standard: 'election-chairman',
  },
  { id: 'r', position: 3, title: 'Performance report', part: 1, paragraphs: [], standard: null },
  { id: 'x', position: 4, title: 'Exclusion of the public', part: 1, paragraphs: [], standard: 'exclusion' },
  { id: 'p', position: 5, title: 'Practice review', part: 2, paragraphs: [1, 2], standard: null },
];

const input = {
  committeeName: 'Safeguarding Sub-Committee',
  meeting: {
    date: '2026-09-10',
    startTime: '14:00',
    venue: 'Committee Room 2',
    attendance: {
      members: [
        { userId: 'u1', name: 'Cllr Ada Brook', status: 'present' as const },
        { userId: 'u2', name: 'Cllr Ben Crane', status: 'apologies' as const },
      ],
      officers: [{ name: 'Dana Ellis', department: 'Children’s Services' }],
    },
  },
  roles: new Map([['u1', 'chairman']]),
  items,
  content: {
    endedAt: '15:40',
    items: [
      {
        itemId: 'r',
        discussion: 'Members asked about visits.\n\n| Team | Late visits |\n|---|---|\n| North | 3 |',
        resolutions: ['That the report be noted', 'RESOLVED – that officers report again in March.'],
        questions: [
          {
            askedBy: 'Cllr Ada Brook',
            question: 'How many visits were late?',
            answer: 'Three, now done.',
            answeredBy: 'Head of Service',
            afterMeeting: false,
          },
          {
            askedBy: 'Cllr Ben Crane',
            question: 'When will the team be full?',
            answer: 'In October.',
            answeredBy: 'Director',
            afterMeeting: true,
          },
        ],
        actions: [
          {
            description: 'Report on late visits',
            officer: 'Head of Service',
            dueDate: '2026-12-01',
            reference: '4',
            planActionId: 'x1',
          },
        ],
      },
      {
        itemId: 'p',
        discussion: 'The panel’s findings were discussed.',
        resolutions: ['the update be noted'],
        actions: [],
        questions: [
          {
            askedBy: 'Cllr Ada Brook',
            question: 'Who sat on the panel?',
            answer: null,
            answeredBy: null,
            afterMeeting: false,
          },
        ],
      },
    ],
  },
  elections: new Map([['e', 'Cllr Ada Brook was elected Chairman from 10 September 2026.']]),
};

describe('minutes', () => {
  it('writes each resolution as RESOLVED – That ..., once, with a full stop', () => {
    expect(resolved('That the report be noted')).toBe('RESOLVED – That the report be noted.');
    expect(resolved('RESOLVED – that officers report again.')).toBe('RESOLVED – That officers report again.');
    expect(resolved('the update be noted')).toBe('RESOLVED – That the update be noted.');
  });

  it('numbers resolutions by item and names the chairman among those present', () => {
    const { publicMinutes } = buildMinutes(input);
    expect(publicMinutes.present).toEqual(['Cllr Ada Brook (Chairman)']);
    expect(publicMinutes.apologies).toEqual(['Cllr Ben Crane']);
    expect(publicMinutes.officers).toEqual(['Dana Ellis, Children’s Services']);
    const report = publicMinutes.items.find((i) => i.number === 3)!;
    expect(report.resolutions).toEqual([
      { number: '3.1', text: 'RESOLVED – That the report be noted.' },
      { number: '3.2', text: 'RESOLVED – That officers report again in March.' },
    ]);
    expect(report.actions[0]).toMatchObject({ reference: '4', officer: 'Head of Service' });
    expect(report.questions.map((q) => [q.number, q.askedBy, q.afterMeeting])).toEqual([
      ['Q1', 'Cllr Ada Brook', false],
      ['Q2', 'Cllr Ben Crane', true],
    ]);
    expect(publicMinutes.items[1]!.election).toContain('elected Chairman');
    expect(publicMinutes.exclusion?.rows).toEqual([
      { item: 5, title: 'Practice review', paragraphs: '1 and 2' },
    ]);
    expect(publicMinutes.endedAt).toBe('15:40');
  });

  it('keeps Part 2 minutes out of the public minutes and in the non-public summary only', () => {
    const { publicMinutes, nonPublicMinutes } = buildMinutes(input);
    const privateItem = publicMinutes.items.find((i) => i.number === 5)!;
    expect(privateItem).toMatchObject({
      withheld: true,
      discussionHtml: null,
      resolutions: [],
      questions: [],
    });
    expect(JSON.stringify(publicMinutes)).not.toContain('Who sat on the panel?');
    expect(nonPublicMinutes.items[0]!.questions[0]).toMatchObject({ number: 'Q1', answer: null });
    expect(JSON.stringify(publicMinutes)).not.toContain('panel’s findings');
    expect(nonPublicMinutes.items.map((i) => i.number)).toEqual([5]);
    expect(nonPublicMinutes.items[0]!.discussionHtml).toContain('panel’s findings');
    expect(nonPublicMinutes.items[0]!.resolutions[0]!.number).toBe('5.1');
  });

  it('gives disclosure control every public text, tables included, and nothing of Part 2', () => {
    const { publicMinutes } = buildMinutes(input);
    const texts = publicMinutesTexts(publicMinutes, discussionsByNumber(input));
    expect(texts.map((t) => t.where)).toContain('Minutes, item 3, discussion');
    expect(texts.find((t) => t.where === 'Minutes, item 3, question Q2')?.text).toContain('In October.');
    expect(texts.some((t) => t.text.includes('panel’s findings'))).toBe(false);
    const findings = checkPublicTexts(texts, [
      { forename: 'Dana', surname: 'Ellis', dateOfBirth: null, identifiers: [] },
    ]);
    expect(findings.map((f) => [f.kind, f.where])).toEqual([
      ['name', 'Minutes, attendance'],
      ['small_number', 'Minutes, item 3, discussion, table 1 row 1 column 2'],
    ]);
  });
});
