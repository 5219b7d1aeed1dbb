import nunjucks from 'nunjucks';
import { fromRoot } from '../paths';

export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-11" -> "November 2026". */
export function formatMonth(month: string): string {
  return `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "2026-11-22" or a Date -> "22 November 2026" (GOV.UK date style). */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const iso = typeof value === 'string' ? value.slice(0, 10) : londonIso(value);
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return String(value);
  return `${d} ${monthNames[m - 1]} ${y}`;
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function londonIso(d: Date): string {
  const p = Object.fromEntries(londonParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** A moment -> "22 November 2026 at 14:05" in Europe/London. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  const p = Object.fromEntries(londonParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${formatDate(`${p.year}-${p.month}-${p.day}`)} at ${p.hour}:${p.minute}`;
}

export function createViews(): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(
      [
        fromRoot('src', 'platform', 'views'),
        fromRoot('src', 'modules'),
        fromRoot('node_modules', 'govuk-frontend', 'dist'),
        fromRoot('node_modules', '@ministryofjustice', 'frontend'),
      ],
      { noCache: process.env.NODE_ENV !== 'production' && process.env.NODE_ENV !== 'test' },
    ),
    { autoescape: true, throwOnUndefined: false },
  );
  env.addFilter('date', formatDate);
  // The title of a paged list says which page: "Users, page 2 of 5".
  env.addFilter('paged', pagedTitle);
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('number', (n: number | null | undefined) =>
    n == null ? '' : Number(n).toLocaleString('en-GB'),
  );
  return env;
}

/** A paged list's title, with the page when there is more than one. */
export function pagedTitle(name: string, pagination?: { page?: number; pages?: number } | null): string {
  if (!pagination?.page || !pagination.pages || pagination.pages <= 1) return name;
  return `${name}, page ${pagination.page} of ${pagination.pages}`;
}
