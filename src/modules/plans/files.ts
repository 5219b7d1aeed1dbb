/**
 * File formats for plans: XLSX (exceljs) and CSV in and out, DOCX (the
 * committee table, landscape) and PDF (the print page, printed by headless
 * Chromium where it is installed). No database here.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { csvSafe } from '../../platform/csv';
import { decodeText, EncodingError } from '../../platform/text-encoding';
import type { PlanDocument } from './document';
import { readDocxTables, UnreadableDocxError } from './docx-tables';
import { countsLine, headerLines, type Layout, textTable } from './layouts';
import { type Cell, documentToRows, rowsForCsv } from './table-io';
import type { RagCode } from './vocab';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// ------------------------------------------------------------------ XLSX

/** The label of the first row of an exported workbook, which the import passes over. */
export const MARKING_LABEL = 'Protective marking';

/**
 * The plan as a workbook, marked with the organisation's protective marking:
 * in its first row, its properties, and the header and footer of every
 * printed page.
 */
export async function writeXlsx(doc: PlanDocument, marking: string): Promise<Buffer> {
  const rows: Cell[][] = [[MARKING_LABEL, marking], ...documentToRows(doc)];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Oversight';
  wb.category = marking;
  wb.description = `${MARKING_LABEL}: ${marking}`;
  const ws = wb.addWorksheet('Plan', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
    headerFooter: {
      oddHeader: `&C&B${excelHeaderText(marking)}`,
      oddFooter: `&L&B${excelHeaderText(marking)}&RPage &P of &N`,
    },
  });
  const headerRowIndex = rows.findIndex((r) => r[0] === 'Priority');
  rows.forEach((r, i) => {
    const row = ws.addRow(r);
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    if (i < headerRowIndex) row.getCell(1).font = { bold: true };
    if (i === headerRowIndex) row.font = { bold: true };
  });
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 34 : [4, 12, 14, 18].includes(i) ? 40 : 16;
  });
  ws.views = [{ state: 'frozen', ySplit: headerRowIndex + 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Text for an Excel page header or footer, where & starts a code. */
function excelHeaderText(text: string): string {
  return text.replaceAll('&', '&&');
}

function plainCell(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('hyperlink' in value) return plainCell(value.text as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value)
      return plainCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return String(value);
}

export class UnreadableFileError extends Error {}

/** The first worksheet as rows of cells; row i of the result is spreadsheet row i + 1. */
export async function readXlsx(data: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError(
      'The file could not be read as an Excel workbook. Save it as .xlsx and try again',
    );
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new UnreadableFileError('The workbook has no worksheets');
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(plainCell(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

// ------------------------------------------------------------------ CSV

/** The plan as CSV, every cell made safe to open in a spreadsheet (csvSafe); readCsv undoes that. */
export function writeCsv(doc: PlanDocument): string {
  return stringifyCsv(rowsForCsv(documentToRows(doc)).map((r) => r.map(csvSafe)));
}

/** A cell csvSafe guarded ("'=x") reads back as it was written ("=x"). */
function unguard(cell: unknown): unknown {
  return typeof cell === 'string' && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export function readCsv(data: Buffer): unknown[][] {
  try {
    const { text } = decodeText(data, 'The file');
    const rows = parseCsv(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as unknown[][];
    return rows.map((r) => r.map(unguard));
  } catch (e) {
    if (e instanceof EncodingError) throw new UnreadableFileError(e.message);
    const line = (e as { lines?: number }).lines;
    throw new UnreadableFileError(
      `The file could not be read as CSV${line ? ` at line ${line}` : ''}. Save it as CSV and try again`,
    );
  }
}

export async function readPlanFile(filename: string, data: Buffer): Promise<unknown[][]> {
  const ext = filename.split('.').pop()?.toLowerCase();
  if (ext === 'xlsx') return readXlsx(data);
  if (ext === 'csv') return readCsv(data);
  if (ext === 'docx') {
    try {
      return readDocxTables(data);
    } catch (e) {
      if (e instanceof UnreadableDocxError) throw new UnreadableFileError(e.message);
      throw e;
    }
  }
  throw new UnreadableFileError(
    'The file must be a Word document (.docx), an Excel workbook (.xlsx) or a CSV file (.csv)',
  );
}

// ------------------------------------------------------------------ DOCX

const RAG_FILL: Record<RagCode, string> = {
  red: 'F4CDC6',
  amber: 'FCD6C3',
  green: 'CCE2D8',
  blue: 'D2E2F1',
  not_rated: 'F3F2F1',
};
const SMALL = 16; // half-points: 8pt, so thirteen columns fit a landscape page

function textParagraphs(text: string, bold = false): Paragraph[] {
  return text
    .split('\n')
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, size: SMALL })] }));
}

/** A centred, bold line of the protective marking, for the header and footer of every page. */
function markingParagraph(marking: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: marking, bold: true })],
  });
}

export async function writeDocx(
  doc: PlanDocument,
  layout: Layout,
  title: string,
  marking: string,
): Promise<Buffer> {
  const table = textTable(doc, layout);
  const header = new TableRow({
    tableHeader: true,
    children: table.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: table.widths[i]!, type: WidthType.PERCENTAGE },
          shading: { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' },
          children: textParagraphs(c, true),
        }),
    ),
  });
  const rows: TableRow[] = [header];
  for (const s of table.sections) {
    if (s.heading) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              columnSpan: table.columns.length,
              shading: { type: ShadingType.CLEAR, fill: 'F3F2F1', color: 'auto' },
              children: textParagraphs(s.heading, true),
            }),
          ],
        }),
      );
    }
    for (const r of s.rows) {
      rows.push(
        new TableRow({
          children: r.map(
            (cell, i) =>
              new TableCell({
                width: { size: table.widths[i]!, type: WidthType.PERCENTAGE },
                ...(cell.rag
                  ? { shading: { type: ShadingType.CLEAR, fill: RAG_FILL[cell.rag], color: 'auto' } }
                  : {}),
                children: textParagraphs(cell.text, Boolean(cell.rag)),
              }),
          ),
        }),
      );
    }
  }
  const document = new Document({
    creator: 'Oversight',
    title,
    subject: marking,
    styles: { default: { document: { run: { font: 'Arial' } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: { top: 720, bottom: 720, left: 720, right: 720 },
          },
        },
        headers: { default: new Header({ children: [markingParagraph(marking)] }) },
        footers: { default: new Footer({ children: [markingParagraph(marking)] }) },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
          ...headerLines(doc).map(
            ([label, value]) =>
              new Paragraph({
                children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
              }),
          ),
          new Paragraph({ children: [new TextRun({ text: `Status: ${countsLine(doc)}`, bold: true })] }),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            children: [
              new TextRun({
                text: `RAG key: ${doc.ragKey.map((k) => `${k.label} – ${k.meaning}`).join(' ')}`,
                size: SMALL,
              }),
            ],
          }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

// ------------------------------------------------------------------ PDF

// Printing HTML to PDF is the platform's (other modules' documents print the same way).
export { chromiumPath, htmlToPdf } from '../../platform/documents/pdf';

export type { Cell };
