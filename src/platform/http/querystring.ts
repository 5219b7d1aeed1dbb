import { withoutControlCharacters } from '../errors';

/**
 * Parse an application/x-www-form-urlencoded body (or a query string). A
 * field that appears more than once (checkboxes) becomes an array; others
 * stay strings. Control characters (a NUL typed as %00, a stray escape) are
 * dropped here, at the boundary: no one means them, and PostgreSQL refuses
 * NUL in text.
 */
export function qs(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [rawKey, rawValue] of new URLSearchParams(body)) {
    const key = withoutControlCharacters(rawKey);
    const value = withoutControlCharacters(rawValue);
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}
