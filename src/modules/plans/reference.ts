/**
 * Hierarchical action references: "1", "1.1", "1.1.2", "3.14b", "A5.1",
 * "3.14-2". Each part is a number with an optional lower-case letter; the
 * first may carry a letter prefix in capitals; an imported plan's second
 * action with the same reference ends "-2". References order part by
 * part, numerically, a letter after its number (3.14 < 3.14a < 3.14b < 3.15),
 * and a parent before its children (1.1 < 1.1.2 < 1.2).
 */

const PART = /^(\d{1,4})([a-z]?)$/;
/** The first part may carry a letter prefix, as some plans number actions ("A5.1"). */
const FIRST_PART = /^([A-Z]{1,3})?(\d{1,4})([a-z]?)$/;
/** A second action with the same reference in an imported plan: "3.14-2". */
const REPEAT = /^(.*)-(\d{1,2})$/;
export const MAX_REFERENCE_LENGTH = 20;

export interface ReferencePart {
  /** A letter prefix, on the first part only ("A" of "A5.1"). */
  prefix: string;
  number: number;
  letter: string;
}

export type ReferenceCheck = { ok: true; reference: string } | { ok: false; message: string };

/** Tidy a typed reference: trim, drop a trailing full stop, a prefix in capitals and other letters lower-case. */
export function normaliseReference(text: string): string {
  const t = text.trim().replace(/\.$/, '');
  const prefix = /^[A-Za-z]{1,3}(?=\d)/.exec(t)?.[0] ?? '';
  return prefix.toUpperCase() + t.slice(prefix.length).toLowerCase();
}

function wellFormed(reference: string): boolean {
  const repeat = REPEAT.exec(reference);
  if (repeat && Number(repeat[2]) < 2) return false;
  const parts = (repeat ? repeat[1]! : reference).split('.');
  return FIRST_PART.test(parts[0]!) && parts.slice(1).every((p) => PART.test(p));
}

export function checkReference(text: string): ReferenceCheck {
  const reference = normaliseReference(text);
  if (!reference) return { ok: false, message: 'Enter a reference, like 1.2 or 3.14b' };
  if (reference.length > MAX_REFERENCE_LENGTH) {
    return { ok: false, message: `Reference must be ${MAX_REFERENCE_LENGTH} characters or fewer` };
  }
  if (!wellFormed(reference)) {
    return {
      ok: false,
      message:
        'Reference must be numbers separated by full stops, each may end in one letter, like 1.2, 3.14b or A5.1',
    };
  }
  return { ok: true, reference };
}

/** The parts of a reference; a repeat ("3.14-2") adds a last part numbered by the repeat. */
export function parseReference(reference: string): ReferencePart[] {
  const r = normaliseReference(reference);
  const repeat = REPEAT.exec(r);
  const parts = (repeat ? repeat[1]! : r).split('.').map((p, i) => {
    const m = (i === 0 ? FIRST_PART : PART).exec(p);
    if (!m) throw new RangeError(`Not a reference: ${reference}`);
    return i === 0
      ? { prefix: m[1] ?? '', number: Number(m[2]), letter: m[3] ?? '' }
      : { prefix: '', number: Number(m[1]), letter: m[2] ?? '' };
  });
  // A repeat sorts straight after the reference it repeats, before its children.
  if (repeat) parts.push({ prefix: '', number: 0, letter: repeat[2]!.padStart(2, '0') });
  return parts;
}

/** Negative when a sorts before b. Invalid references sort last, by their text. */
export function compareReferences(a: string, b: string): number {
  const va = checkReference(a);
  const vb = checkReference(b);
  if (!va.ok || !vb.ok) {
    if (va.ok) return -1;
    if (vb.ok) return 1;
    return a.localeCompare(b);
  }
  const pa = parseReference(va.reference);
  const pb = parseReference(vb.reference);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x.prefix !== y.prefix) return x.prefix < y.prefix ? -1 : 1;
    if (x.number !== y.number) return x.number - y.number;
    if (x.letter !== y.letter) return x.letter < y.letter ? -1 : 1;
  }
  return pa.length - pb.length;
}

export function sortByReference<T>(items: readonly T[], ref: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareReferences(ref(a), ref(b)));
}

/** References that appear more than once (after tidying), each once. */
export function duplicateReferences(references: readonly string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const r of references) {
    const n = normaliseReference(r);
    if (seen.has(n)) dupes.add(n);
    seen.add(n);
  }
  return [...dupes];
}

export function duplicateReferenceMessage(reference: string): string {
  return `Reference ${reference} is already used in this plan. Enter a reference that is not used yet, or change the other action first`;
}

/** The next top-level reference after those used: used by the committee's outstanding actions list (1, 2, 3...). */
export function nextTopLevelReference(references: readonly string[]): string {
  let max = 0;
  for (const r of references) {
    const check = checkReference(r);
    if (!check.ok) continue;
    max = Math.max(max, parseReference(check.reference)[0]!.number);
  }
  return String(max + 1);
}
