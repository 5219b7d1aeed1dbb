import { describe, expect, it } from 'vitest';
import { pagedTitle } from './views';

describe('pagedTitle', () => {
  it('says which page of a list of several pages', () => {
    expect(pagedTitle('Users', { page: 2, pages: 5 })).toBe('Users, page 2 of 5');
  });

  it('leaves the title of a one-page list, or a page with no pagination, as it is', () => {
    expect(pagedTitle('Users', { page: 1, pages: 1 })).toBe('Users');
    expect(pagedTitle('Users', undefined)).toBe('Users');
    expect(pagedTitle('Users', null)).toBe('Users');
  });
});
