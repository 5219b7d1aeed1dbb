import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { MAX_APPENDIX_BYTES, readAppendix, UnreadableAppendixError } from './appendix-files';

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });

describe('uploaded appendices', () => {
  it('reads the text of a Word document, its tables included, for disclosure control', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Visits & reviews'),
            new Table({ rows: [new TableRow({ children: [cell('Tamsin Quarrie'), cell('3')] })] }),
          ],
        },
      ],
    });
    const read = await readAppendix('letter.DOCX', await Packer.toBuffer(doc));
    expect(read.type).toBe('docx');
    expect(read.pages).toBe(1);
    expect(read.text).toContain('Visits & reviews');
    expect(read.text).toContain('Tamsin Quarrie');
  });

  it('reads every sheet of a workbook and a CSV file', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Teams').addRow(['North', 4]);
    const xlsx = await readAppendix('figures.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(xlsx.text).toContain('Teams');
    expect(xlsx.text).toContain('| North | 4 |');
    const csv = await readAppendix('figures.csv', Buffer.from('Team,Visits\nSouth,12\n'));
    expect(csv.contentType).toBe('text/csv');
    expect(csv.text).toBe('| Team | Visits |\n| South | 12 |');
  });

  it('counts a PDF’s pages and leaves its text unread', async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i < 4; i++) pdf.addPage();
    const read = await readAppendix('report.pdf', Buffer.from(await pdf.save()));
    expect(read).toMatchObject({ type: 'pdf', contentType: 'application/pdf', pages: 4, text: null });
  });

  it('refuses other files, empty and large ones, and ones that are not what their name says, saying why', async () => {
    const refused = async (name: string, data: Buffer) =>
      readAppendix(name, data).then(
        () => 'accepted',
        (e: Error) => (e instanceof UnreadableAppendixError ? e.message : `crashed: ${e.message}`),
      );
    expect(await refused('macro.xlsm', Buffer.from('x'))).toBe(
      'The appendix must be a PDF, Word (.docx), Excel (.xlsx) or CSV file',
    );
    expect(await refused('empty.csv', Buffer.alloc(0))).toBe('The selected file is empty');
    expect(await refused('big.csv', Buffer.alloc(MAX_APPENDIX_BYTES + 1, 65))).toBe(
      'The appendix must be smaller than 10 MB',
    );
    expect(await refused('fake.pdf', Buffer.from('not a pdf'))).toContain('could not be read as a PDF');
    expect(await refused('fake.docx', Buffer.from('not a zip'))).toContain(
      'could not be read as a Word document',
    );
    expect(await refused('fake.xlsx', Buffer.from('not a zip'))).toContain(
      'could not be read as an Excel workbook',
    );
  });
});
