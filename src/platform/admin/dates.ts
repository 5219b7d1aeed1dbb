/**
 * Reading dates people type, and turning a London calendar date into the
 * moment it starts. Pure, so tested directly.
 */

function realDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/**
 * A date typed in one box: "3/11/2026", "03-11-2026", "3 11 2026" or "2026-11-03".
 * Returns the ISO date, or null when it is not a real date.
 */
export function parseDateText(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return realDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d{4})$/.exec(t);
  if (m) return realDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

export type DatePartsResult = { ok: true; date: string } | { ok: false; message: string };

/**
 * GOV.UK date input (day, month, year boxes), with its standard messages.
 * `what` names the date in the messages, e.g. "Date of the non-working day".
 */
export function parseDateParts(
  parts: { day?: string; month?: string; year?: string },
  what: string,
): DatePartsResult {
  const day = (parts.day ?? '').trim();
  const month = (parts.month ?? '').trim();
  const year = (parts.year ?? '').trim();
  if (!day && !month && !year) return { ok: false, message: `Enter the ${what.toLowerCase()}` };
  const missing = [!day && 'a day', !month && 'a month', !year && 'a year'].filter(Boolean) as string[];
  if (missing.length > 0) {
    return { ok: false, message: `${what} must include ${missing.join(' and ')}` };
  }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d+$/.test(year)) {
    return { ok: false, message: `${what} must be a real date, like 27 3 2027` };
  }
  if (year.length !== 4) return { ok: false, message: 'Year must include 4 numbers' };
  const iso = realDate(Number(year), Number(month), Number(day));
  if (!iso) return { ok: false, message: `${what} must be a real date, like 27 3 2027` };
  return { ok: true, date: iso };
}

const londonHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  hourCycle: 'h23',
});

/**
 * The moment a calendar date begins in Europe/London: midnight GMT in winter,
 * 23:00 UTC the day before in summer. Clocks change at 01:00 UTC, never at
 * midnight, so midnight always exists once.
 */
export function londonStartOfDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  const hour = Number(londonHour.format(new Date(utcMidnight)));
  return new Date(utcMidnight - hour * 3_600_000);
}
