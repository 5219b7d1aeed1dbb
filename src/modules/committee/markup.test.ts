import { describe, expect, it } from 'vitest';
import { parseMarkup, renderMarkup, textOfHtml } from './markup';

describe('report structured text', () => {
  it('reads headings, lists, tables and paragraphs', () => {
    const blocks = parseMarkup(
      '## Background\nFirst line\nsecond line.\n\n- one\n- two\n\n| Team | Visits |\n|---|---|\n| North | 12 |',
    );
    expect(blocks).toEqual([
      { type: 'heading', text: 'Background' },
      { type: 'paragraph', text: 'First line second line.' },
      { type: 'list', items: ['one', 'two'] },
      { type: 'table', header: ['Team', 'Visits'], rows: [['North', '12']] },
    ]);
  });

  it('never lets HTML through', () => {
    const html = renderMarkup('<script>alert(1)</script>\n\n| <b>x</b> |\n| <img src=x onerror=y> |');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<caption');
  });

  it('gives the text a reader sees', () => {
    expect(textOfHtml(renderMarkup('## A &amp; B\n\nx < y'))).toBe('A &amp; B x < y');
  });
});
