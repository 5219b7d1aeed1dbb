import { describe, expect, it } from 'vitest';
import {
  type ChronologyParams,
  chronologyPage,
  chronologyQuery,
  describeFilters,
  orderOf,
  pageOf,
} from './chronology-view';

const params = (over: Partial<ChronologyParams> = {}): ChronologyParams => ({
  categories: [],
  from: { day: '', month: '', year: '' },
  to: { day: '', month: '', year: '' },
  order: 'newest',
  ...over,
});
const events = Array.from({ length: 120 }, (_, i) => i + 1); // oldest first: 1 … 120

describe('showing a chronology', () => {
  it('is newest first unless oldest first is asked for', () => {
    expect(orderOf(undefined)).toBe('newest');
    expect(orderOf('oldest')).toBe('oldest');
    expect(orderOf('sideways')).toBe('newest');
    expect(chronologyPage(events, params(), 1, '/c').events.slice(0, 3)).toEqual([120, 119, 118]);
    expect(chronologyPage(events, params({ order: 'oldest' }), 1, '/c').events.slice(0, 3)).toEqual([
      1, 2, 3,
    ]);
  });

  it('pages long chronologies, 50 events a page, the last page holding the rest', () => {
    const third = chronologyPage(events, params({ order: 'oldest' }), 3, '/c');
    expect(third.events).toEqual(events.slice(100));
    expect(third.pagination).toMatchObject({ from: 101, to: 120, total: 120, pages: 3 });
    expect(third.pagination.component?.next).toBeUndefined();
    // A page past the end shows the last one rather than nothing.
    expect(chronologyPage(events, params(), 9, '/c').page).toBe(3);
    expect(chronologyPage(events.slice(0, 50), params(), 1, '/c').pagination.component).toBeUndefined();
    expect(pageOf('2')).toBe(2);
    expect(pageOf('0')).toBe(1);
    expect(pageOf('x')).toBe(1);
  });

  it('keeps the filters and the order in the link to every page', () => {
    const p = params({
      categories: ['child protection', 'health'],
      from: { day: '1', month: '3', year: '2025' },
      order: 'oldest',
    });
    expect(chronologyQuery(p, 2)).toBe(
      '?category=child+protection&category=health&from-day=1&from-month=3&from-year=2025&order=oldest&page=2',
    );
    const page = chronologyPage(events, p, 1, '/children/x/chronology');
    expect(page.pagination.component?.next?.href).toBe(`/children/x/chronology${chronologyQuery(p, 2)}`);
  });

  it('says which events are shown', () => {
    expect(describeFilters({ categories: [] })).toBe('Every event in the record.');
    expect(
      describeFilters({ categories: ['health', "child's views"], from: '2025-03-01', to: '2026-01-31' }),
    ).toBe("Events shown: types: Health, The child's views; from 1 March 2025; to 31 January 2026.");
  });
});
