import { describe, expect, it } from 'vitest';
import {
  agendaProblems,
  exclusionMotion,
  type OrderedItem,
  paragraphList,
  reportPosition,
  STANDARD_ITEMS,
} from './agenda';

const standard = (): OrderedItem[] =>
  STANDARD_ITEMS.map((s, i) => ({
    id: s.standard,
    part: s.part,
    position: i + 1,
    title: s.title,
    paragraphs: s.paragraphs,
    standard: s.standard,
  }));

describe('the exclusion motion', () => {
  it('lists every non-public item by its number with its paragraphs', () => {
    const items = standard();
    items.push({
      id: 'r',
      part: 2,
      position: 9,
      title: 'Child death review',
      paragraphs: [2, 1],
      standard: null,
    });
    items.sort((a, b) => a.position - b.position);
    const motion = exclusionMotion(items)!;
    // Standard items fill 1-10; the report sits at position 9, tied with an item: numbering follows position order.
    expect(motion.rows.map((r) => r.paragraphs)).toEqual(['1 and 2', '1 and 2', '1 and 2', '1 and 2']);
    expect(motion.text).toContain('Section 100A(4) of the Local Government Act 1972');
    expect(motion.text).toContain('items 8, 9, 10 and 11');
    expect(motion.rows.map((r) => r.item)).toEqual([8, 9, 10, 11]);
  });

  it('is absent when every item is public', () => {
    expect(
      exclusionMotion([
        { id: 'a', part: 1, position: 1, title: 'Apologies', paragraphs: [], standard: 'apologies' },
      ]),
    ).toBeNull();
  });

  it('names one item in the singular', () => {
    const m = exclusionMotion([
      { id: 'a', part: 2, position: 4, title: 'X', paragraphs: [7], standard: null },
    ])!;
    expect(m.text).toContain('for item 1 on the grounds');
    expect(m.rows).toEqual([{ item: 1, title: 'X', paragraphs: '7' }]);
  });
});

describe('agenda order and problems', () => {
  it('places a public report before questions and a non-public report after the non-public minutes', () => {
    const items = standard();
    expect(reportPosition(items, 1)).toBe(5); // questions was at 5
    expect(reportPosition(items, 2)).toBe(9); // questions-private at 9
  });

  it('places reports at the end of an agenda without standard items', () => {
    expect(reportPosition([], 1)).toBe(1);
    expect(
      reportPosition([{ id: 'a', part: 1, position: 3, title: 'A', paragraphs: [], standard: null }], 2),
    ).toBe(4);
  });

  it('blocks a non-public report without a paragraph and a Part 2 without an exclusion', () => {
    const problems = agendaProblems([
      { id: 'a', part: 2, position: 1, title: 'Secret', paragraphs: [], standard: null },
    ]);
    expect(problems).toEqual([
      'Item 1 "Secret" is non-public but names no Schedule 12A paragraph',
      'The agenda has non-public items but no exclusion of the public',
    ]);
    expect(agendaProblems(standard())).toEqual([]);
  });

  it('writes paragraph lists as people do', () => {
    expect(paragraphList([])).toBe('');
    expect(paragraphList([3])).toBe('3');
    expect(paragraphList([7, 1, 2, 1])).toBe('1, 2 and 7');
  });
});
