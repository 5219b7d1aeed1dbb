/**
 * Where to send a person back to, when the address comes from input (a
 * `back` parameter, a form field): only a path on this service. Anything
 * else (another site, `//host`, `/\host`, a scheme, control characters)
 * gives the fallback, so no link or redirect ever leaves the service.
 */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) return fallback;
  if (!value.startsWith('/')) return fallback;
  // A second slash or a backslash makes browsers read a host: //evil.example, /\evil.example.
  if (value[1] === '/' || value[1] === '\\') return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters and spaces are refused
  if (/[\u0000-\u001F\u007F\s\\]/.test(value)) return fallback;
  try {
    const base = new URL('http://oversight.invalid');
    const resolved = new URL(value, base);
    if (resolved.origin !== base.origin) return fallback;
    return resolved.pathname + resolved.search + resolved.hash;
  } catch {
    return fallback;
  }
}
