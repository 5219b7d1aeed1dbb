import { describe, expect, it } from 'vitest';
import { fold, icalText, meetingsCalendar } from './ical';

describe('the meetings calendar', () => {
  it('writes one event per meeting in London time, escaping text', () => {
    const ics = meetingsCalendar(
      'Safeguarding Sub-Committee',
      [
        {
          id: 'm1',
          date: '2027-03-10',
          startTime: '14:00',
          venue: 'Room 2, Guildhall; first floor',
          url: 'https://x.example/a',
        },
        { id: 'm2', date: '2027-06-09', startTime: '09:30', venue: null, url: null },
      ],
      { now: new Date('2026-11-16T09:00:00Z'), host: 'oversight.example' },
    );
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;TZID=Europe/London:20270310T140000\r\n');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20270609T093000\r\n');
    expect(ics).toContain('LOCATION:Room 2\\, Guildhall\\; first floor\r\n');
    expect(ics).toContain('DTSTAMP:20261116T090000Z');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds long lines and escapes line breaks', () => {
    expect(icalText('a\\b\nc')).toBe('a\\\\b\\nc');
    const folded = fold(`SUMMARY:${'x'.repeat(100)}`);
    expect(folded.split('\r\n ').map((p) => p.length)).toEqual([75, 33]);
  });
});
