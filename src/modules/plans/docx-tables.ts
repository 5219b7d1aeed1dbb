/**
 * The tables of a Word document (DOCX) as rows of cells, the way a committee
 * received them: the document's word/document.xml is read with the zip
 * reader Oversight already uses (fflate) and a small reader of the few
 * WordprocessingML elements a table needs. Cells merged across columns keep
 * their text in the first column; cells merged down repeat the text above,
 * so each row reads on its own. "Priority 1: ..." paragraphs between tables
 * become one-cell rows, as sub-headings inside a table are.
 *
 * The upload has already been checked as a zip (entry count, expansion,
 * ratio) by the platform's upload handling before this reads it.
 */
import { unzipSync } from 'fflate';

export class UnreadableDocxError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e] ?? whole;
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`${name}="([^"]*)"`).exec(attrs);
  return m ? decode(m[1]!) : undefined;
}

/** The document's body XML, or an error a person can act on. */
export function documentXml(data: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter: (f) => f.name === 'word/document.xml' });
  } catch {
    throw new UnreadableDocxError(
      'The file could not be read as a Word document. Save it as .docx and try again',
    );
  }
  const xml = files['word/document.xml'];
  if (!xml) throw new UnreadableDocxError('The file is not a Word document (.docx): it has no document body');
  return new TextDecoder().decode(xml);
}

interface CellState {
  text: string[];
  span: number;
  /** Continues the merged cell above (w:vMerge without "restart"). */
  continues: boolean;
}

/** Rows of cell text from every table in the document, top-level tables in order. */
export function tablesFromXml(xml: string): string[][] {
  const rows: string[][] = [];
  const tag = /<(\/?)(w:[A-Za-z]+)([^>]*?)(\/?)>|([^<]+)/g;
  let depth = 0; // table nesting
  let row: CellState[] | null = null;
  let cell: CellState | null = null;
  let paragraph: string[] = [];
  let inText = false;
  let outsideParagraph = '';
  const above: string[] = []; // last text seen in each column, for cells merged down

  const endRow = () => {
    if (!row) return;
    const out: string[] = [];
    for (const c of row) {
      const col = out.length;
      const text = c.continues ? (above[col] ?? '') : c.text.join('\n').trim();
      out.push(text);
      above[col] = text;
      for (let i = 1; i < c.span; i++) {
        out.push('');
        above[col + i] = '';
      }
    }
    rows.push(out);
    row = null;
  };

  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, close, name, attrs = '', selfClose, text] = m;
    if (text !== undefined) {
      if (inText) paragraph.push(decode(text));
      continue;
    }
    const opening = !close;
    switch (name) {
      case 'w:tbl':
        if (opening) depth += 1;
        else depth -= 1;
        if (!opening && depth === 0) above.length = 0;
        break;
      case 'w:tr':
        if (depth !== 1) break;
        if (opening) row = [];
        else endRow();
        break;
      case 'w:tc':
        if (depth !== 1 || !row) break;
        if (opening) cell = { text: [], span: 1, continues: false };
        else if (cell) {
          row.push(cell);
          cell = null;
        }
        break;
      case 'w:gridSpan':
        if (cell && depth === 1) cell.span = Math.max(1, Math.min(64, Number(attr(attrs, 'w:val')) || 1));
        break;
      case 'w:vMerge':
        if (cell && depth === 1) cell.continues = attr(attrs, 'w:val') !== 'restart';
        break;
      case 'w:t':
        inText = opening && !selfClose;
        break;
      case 'w:tab':
        paragraph.push('\t');
        break;
      case 'w:br':
        paragraph.push('\n');
        break;
      case 'w:p':
        if (opening && !selfClose) paragraph = [];
        else {
          const line = paragraph.join('').trim();
          paragraph = [];
          if (cell) cell.text.push(line);
          else if (depth === 0 && line) outsideParagraph = line;
          if (depth === 0 && /^priority\s*\d+/i.test(outsideParagraph)) {
            rows.push([outsideParagraph]);
          }
          outsideParagraph = '';
        }
        break;
      default:
        break;
    }
  }
  return rows.map((r) => r.map((c) => c.replace(/\n{2,}/g, '\n').trim()));
}

/** The rows of every table in a DOCX file. */
export function readDocxTables(data: Uint8Array): string[][] {
  const rows = tablesFromXml(documentXml(data));
  if (rows.length === 0)
    throw new UnreadableDocxError('The Word document has no tables. Import the plan table');
  return rows;
}
