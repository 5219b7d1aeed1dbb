import { describe, expect, it } from 'vitest';
import { scrollableTables } from './table-regions';

describe('tables in their own scrolling region', () => {
  it('puts each table in a region named by its caption, reachable by keyboard', () => {
    const html =
      '<h2>Tasks</h2><table class="govuk-table"><caption class="c">Open tasks <span class="x">by team</span> &amp; &quot;level&quot;</caption><tr><td>1</td></tr></table>' +
      '<p>between</p><table><tr><td>2</td></tr></table>';
    const out = scrollableTables(html);
    expect(out).toBe(
      '<h2>Tasks</h2><div class="app-table-region" role="region" aria-label="Open tasks by team &amp; &quot;level&quot;" tabindex="0">' +
        '<table class="govuk-table"><caption class="c">Open tasks <span class="x">by team</span> &amp; &quot;level&quot;</caption><tr><td>1</td></tr></table></div>' +
        '<p>between</p><div class="app-table-region" role="region" aria-label="Table" tabindex="0"><table><tr><td>2</td></tr></table></div>',
    );
  });

  it('leaves a table a template already put in a scrolling region', () => {
    const html =
      '<div class="app-table-scroll" role="region" aria-label="Plan" tabindex="0">\n  <table><caption>Plan</caption></table></div>';
    expect(scrollableTables(html)).toBe(html);
  });

  it('leaves a page without tables untouched', () => {
    expect(scrollableTables('<p>No tables</p>')).toBe('<p>No tables</p>');
  });
});
