/**
 * How a chronology is shown: newest or oldest first, a page at a time, the
 * filters carried in every link, and a sentence saying what is shown. Pure:
 * no database, no request.
 */
import { type Pagination, paginate } from '../../platform/admin/pagination';
import { formatDate } from '../../platform/http/views';

export const CHRONOLOGY_ORDERS = ['newest', 'oldest'] as const;
export type ChronologyOrder = (typeof CHRONOLOGY_ORDERS)[number];
/** Events a page: a long chronology is read a page at a time, not as one 13,000 px page. */
export const CHRONOLOGY_PAGE_SIZE = 50;

export const CATEGORY_NAMES: Record<string, string> = {
  contact: 'Contacts',
  referral: 'Referrals and case closure',
  assessment: 'Assessments',
  'child protection': 'Child protection',
  'child in need': 'Child in need',
  'looked after': 'Looked after',
  health: 'Health',
  education: 'Education',
  'care leaver': 'Care leaver',
  missing: 'Missing',
  legal: 'Legal and immigration status',
  'early help': 'Early help',
  allocation: 'Allocation',
  "child's views": "The child's views",
  'management oversight': 'Management oversight',
};

/** Newest first unless oldest first is asked for. */
export function orderOf(value: unknown): ChronologyOrder {
  return value === 'oldest' ? 'oldest' : 'newest';
}

/** A page number from the query: a whole number from 1, else the first page. */
export function pageOf(value: unknown): number {
  const n = Number(typeof value === 'string' ? value : NaN);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** Events (which come oldest first) in the order asked for. */
export function inOrder<T>(events: readonly T[], order: ChronologyOrder): T[] {
  return order === 'oldest' ? [...events] : [...events].reverse();
}

/** What the filters are, as submitted: kept in every link (pages, order, downloads). */
export interface ChronologyParams {
  categories: readonly string[];
  from: { day: string; month: string; year: string };
  to: { day: string; month: string; year: string };
  order: ChronologyOrder;
}

/** The query string for these filters (and a page), always starting with "?". */
export function chronologyQuery(params: ChronologyParams, page?: number): string {
  const q = new URLSearchParams();
  for (const c of params.categories) q.append('category', c);
  for (const field of ['from', 'to'] as const)
    for (const part of ['day', 'month', 'year'] as const) {
      const v = params[field][part];
      if (v) q.set(`${field}-${part}`, v);
    }
  q.set('order', params.order);
  if (page && page > 1) q.set('page', String(page));
  return `?${q.toString()}`;
}

export interface ChronologyPage<T> {
  events: T[];
  page: number;
  pagination: Pagination;
}

/** One page of the events in the order asked for; a page past the end shows the last page. */
export function chronologyPage<T>(
  events: readonly T[],
  params: ChronologyParams,
  requestedPage: number,
  base: string,
  pageSize = CHRONOLOGY_PAGE_SIZE,
): ChronologyPage<T> {
  const pages = Math.max(1, Math.ceil(events.length / pageSize));
  const page = Math.min(requestedPage, pages);
  const sorted = inOrder(events, params.order);
  return {
    events: sorted.slice((page - 1) * pageSize, page * pageSize),
    page,
    pagination: paginate(events.length, { page, pageSize }, (p) => `${base}${chronologyQuery(params, p)}`),
  };
}

/** A sentence naming the filters in force, for the page, the printed copy and the downloads. */
export function describeFilters(filter: {
  categories: readonly string[];
  from?: string;
  to?: string;
}): string {
  const parts: string[] = [];
  if (filter.categories.length)
    parts.push(`types: ${filter.categories.map((c) => CATEGORY_NAMES[c] ?? c).join(', ')}`);
  if (filter.from) parts.push(`from ${formatDate(filter.from)}`);
  if (filter.to) parts.push(`to ${formatDate(filter.to)}`);
  return parts.length ? `Events shown: ${parts.join('; ')}.` : 'Every event in the record.';
}
