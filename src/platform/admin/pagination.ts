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
