import { describe, expect, it } from 'vitest';
import type { Pack } from './pack';
import { estimated, sameContent } from './pack-numbering';

const pack = (title: string, pages: { from: number; to: number }): Pack => ({
  committeeName: 'Safeguarding Sub-Committee',
  date: '2027-03-02',
  startTime: '14:00',
  venue: null,
  virtualLink: null,
  exclusion: null,
  items: [
    {
      number: 1,
      title,
      part: 1,
      paragraphs: '',
      purpose: null,
      fromOfficer: null,
      standard: null,
      report: null,
      pages,
    },
  ],
  pageCount: pages.to,
});

describe('numbering packs at publication', () => {
  it('sees the same content whatever the page numbers, and a changed title as a change', () => {
    const a = {
      publicPack: pack('Performance', { from: 3, to: 3 }),
      nonPublicPack: pack('Review', { from: 2, to: 2 }),
    };
    const renumbered = {
      publicPack: { ...pack('Performance', { from: 3, to: 9 }), pageNumbers: 'printed' as const },
      nonPublicPack: pack('Review', { from: 2, to: 5 }),
    };
    expect(sameContent(a, renumbered)).toBe(true);
    expect(sameContent(a, { ...a, publicPack: pack('Performance, revised', { from: 3, to: 3 }) })).toBe(
      false,
    );
  });

  it('marks both packs estimated', () => {
    const marked = estimated({
      publicPack: pack('A', { from: 3, to: 3 }),
      nonPublicPack: pack('B', { from: 2, to: 2 }),
    });
    expect([marked.publicPack.pageNumbers, marked.nonPublicPack.pageNumbers]).toEqual([
      'estimated',
      'estimated',
    ]);
  });
});
