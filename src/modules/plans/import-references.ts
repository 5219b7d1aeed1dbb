/**
 * References as an imported plan writes them, settled so each action has its
 * own: a tag after the number ("1.2 (QA)") is split off as the source; a
 * priority whose numbering restarts ("1.1" again under priority 5) is
 * numbered within its priority ("5.1.1"); a blank reference gets the next
 * free one in its priority; a reference used twice is imported as "3.14"
 * and "3.14-2". Each change is a notice; only an unreadable reference is a
 * problem. Pure functions.
 */
import { checkReference, normaliseReference } from './reference';

export interface RawReference {
  row: number;
  text: string;
  priorityNumber: number;
}

/** "1.2 (QA)" -> reference "1.2", tag "QA". */
export function splitReferenceTag(text: string): { reference: string; tag: string | null } {
  const m = /^(.*?)\s*\(([^()]{1,40})\)\s*$/.exec(text.trim());
  if (m?.[1]) return { reference: m[1], tag: m[2]!.trim() };
  return { reference: text.trim(), tag: null };
}

/** The next reference after this one at the same level: 1.9 -> 1.10, 3.14b -> 3.15. */
function nextAfter(reference: string): string {
  return reference.replace(/-\d+$/, '').replace(/(\d+)[a-z]?$/, (_, n: string) => String(Number(n) + 1));
}

export function assignReferences(raws: readonly RawReference[]): {
  references: string[];
  notices: string[];
  problems: Array<{ row: number; message: string }>;
} {
  const used = new Set<string>();
  const notices: string[] = [];
  const problems: Array<{ row: number; message: string }> = [];
  const lastInPriority = new Map<number, string>();
  const restarted = new Set<number>();
  const decided = new Set<number>();
  const references = raws.map((raw) => {
    if (!raw.text) {
      let candidate = lastInPriority.has(raw.priorityNumber)
        ? nextAfter(lastInPriority.get(raw.priorityNumber)!)
        : `${raw.priorityNumber}.1`;
      while (used.has(candidate)) candidate = nextAfter(candidate);
      used.add(candidate);
      lastInPriority.set(raw.priorityNumber, candidate);
      notices.push(`Row ${raw.row} has no reference: it is imported as ${candidate}`);
      return candidate;
    }
    const check = checkReference(raw.text);
    if (!check.ok) {
      problems.push({ row: raw.row, message: check.message });
      return '';
    }
    let reference = check.reference;
    // The first reference of a priority decides whether its numbering restarts.
    if (!decided.has(raw.priorityNumber)) {
      decided.add(raw.priorityNumber);
      const first = /^(\d+)/.exec(reference);
      if (first && Number(first[1]) !== raw.priorityNumber && used.has(reference)) {
        restarted.add(raw.priorityNumber);
        notices.push(
          `Priority ${raw.priorityNumber} numbers its actions from ${reference} again: they are imported within the priority, as ${raw.priorityNumber}.${reference} and so on`,
        );
      }
    }
    if (restarted.has(raw.priorityNumber) && /^\d/.test(reference))
      reference = `${raw.priorityNumber}.${reference}`;
    if (used.has(normaliseReference(reference))) {
      let n = 2;
      while (used.has(`${reference}-${n}`)) n += 1;
      notices.push(
        `Row ${raw.row}: reference ${reference} is used more than once, so this one is imported as ${reference}-${n}`,
      );
      reference = `${reference}-${n}`;
    }
    used.add(reference);
    lastInPriority.set(raw.priorityNumber, reference);
    return reference;
  });
  return { references, notices, problems };
}
