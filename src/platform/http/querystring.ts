/**
 * Parse an application/x-www-form-urlencoded body. A field that appears more
 * than once (checkboxes) becomes an array; others stay strings.
 */
export function qs(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}
