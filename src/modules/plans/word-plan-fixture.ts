/**
 * A synthetic service improvement plan as a committee receives it: a Word
 * table of 120 actions across five priorities, built with the docx package.
 * Its shape follows real plans (Ref | Does what? | Who? | By when? | RAG
 * rated progress | Comments), never their content: priority rows merged
 * across the table, sub-heading rows, a "Who?" cell merged down, several
 * leads ("JF/RG", "HAI and HCIC"), month-only and season dates, "ongoing",
 * tags after references ("1.2 (QA)"), a priority that restarts its
 * numbering, a blank and a duplicated reference, blank RAGs and comments
 * credited to a lead ("RG: ..."). For tests only.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';

export const WORD_PLAN_LEADS = [
  { initials: 'JF', jobTitle: 'Head of Service, Family Help' },
  { initials: 'RG', jobTitle: 'Head of Quality Assurance' },
  { initials: 'HAI', jobTitle: 'Head of Access and Intervention' },
  { initials: 'HCIC', jobTitle: 'Head of Children in Care' },
  { initials: 'PSW', jobTitle: 'Principal Social Worker' },
];

const HEADINGS = ['Ref', 'Does what?', 'Who?', 'By when?', 'RAG rated progress', 'Comments'];
/** Who leads, as the "Who?" column writes it: initials, several leads, a post title. */
export const WORD_PLAN_WHO = ['JF', 'RG', 'JF/RG', 'HAI and HCIC', 'PSW', 'Principal Social Worker'];
const WHEN = ['Mar-16', 'April 2017', 'Summer 2017', 'ongoing', '31/03/2017', 'Q3 2017'];
const RAGS = ['Green', 'Amber', 'Red', '', 'Green - on track, audits show progress', 'Complete'];

export interface WordPlanAction {
  priority: number;
  reference: string;
  who: string;
  when: string;
  rag: string;
  comment: string;
  subHeading: string | null;
}

/** The rows the document holds, for tests to compare against what the import reads. */
export function wordPlanActions(who: readonly string[] = WORD_PLAN_WHO): WordPlanAction[] {
  const WHO = who;
  const out: WordPlanAction[] = [];
  let n = 0;
  for (let p = 1; p <= 5; p++) {
    for (let i = 1; i <= 24; i++) {
      // Priority 5 restarts its numbering at 1.1; priority 2 tags its references.
      const major = p === 5 ? 1 : p;
      let reference = `${major}.${i}`;
      if (p === 2 && i <= 3) reference = `${reference} (${i === 3 ? 'A4C' : 'QA'})`;
      if (p === 3 && i === 14) reference = '3.13'; // written twice
      if (p === 4 && i === 7) reference = ''; // left blank
      // The second action under each sub-heading shares the first's merged "Who?" cell.
      const sharesWho = i === 2 || i === 14;
      out.push({
        priority: p,
        reference,
        who: sharesWho ? out[out.length - 1]!.who : WHO[n % WHO.length]!,
        when: WHEN[n % WHEN.length]!,
        rag: RAGS[n % RAGS.length]!,
        comment:
          n % 4 === 0
            ? `RG: reviewed at month end, item ${n + 1}`
            : n % 4 === 1
              ? `Progress noted, item ${n + 1}`
              : '',
        subHeading:
          i <= 12 ? 'Leadership, management and governance' : 'Specific aim: practice is consistently good',
      });
      n += 1;
    }
  }
  return out;
}

function cell(text: string, options: { span?: number; merge?: 'restart' | 'continue' } = {}): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun(text)] })],
    columnSpan: options.span,
    verticalMerge:
      options.merge === 'restart'
        ? VerticalMergeType.RESTART
        : options.merge === 'continue'
          ? VerticalMergeType.CONTINUE
          : undefined,
  });
}

/** The plan as a DOCX file. */
export async function wordPlanDocx(who: readonly string[] = WORD_PLAN_WHO): Promise<Buffer> {
  const actions = wordPlanActions(who);
  const rows: TableRow[] = [new TableRow({ children: HEADINGS.map((h) => cell(h)), tableHeader: true })];
  let lastPriority = 0;
  let lastSub: string | null = null;
  actions.forEach((a, i) => {
    if (a.priority !== lastPriority) {
      rows.push(
        new TableRow({
          children: [cell(`Priority ${a.priority}: Improvement area ${a.priority}`, { span: 6 })],
        }),
      );
      lastPriority = a.priority;
      lastSub = null;
    }
    if (a.subHeading !== lastSub) {
      rows.push(new TableRow({ children: [cell(a.subHeading!, { span: 6 })] }));
      lastSub = a.subHeading;
    }
    // The first two actions of each sub-heading share one merged "Who?" cell.
    const next = actions[i + 1];
    const prev = actions[i - 1];
    const startsPair =
      next && next.subHeading === a.subHeading && next.priority === a.priority && next.who === a.who;
    const continuesPair =
      prev && prev.subHeading === a.subHeading && prev.priority === a.priority && prev.who === a.who;
    rows.push(
      new TableRow({
        children: [
          cell(a.reference),
          cell(`Action ${i + 1}: improve the service`),
          cell(
            continuesPair ? '' : a.who,
            continuesPair ? { merge: 'continue' } : startsPair ? { merge: 'restart' } : {},
          ),
          cell(a.when),
          cell(a.rag),
          cell(a.comment),
        ],
      }),
    );
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            children: [new TextRun({ text: 'Service improvement plan (synthetic)', bold: true })],
          }),
          new Table({ rows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
