/**
 * The organisation's glossary of acronyms, pure: the form's rules, the key
 * a duplicate is refused by, and which entries a pack prints (those used in
 * its public text, or all).
 */
import { z } from 'zod';
import { hasControlCharacters } from '../../platform/errors';
import { blankToUndefined } from '../../platform/http/forms';

export interface GlossaryEntry {
  acronym: string;
  meaning: string;
}

export type GlossaryChoice = 'none' | 'used' | 'all';
export const GLOSSARY_CHOICES: ReadonlyArray<{ value: GlossaryChoice; text: string; hint: string }> = [
  { value: 'none', text: 'No glossary', hint: 'The pack has no glossary.' },
  {
    value: 'used',
    text: 'The acronyms used in the pack',
    hint: 'Only the acronyms that appear in the public pack’s text, tables and appendices.',
  },
  { value: 'all', text: 'The whole glossary', hint: 'Every acronym in the organisation’s glossary.' },
];

const noControl = (v: string) => !hasControlCharacters(v);

export const glossarySchema = z.object({
  acronym: z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'Enter the acronym' })
      .max(20, 'The acronym must be 20 characters or fewer')
      .refine(noControl, 'Remove the control characters (copied from another program)')
      .refine(
        (v) => /^[\p{L}\p{N}][\p{L}\p{N}&/.-]*$/u.test(v),
        'Write the acronym as letters and numbers without spaces, like LADO or S47',
      ),
  ),
  meaning: z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'Enter what the acronym stands for' })
      .max(300, 'The meaning must be 300 characters or fewer')
      .refine(noControl, 'Remove the control characters (copied from another program)'),
  ),
});

export const glossaryChoiceSchema = z.object({
  glossary: z.enum(['none', 'used', 'all'], { error: 'Choose whether the pack has a glossary' }),
});

/** What a duplicate is found by: the acronym in capitals, without its full stops ("C.P." is "CP"). */
export function acronymKey(acronym: string): string {
  return acronym.trim().replace(/\./g, '').toUpperCase();
}

/** The message refusing an acronym the glossary already has, or null. */
export function duplicateMessage(
  existing: ReadonlyArray<{ id: string; acronym: string }>,
  acronym: string,
  exceptId: string | null = null,
): string | null {
  const key = acronymKey(acronym);
  const clash = existing.find((e) => e.id !== exceptId && acronymKey(e.acronym) === key);
  return clash
    ? `The glossary already has ${clash.acronym}: change its meaning instead of adding it again`
    : null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the acronym stands in the text as a word of its own, as written (a plural "IROs" counts). */
export function usesAcronym(text: string, acronym: string): boolean {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(acronym)}s?(?![\\p{L}\\p{N}])`, 'u');
  return pattern.test(text);
}

/** The entries a pack prints, in alphabetical order: all, or those its texts use. */
export function glossaryFor<T extends GlossaryEntry>(
  entries: readonly T[],
  choice: GlossaryChoice,
  texts: readonly string[],
): T[] {
  if (choice === 'none') return [];
  const joined = texts.join('\n');
  return entries
    .filter((e) => choice === 'all' || usesAcronym(joined, e.acronym))
    .sort((a, b) => a.acronym.localeCompare(b.acronym, 'en-GB'));
}
