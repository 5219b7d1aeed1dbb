/**
 * Uploaded appendices, pure: which files a report may carry (PDF, DOCX,
 * XLSX, CSV), the text disclosure control reads from them, and the pages
 * each fills in a pack. A PDF's text is not read (nothing here can read it
 * reliably): a public PDF appendix is a finding the clerk must look at and
 * let through with a reason. The platform has already checked the upload's
 * size and, for the zip-based formats, its entries and expansion.
 */
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

async function xlsxText(data: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableAppendixError(
      'The file could not be read as an Excel workbook. Save it as .xlsx and try again',
    );
  }
  const lines: string[] = [];
  wb.eachSheet((ws) => {
    lines.push(ws.name);
    ws.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        cells.push(cell.text);
      });
      lines.push(cells.join('\t'));
    });
  });
  return lines.join('\n');
}

function csvText(data: Buffer): string {
  try {
    return decodeText(data, 'The file').text;
  } catch (e) {
    if (e instanceof EncodingError) throw new UnreadableAppendixError(e.message);
    throw e;
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
