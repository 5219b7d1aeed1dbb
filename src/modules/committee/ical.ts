/**
 * The public meetings calendar as iCalendar (RFC 5545), pure: one event per
 * meeting, in London time, with the committee's name, the venue and a link to
 * the published agenda when there is one.
 */

export interface CalendarMeeting {
  id: string;
  date: string;
  startTime: string;
  venue: string | null;
  /** The agenda's address on the public site, when published. */
  url: string | null;
}

/** Text values escape backslash, semicolon, comma and line breaks. */
export function icalText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded: a line break and a space. */
export function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + ch, 'utf8') > limit) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export function meetingsCalendar(
  committeeName: string,
  meetings: readonly CalendarMeeting[],
  options: { now: Date; host: string },
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Oversight//Committee meetings//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${icalText(committeeName)}`,
  ];
  for (const m of meetings) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${m.id}@${options.host}`,
      `DTSTAMP:${stamp(options.now)}`,
      `DTSTART;TZID=Europe/London:${m.date.replace(/-/g, '')}T${m.startTime.replace(':', '')}00`,
      `SUMMARY:${icalText(committeeName)}`,
    );
    if (m.venue) lines.push(`LOCATION:${icalText(m.venue)}`);
    if (m.url) lines.push(`URL:${m.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
