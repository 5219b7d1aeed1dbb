import { describe, expect, it } from 'vitest';
import { buildPacks } from './pack';
import { matchPapers, searchWords } from './public-search';
import type { ReportBody } from './schema';

const body = (summary: string): ReportBody => ({
  summary,
  recommendations: 'Members are asked to note the report.',
  mainReport: 'Main.',
  implications: null,
  conclusion: null,
  backgroundPapers: null,
});
const cover = (subject: string) => ({
  subject,
  corporateOutcomes: null,
  spending: null,
  reportOf: 'Director',
  author: 'A. Author',
  authorContact: null,
});
const item = (id: string, position: number, title: string, part = 1, standard: string | null = null) => ({
  id,
  position,
  title,
  part,
  paragraphs: part === 2 ? [3] : [],
  purpose: null,
  fromOfficer: null,
  standard,
});

function pack(summary: string) {
  return buildPacks({
    committeeName: 'Safeguarding Sub-Committee',
    meeting: { date: '2027-03-10', startTime: '14:00', venue: null, virtualLink: null },
    items: [
      item('a', 1, 'Apologies for absence', 1, 'apologies'),
      item('r1', 2, 'Missing children annual report'),
      item('x', 3, 'Exclusion', 1, 'exclusion'),
      item('r2', 4, 'Missing children placement review', 2),
    ],
    reports: new Map([
      ['r1', { cover: cover('Missing children annual report'), body: body(summary) }],
      ['r2', { cover: cover('Review'), body: body('Return interviews') }],
    ]),
    appendices: new Map(),
  }).publicPack;
}

describe('searching published papers', () => {
  const packs = [
    {
      meetingId: 'm2',
      date: '2027-03-10',
      committeeName: 'Safeguarding',
      publicPack: pack('Return home interviews within 72 hours rose.'),
    },
    {
      meetingId: 'm1',
      date: '2026-12-10',
      committeeName: 'Safeguarding',
      publicPack: pack('Episodes fell.'),
    },
  ];

  it('finds the public papers holding every word, in titles and text, with the words around the match', () => {
    const hits = matchPapers(packs, searchWords('Return INTERVIEWS'));
    expect(hits.map((h) => [h.meetingId, h.itemNumber, h.title])).toEqual([
      ['m2', 2, 'Missing children annual report'],
    ]);
    expect(hits[0]!.snippet).toContain('Return home interviews within 72 hours');
    expect(matchPapers(packs, searchWords('missing children')).map((h) => h.meetingId)).toEqual(['m2', 'm1']);
  });

  it('never finds a Part 2 item or a procedural item, even by its title on the public agenda', () => {
    expect(matchPapers(packs, searchWords('placement review'))).toEqual([]);
    expect(matchPapers(packs, searchWords('apologies'))).toEqual([]);
  });

  it('takes at most ten words, lower-cased, without punctuation', () => {
    expect(searchWords('Missing, "children"!  missing')).toEqual(['missing', 'children']);
    expect(searchWords('a b c d e f g h i j k l')).toHaveLength(10);
  });
});
