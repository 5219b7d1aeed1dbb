import { z } from 'zod';

/**
 * Protective marking and feedback link: the rules for the settings an
 * administrator types, with no database. The marking is shown on every
 * signed-in page and carried by every printed or exported document.
 */

/** What a page or document is marked when the organisation has chosen nothing else. */
export const DEFAULT_MARKING = 'OFFICIAL-SENSITIVE';

export const MAX_MARKING_LENGTH = 60;

export const markingField = z
  .string({ error: 'Enter the protective marking, like OFFICIAL-SENSITIVE' })
  .trim()
  .min(1, 'Enter the protective marking, like OFFICIAL-SENSITIVE')
  .max(MAX_MARKING_LENGTH, `Protective marking must be ${MAX_MARKING_LENGTH} characters or fewer`)
  .regex(
    /^[\p{L}\p{N} :\-–/()]+$/u,
    'Protective marking must only include letters, numbers, spaces and the characters : - / ( )',
  );

export const feedbackUrlField = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z
    .string()
    .max(500, 'Feedback address must be 500 characters or fewer')
    .refine((v) => {
      try {
        const url = new URL(v);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'Enter a full web address starting with https://, like https://www.example.gov.uk/feedback')
    .optional(),
);

/**
 * A download's file name carrying the marking, e.g.
 * "OFFICIAL-SENSITIVE_statutory-tasks-2026-11-16.csv": CSV files have no place
 * for a marking inside them that would not break re-import, so their name
 * carries it (and every other export's name does too, for consistency).
 */
export function markedFilename(marking: string, filename: string): string {
  const prefix = marking
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return prefix ? `${prefix}_${filename}` : filename;
}
