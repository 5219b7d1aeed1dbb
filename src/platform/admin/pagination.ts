/** Pages of a long list, in the shape GOV.UK's pagination component takes. */

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Pagination {
  /** For govukPagination; undefined when everything fits on one page. */
  component?: {
    previous?: { href: string };
    next?: { href: string };
    items: Array<{ number?: number; href?: string; current?: boolean; ellipsis?: boolean }>;
  };
  /** "Showing 51 to 100 of 230" */
  from: number;
  to: number;
  total: number;
  pages: number;
  /** The page shown, for the page title ("Users, page 2 of 5"). */
  page: number;
}

export function limitOffset({ page, pageSize }: PageRequest): { limit: number; offset: number } {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

/**
 * Page links around the current page: first, last, and one either side,
 * with ellipses between (the GOV.UK pattern).
 */
export function paginate(
  total: number,
  { page, pageSize }: PageRequest,
  hrefFor: (page: number) => string,
): Pagination {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : Math.min(total, (page - 1) * pageSize + 1);
  const to = Math.min(total, page * pageSize);
  if (pages <= 1) return { from, to, total, pages, page };
  const shown = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const items: NonNullable<Pagination['component']>['items'] = [];
  let last = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - last > 1) items.push({ ellipsis: true });
    items.push({ number: p, href: hrefFor(p), current: p === page });
    last = p;
  }
  return {
    component: {
      previous: page > 1 ? { href: hrefFor(Math.min(page - 1, pages)) } : undefined,
      next: page < pages ? { href: hrefFor(page + 1) } : undefined,
      items,
    },
    from,
    to,
    total,
    pages,
    page,
  };
}

/** A query string from the non-empty values, for links that keep the current filters. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The page asked for in a query string (`page=3`), 1 when absent or not a whole number of 1 or more. */
export function requestedPage(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(n, 1);
}

/**
 * Links to the other pages of a list at `path`, keeping every other query
 * parameter (the filters) as it is; page 1 has no `page` parameter.
 */
export function pageLinks(path: string, query: Record<string, unknown>): (page: number) => string {
  const kept = Object.entries(query).filter(
    (e): e is [string, string] => e[0] !== 'page' && typeof e[1] === 'string' && e[1] !== '',
  );
  return (page) => {
    const params = new URLSearchParams(kept);
    if (page > 1) params.set('page', String(page));
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
}

/**
 * One page of a list already read in one query (a list whose order or
 * figures are worked out in code), with its pagination; a page past the
 * end shows the last page.
 */
export function pageOf<T>(
  rows: readonly T[],
  requested: number,
  pageSize: number,
  hrefFor: (page: number) => string,
): { rows: T[]; pagination: Pagination } {
  const page = Math.min(Math.max(1, requested), Math.max(1, Math.ceil(rows.length / pageSize)));
  const { limit, offset } = limitOffset({ page, pageSize });
  return {
    rows: rows.slice(offset, offset + limit),
    pagination: paginate(rows.length, { page, pageSize }, hrefFor),
  };
}
