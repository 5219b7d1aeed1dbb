/**
 * Hierarchical action references: "1", "1.1", "1.1.2", "3.14b". Each part is
 * a number with an optional lower-case letter. References order part by
 * part, numerically, a letter after its number (3.14 < 3.14a < 3.14b < 3.15),
 * and a parent before its children (1.1 < 1.1.2 < 1.2).
 */

const PART = /^(\d{1,4})([a-z]?)$/;
export const MAX_REFERENCE_LENGTH = 20;

export interface ReferencePart {
  number: number;
  letter: string;
}

export type ReferenceCheck = { ok: true; reference: string } | { ok: false; message: string };

/** Tidy a typed reference: trim, drop a trailing full stop, lower-case letters. */
export function normaliseReference(text: string): string {
  return text.trim().replace(/\.$/, '').toLowerCase();
}

export function checkReference(text: string): ReferenceCheck {
  const reference = normaliseReference(text);
  if (!reference) return { ok: false, message: 'Enter a reference, like 1.2 or 3.14b' };
  if (reference.length > MAX_REFERENCE_LENGTH) {
    return { ok: false, message: `Reference must be ${MAX_REFERENCE_LENGTH} characters or fewer` };
  }
  if (!reference.split('.').every((p) => PART.test(p))) {
    return {
      ok: false,
      message:
        'Reference must be numbers separated by full stops, each may end in one letter, like 1.2 or 3.14b',
    };
  }
  return { ok: true, reference };
}

export function parseReference(reference: string): ReferencePart[] {
  return normaliseReference(reference)
    .split('.')
    .map((p) => {
      const m = PART.exec(p);
      if (!m) throw new RangeError(`Not a reference: ${reference}`);
      return { number: Number(m[1]), letter: m[2] ?? '' };
    });
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
