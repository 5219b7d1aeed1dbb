/**
 * The pure rules of surveys: response rates, comparison with last year, and
 * the check of a quote for names before it can be published. No database.
 */

export const RESPONSE_MODES = ['post', 'telephone', 'visit', 'online'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];
export type ModeCounts = Record<ResponseMode, number>;

/** Responses of all modes together. */
export function totalResponses(byMode: Partial<ModeCounts>): number {
  return RESPONSE_MODES.reduce((sum, m) => sum + (byMode[m] ?? 0), 0);
}

/** Responses as a percentage of those eligible, to one decimal place (39 of 62 is 62.9); null when none were eligible. */
export function responseRate(responses: number, eligible: number): number | null {
  if (eligible <= 0) return null;
  return Math.round((responses / eligible) * 1000) / 10;
}

/** This year's percentage against last year's, in percentage points to one decimal place; null when either is missing. */
export function change(current: number | null, previous: number | null | undefined): number | null {
  if (current == null || previous == null) return null;
  return Math.round((current - previous) * 10) / 10;
}

/**
 * Capitalised words that are not names: words a quote from a child or parent
 * often has in capitals in the middle of a sentence.
 */
const NOT_NAMES = new Set(
  (
    'i im ive id ill mum mam mom dad nan nana nanny gran grandma grandad granddad auntie aunty uncle miss mr mrs ms dr sir ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december christmas easter eid diwali english british council school college ' +
    'ok okay tv xbox youtube covid nhs gp cp cin lac sen send ehcp pep'
  ).split(' '),
);

const WORD = /[\p{L}][\p{L}'’-]*/gu;

/**
 * Words in a quote that may name someone: any word that is a forename or
 * surname in the register (case-insensitive, three letters or more), and any
 * capitalised word within a sentence that is not a common capitalised word.
 * The first word of a sentence is checked against the register only.
 */
export function possibleNames(text: string, registerWords: ReadonlySet<string>): string[] {
  const found = new Map<string, string>();
  for (const match of text.matchAll(WORD)) {
    const word = match[0].replace(/['’]s$/u, '').replace(/[-'’]+$/u, '');
    const lower = word.toLowerCase();
    if (word.length < 2 || found.has(lower)) continue;
    const before = text.slice(0, match.index).trimEnd();
    const startsSentence = before === '' || /[.!?"“]$/u.test(before);
    const inRegister = lower.length >= 3 && registerWords.has(lower);
    const nameLike =
      !startsSentence && /^\p{Lu}\p{Ll}+/u.test(word) && !NOT_NAMES.has(lower.replace(/['’]/gu, ''));
    if (inRegister || nameLike) found.set(lower, word);
  }
  return [...found.values()];
}
