/**
 * Reflow at 320 px (WCAG 1.4.10): only a data table may scroll sideways, and
 * then inside its own region that a keyboard can reach and a screen reader
 * names (role="region", aria-label from the table's caption, tabindex="0"),
 * never the whole page. Every page passes through here as it is rendered, so
 * no table in any module's template can push the page wider than the screen.
 * A table a template has already put in such a region is left as it is.
 */

const TABLE = /(<div class="app-table-scroll"[^>]*>\s*)?<table\b[\s\S]*?<\/table>/g;
const CAPTION = /<caption\b[^>]*>([\s\S]*?)<\/caption>/;

/** The caption's text, as an attribute value (the HTML is already escaped; tags and extra spaces go). */
function labelOf(table: string): string {
  const caption = CAPTION.exec(table)?.[1];
  const text = (caption ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/"/g, '&quot;');
  return text || 'Table';
}

/** The page with each data table in its own labelled, focusable, scrolling region. */
export function scrollableTables(html: string): string {
  if (!html.includes('<table')) return html;
  return html.replace(TABLE, (table: string, wrapped: string | undefined) =>
    wrapped
      ? table
      : `<div class="app-table-region" role="region" aria-label="${labelOf(table)}" tabindex="0">${table}</div>`,
  );
}
