import { describe, expect, it } from 'vitest';
import { limitOffset, pageLinks, pageOf, paginate, queryString, requestedPage } from './pagination';

const href = (p: number) => `/list?page=${p}`;

describe('paginate', () => {
  it('gives no links when everything fits on one page', () => {
    expect(paginate(0, { page: 1, pageSize: 50 }, href)).toEqual({
      from: 0,
      to: 0,
      total: 0,
      pages: 1,
      page: 1,
    });
    expect(paginate(50, { page: 1, pageSize: 50 }, href)).toEqual({
      from: 1,
      to: 50,
      total: 50,
      pages: 1,
      page: 1,
    });
  });

  it('counts the rows shown on a page', () => {
    const p = paginate(230, { page: 5, pageSize: 50 }, href);
    expect([p.from, p.to, p.pages]).toEqual([201, 230, 5]);
    expect(p.component?.next).toBeUndefined();
    expect(p.component?.previous).toEqual({ href: '/list?page=4' });
  });

  it('shows the first, the last and the pages either side of the current one, with ellipses between', () => {
    const p = paginate(1000, { page: 10, pageSize: 50 }, href);
    expect(
      p.component!.items.map((i) => (i.ellipsis ? '…' : i.current ? `[${i.number}]` : i.number)),
    ).toEqual([1, '…', 9, '[10]', 11, '…', 20]);
    expect(p.component!.next).toEqual({ href: '/list?page=11' });
    const first = paginate(1000, { page: 1, pageSize: 50 }, href);
    expect(first.component!.previous).toBeUndefined();
    expect(first.component!.items.map((i) => i.number ?? '…')).toEqual([1, 2, '…', 20]);
  });

  it('leaves a page past the end empty, with a way back', () => {
    const p = paginate(60, { page: 9, pageSize: 50 }, href);
    expect(p.from).toBe(60);
    expect(p.to).toBe(60);
    expect(p.component!.previous).toEqual({ href: '/list?page=2' });
  });
});

describe('limitOffset and queryString', () => {
  it('turns a page into a limit and offset', () => {
    expect(limitOffset({ page: 1, pageSize: 50 })).toEqual({ limit: 50, offset: 0 });
    expect(limitOffset({ page: 3, pageSize: 50 })).toEqual({ limit: 50, offset: 100 });
  });

  it('keeps only the values given, encoded', () => {
    expect(queryString({})).toBe('');
    expect(queryString({ a: undefined, b: '', c: null })).toBe('');
    expect(queryString({ action: 'user.view', from: '2026-11-01', page: 2, q: 'a&b' })).toBe(
      '?action=user.view&from=2026-11-01&page=2&q=a%26b',
    );
  });
});

describe('pages of a list read whole', () => {
  const rows = Array.from({ length: 7 }, (_, i) => i + 1);
  const links = pageLinks('/list', { team: 't1', status: '', page: '2', other: ['a', 'b'] });

  it('slices the page asked for, and shows the last page for one past the end', () => {
    expect(pageOf(rows, 2, 3, links).rows).toEqual([4, 5, 6]);
    expect(pageOf(rows, 9, 3, links).rows).toEqual([7]);
    expect(pageOf(rows, 9, 3, links).pagination).toMatchObject({
      page: 3,
      pages: 3,
      from: 7,
      to: 7,
      total: 7,
    });
    expect(pageOf([], 4, 3, links)).toMatchObject({ rows: [], pagination: { total: 0, pages: 1 } });
  });

  it('keeps the filters in the links and drops empty ones and the old page', () => {
    expect(links(1)).toBe('/list?team=t1');
    expect(links(3)).toBe('/list?team=t1&page=3');
    expect(pageLinks('/list', {})(1)).toBe('/list');
  });

  it('reads the page asked for, 1 when it is not a whole number of 1 or more', () => {
    expect(requestedPage('4')).toBe(4);
    for (const bad of [undefined, '', '0', '-2', '1.5', 'two', '99999999', ['2']])
      expect(requestedPage(bad)).toBe(1);
  });
});
