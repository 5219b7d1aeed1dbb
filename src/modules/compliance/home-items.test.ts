import { describe, expect, it } from 'vitest';
import { dueRangeQuery } from './home-items';

describe('the task list link for tasks due in the next 7 days', () => {
  it('writes both dates as the list’s day, month and year fields', () => {
    expect(dueRangeQuery('2026-12-28', '2027-01-04')).toBe(
      'from-day=28&from-month=12&from-year=2026&to-day=4&to-month=1&to-year=2027',
    );
  });
});
