/**
 * Agenda rules, pure: the standard items a clerk starts from, the order of
 * items (Part 1 before Part 2), and the exclusion motion generated from the
 * non-public items with their Schedule 12A paragraphs.
 */
import type { Purpose } from './vocab';

export interface StandardItem {
  standard: string;
  title: string;
  part: 1 | 2;
  /** Schedule 12A paragraphs of a Part 2 standard item (the clerk may change them). */
  paragraphs: number[];
  purpose: Purpose | null;
}

/**
 * The standard items, in the order they stand on an agenda. Reports go
 * between "outstanding" and "questions" (Part 1) or after "minutes-private"
 * (Part 2).
 */
export const STANDARD_ITEMS: readonly StandardItem[] = [
  { standard: 'apologies', title: 'Apologies', part: 1, paragraphs: [], purpose: null },
  {
    standard: 'declarations',
    title: "Members' declarations of interest",
    part: 1,
    paragraphs: [],
    purpose: null,
  },
  {
    standard: 'minutes',
    title: 'Minutes of the previous meeting',
    part: 1,
    paragraphs: [],
    purpose: 'decision',
  },
  { standard: 'outstanding', title: 'Outstanding actions', part: 1, paragraphs: [], purpose: 'information' },
  {
    standard: 'questions',
    title: 'Questions on matters relating to the work of the committee',
    part: 1,
    paragraphs: [],
    purpose: null,
  },
  {
    standard: 'urgent',
    title: 'Any other business that the chairman considers urgent',
    part: 1,
    paragraphs: [],
    purpose: null,
  },
  { standard: 'exclusion', title: 'Exclusion of the public', part: 1, paragraphs: [], purpose: 'decision' },
  {
    standard: 'minutes-private',
    title: 'Non-public minutes of the previous meeting',
    part: 2,
    paragraphs: [1, 2],
    purpose: 'decision',
  },
  {
    standard: 'questions-private',
    title: 'Non-public questions on matters relating to the work of the committee',
    part: 2,
    paragraphs: [1, 2],
    purpose: null,
  },
  {
    standard: 'urgent-private',
    title: 'Non-public any other business that the chairman considers urgent',
    part: 2,
    paragraphs: [1, 2],
    purpose: null,
  },
];

export interface OrderedItem {
  id: string;
  part: number;
  position: number;
  title: string;
  paragraphs: readonly number[];
  standard: string | null;
}

/**
 * Where a new report goes: a Part 1 report after the last Part 1 report or
 * "outstanding actions" and before "questions"; a Part 2 report after the
 * last Part 2 item that is not questions or urgent business. Returns the
 * position to insert at (items at or after it move down one).
 */
export function reportPosition(items: readonly OrderedItem[], part: 1 | 2): number {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  const tail = part === 1 ? ['questions', 'urgent', 'exclusion'] : ['questions-private', 'urgent-private'];
  const firstTail = sorted.find(
    (i) =>
      (i.part === part && i.standard !== null && tail.includes(i.standard)) || (part === 1 && i.part === 2),
  );
  if (firstTail) return firstTail.position;
  return (sorted.at(-1)?.position ?? 0) + 1;
}

/** Items numbered as they are printed: 1, 2, 3... in position order. */
export function numbered<T extends { position: number }>(items: readonly T[]): Array<T & { number: number }> {
  return [...items].sort((a, b) => a.position - b.position).map((i, n) => ({ ...i, number: n + 1 }));
}

export interface ExclusionMotion {
  text: string;
  rows: Array<{ item: number; title: string; paragraphs: string }>;
}

/** "1", "1 and 2", "1, 2 and 7". */
export function paragraphList(paragraphs: readonly number[]): string {
  const p = [...new Set(paragraphs)].sort((a, b) => a - b).map(String);
  if (p.length <= 1) return p.join('');
  return `${p.slice(0, -1).join(', ')} and ${p.at(-1)}`;
}

/**
 * The motion to exclude the public, listing every non-public item (by its
 * number on the agenda) with its paragraphs; null when there is no Part 2
 * item, so that the clerk can leave the exclusion item out.
 */
export function exclusionMotion(items: readonly OrderedItem[]): ExclusionMotion | null {
  const rows = numbered(items)
    .filter((i) => i.part === 2)
    .map((i) => ({ item: i.number, title: i.title, paragraphs: paragraphList(i.paragraphs) }));
  if (rows.length === 0) return null;
  const list = rows.map((r) => r.item);
  const which = list.length === 1 ? `item ${list[0]}` : `items ${paragraphList(list)}`;
  return {
    text:
      'MOTION – That under Section 100A(4) of the Local Government Act 1972, the public be excluded from ' +
      `the meeting for ${which} on the grounds that they involve the likely disclosure of exempt information ` +
      'as defined in Part I of Schedule 12A of the Act.',
    rows,
  };
}

/** Problems with an agenda that block its publication. */
export function agendaProblems(items: readonly OrderedItem[]): string[] {
  const problems: string[] = [];
  for (const i of numbered(items)) {
    if (i.part === 2 && i.paragraphs.length === 0 && i.standard === null)
      problems.push(`Item ${i.number} "${i.title}" is non-public but names no Schedule 12A paragraph`);
  }
  const hasPrivate = items.some((i) => i.part === 2);
  const hasExclusion = items.some((i) => i.standard === 'exclusion');
  if (hasPrivate && !hasExclusion)
    problems.push('The agenda has non-public items but no exclusion of the public');
  return problems;
}
