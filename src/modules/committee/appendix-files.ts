/**
 * Uploaded appendices, pure: which files a report may carry (PDF, DOCX,
 * XLSX, CSV), the text disclosure control reads from them, and the pages
 * each fills in a pack. A PDF's text is not read (nothing here can read it
 * reliably): a public PDF appendix is a finding the clerk must look at and
 * let through with a reason. The platform has already checked the upload's
 * size and, for the zip-based formats, its entries and expansion.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { decodeText, EncodingError } from '../../platform/text-encoding';

export const APPENDIX_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;
export type AppendixFileType = keyof typeof APPENDIX_TYPES;

/** The largest appendix: a pack of officers' papers, not a data dump (below the platform's own limit). */
export const MAX_APPENDIX_BYTES = 10 * 1024 * 1024;

export class UnreadableAppendixError extends Error {}

export interface ReadAppendix {
  type: AppendixFileType;
  contentType: string;
  pages: number;
  /** The text for disclosure control; null for a PDF. */
  text: string | null;
}

export function appendixTypeOf(filename: string): AppendixFileType | null {
  const ext = filename.split('.').pop()?.toLowerCase() ?? '';
  return ext in APPENDIX_TYPES ? (ext as AppendixFileType) : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? whole),
  );

/** A Word document's text: its paragraphs, one a line, table cells apart. */
export function docxText(data: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter: (f) => f.name === 'word/document.xml' });
  } catch {
    throw new UnreadableAppendixError(
      'The file could not be read as a Word document. Save it as .docx and try again',
    );
  }
  const xml = files['word/document.xml'];
  if (!xml)
    throw new UnreadableAppendixError('The file is not a Word document. Save it as .docx and try again');
  return decodeXml(
    new TextDecoder()
      .decode(xml)
      .replace(/<\/w:p>|<w:br\/>|<\/w:tc>/g, '\n')
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Rows as the report markup's table lines ("| a | b |"), so that disclosure
 * control checks an uploaded table's cells for small numbers as it does a
 * report's tables (the first row is the header, as in a spreadsheet).
 */
export function tableText(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows
    .filter((r) => r.some((c) => c.trim()))
    .map((r) => `| ${r.map((c) => c.replace(/[|\r\n]+/g, ' ').trim()).join(' | ')} |`)
    .join('\n');
}

async function xlsxText(data: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableAppendixError(
      'The file could not be read as an Excel workbook. Save it as .xlsx and try again',
    );
  }
  const sheets: string[] = [];
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text);
      rows.push(cells);
    });
    sheets.push(`${ws.name}\n\n${tableText(rows)}`);
  });
  return sheets.join('\n\n');
}

function csvText(data: Buffer): string {
  try {
    const rows = parseCsv(decodeText(data, 'The file').text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
    }) as string[][];
    return tableText(rows);
  } catch (e) {
    if (e instanceof EncodingError) throw new UnreadableAppendixError(e.message);
    throw new UnreadableAppendixError('The file could not be read as CSV. Save it as CSV and try again');
  }
}

/** Check and read an uploaded appendix; a file it cannot take throws UnreadableAppendixError saying why. */
export async function readAppendix(filename: string, data: Buffer): Promise<ReadAppendix> {
  const type = appendixTypeOf(filename);
  if (!type)
    throw new UnreadableAppendixError('The appendix must be a PDF, Word (.docx), Excel (.xlsx) or CSV file');
  if (data.length === 0) throw new UnreadableAppendixError('The selected file is empty');
  if (data.length > MAX_APPENDIX_BYTES)
    throw new UnreadableAppendixError('The appendix must be smaller than 10 MB');
  const contentType = APPENDIX_TYPES[type];
  if (type === 'pdf') {
    try {
      const pdf = await PDFDocument.load(data, { updateMetadata: false });
      return { type, contentType, pages: Math.max(1, pdf.getPageCount()), text: null };
    } catch {
      throw new UnreadableAppendixError(
        'The file could not be read as a PDF (or it is password protected). Save it as a PDF again and try again',
      );
    }
  }
  const text = type === 'docx' ? docxText(data) : type === 'xlsx' ? await xlsxText(data) : csvText(data);
  // Outside a PDF the pack shows one page saying where to find the file.
  return { type, contentType, pages: 1, text };
}
