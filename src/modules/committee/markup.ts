/**
 * The small structured text of committee reports. Authors write plain text;
 * no HTML is accepted (it is shown as typed, escaped). A line starting "## "
 * is a heading, lines starting "- " make a list, lines starting and ending
 * with "|" make a table (the first row is its header), and blank lines
 * separate paragraphs. Rendering is pure and escapes everything.
 */

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][] };

const isTableLine = (l: string) => l.startsWith('|') && l.endsWith('|') && l.length > 1;
const cellsOf = (l: string) =>
  l
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim());
/** A "|---|---|" line under a header, as Markdown writes it: skipped. */
const isRule = (cells: string[]) => cells.every((c) => /^:?-{2,}:?$/.test(c));

export function parseMarkup(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ type: 'paragraph', text: para.join(' ') });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') {
      flush();
    } else if (line.startsWith('## ')) {
      flush();
      blocks.push({ type: 'heading', text: line.slice(3).trim() });
    } else if (line.startsWith('- ')) {
      flush();
      const items = [line.slice(2).trim()];
      while (lines[i + 1]?.trim().startsWith('- ')) items.push(lines[++i]!.trim().slice(2).trim());
      blocks.push({ type: 'list', items });
    } else if (isTableLine(line)) {
      flush();
      const rows = [cellsOf(line)];
      while (lines[i + 1] !== undefined && isTableLine(lines[i + 1]!.trim()))
        rows.push(cellsOf(lines[++i]!.trim()));
      const [header, ...rest] = rows;
      blocks.push({ type: 'table', header: header!, rows: rest.filter((r) => !isRule(r)) });
    } else {
      para.push(line);
    }
  }
  flush();
  return blocks;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * HTML for the blocks, in GOV.UK classes. Headings start at the level given
 * (a report section's heading is h3, so its own headings are h4).
 */
export function renderMarkup(
  source: string,
  options: { headingLevel?: number; caption?: string } = {},
): string {
  const h = Math.min(options.headingLevel ?? 4, 6);
  let tables = 0;
  return parseMarkup(source)
    .map((b) => {
      switch (b.type) {
        case 'heading':
          return `<h${h} class="govuk-heading-s">${escapeHtml(b.text)}</h${h}>`;
        case 'paragraph':
          return `<p class="govuk-body">${escapeHtml(b.text)}</p>`;
        case 'list':
          return `<ul class="govuk-list govuk-list--bullet">${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
        default: {
          tables++;
          const caption = `${options.caption ?? 'Table'} ${tables}`;
          const head = b.header
            .map((c) => `<th scope="col" class="govuk-table__header">${escapeHtml(c)}</th>`)
            .join('');
          const body = b.rows
            .map(
              (r) =>
                `<tr class="govuk-table__row">${r.map((c) => `<td class="govuk-table__cell">${escapeHtml(c)}</td>`).join('')}</tr>`,
            )
            .join('');
          return `<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">${escapeHtml(caption)}</caption><thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead><tbody class="govuk-table__body">${body}</tbody></table>`;
        }
      }
    })
    .join('\n');
}

/** The plain text of some HTML this service made, for checking what a reader would see. */
export function textOfHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
