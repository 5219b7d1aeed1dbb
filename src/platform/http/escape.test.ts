import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in elements and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });
  it('leaves other text alone, and does not escape twice over by itself', () => {
    expect(escapeHtml('Plan 2026–27: 100% (£5)')).toBe('Plan 2026–27: 100% (£5)');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
  it('makes nothing of null and undefined', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
  });
});
