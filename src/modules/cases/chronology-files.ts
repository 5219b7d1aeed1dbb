/**
 * The child's chronology as a document to share: DOCX (docx) and PDF (the
 * print page printed by headless Chromium, src/platform/documents/pdf.ts),
 * each carrying the organisation's protective marking at the head and foot of
 * every page. No database here: the routes pass the chronology as read (and
 * access-audited) by the practice service.
 */
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { formatDate, formatDateTime } from '../../platform/http/views';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ChronologyDocumentEvent {
  date: string;
  category: string;
  title: string;
  detail: string | null;
  note: { significance: string; authorName: string; createdAt: Date | string } | null;
}

export interface ChronologyDocument {
  childName: string;
  /** The filters in force, in words ("Every event in the record."). */
  shown: string;
  order: 'newest' | 'oldest';
  /** When the document was made. */
  at: Date;
  events: readonly ChronologyDocumentEvent[];
}

export const documentTitle = (doc: ChronologyDocument) => `Chronology: ${doc.childName}`;

export const orderSentence = (doc: ChronologyDocument) =>
  `${doc.events.length} ${doc.events.length === 1 ? 'event' : 'events'}, ${doc.order === 'newest' ? 'newest' : 'oldest'} first.`;

function marked(marking: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: marking, bold: true })],
  });
}

/** The chronology as a Word document, marked at the head and foot of every page. */
export async function writeChronologyDocx(doc: ChronologyDocument, marking: string): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(documentTitle(doc))] }),
    new Paragraph({ children: [new TextRun(doc.shown)] }),
    new Paragraph({ children: [new TextRun(`${orderSentence(doc)} Made ${formatDateTime(doc.at)}.`)] }),
  ];
  for (const e of doc.events) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [new TextRun(`${formatDate(e.date)}: ${e.title}`)],
      }),
      new Paragraph({ children: [new TextRun({ text: e.category, italics: true })] }),
    );
    if (e.detail) children.push(new Paragraph({ children: [new TextRun(e.detail)] }));
    if (e.note) {
      children.push(
        new Paragraph({
          children: [
            new TextRun({ text: 'What it meant for the child: ', bold: true }),
            new TextRun(e.note.significance),
          ],
        }),
        new Paragraph({
          children: [
            new TextRun({
              text: `Written by ${e.note.authorName}, ${formatDateTime(e.note.createdAt)}`,
              size: 18,
            }),
          ],
        }),
      );
    }
  }
  const document = new Document({
    creator: 'Oversight',
    title: documentTitle(doc),
    subject: marking,
    styles: { default: { document: { run: { font: 'Arial' } } } },
    sections: [
      {
        headers: { default: new Header({ children: [marked(marking)] }) },
        footers: { default: new Footer({ children: [marked(marking)] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
