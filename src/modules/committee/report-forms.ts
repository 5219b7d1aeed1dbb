/** The report form: cover sheet and body sections (structured text, see markup.ts). */
import { z } from 'zod';
import { hasControlCharacters } from '../../platform/errors';
import { blankToUndefined } from '../../platform/http/forms';
import type { ItemRow, ReportRow } from './repository';

const checked = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`)
    .refine((v) => !hasControlCharacters(v), 'Remove the control characters (copied from another program)');
const text = (label: string, max: number) => z.preprocess(blankToUndefined, checked(label, max));
// Blank is left out: a browser sends every field, the optional ones empty.
const optional = (label: string, max: number) =>
  z.preprocess(blankToUndefined, checked(label, max).optional()).transform((v) => v ?? null);

export const reportSchema = z
  .object({
    subject: text('the subject', 300),
    corporateOutcomes: optional('the corporate plan outcomes', 1000),
    spending: optional('the additional spending', 1000),
    reportOf: text('whose report it is (the chief officer)', 200),
    author: text('the report author', 200),
    authorContact: optional('the author’s contact details', 300),
    summary: text('the summary', 20_000),
    recommendations: text('the recommendations', 20_000),
    mainReport: text('the main report', 100_000),
    implications: optional('the implications', 20_000),
    conclusion: optional('the conclusion', 20_000),
    backgroundPapers: optional('the background papers', 5000),
  })
  .transform((d) => ({
    cover: {
      subject: d.subject,
      corporateOutcomes: d.corporateOutcomes,
      spending: d.spending,
      reportOf: d.reportOf,
      author: d.author,
      authorContact: d.authorContact,
    },
    body: {
      summary: d.summary,
      recommendations: d.recommendations,
      mainReport: d.mainReport,
      implications: d.implications,
      conclusion: d.conclusion,
      backgroundPapers: d.backgroundPapers,
    },
  }));

export const appendixSchema = z.object({
  title: text('the appendix title', 200),
  visibility: z.enum(['public', 'non-public'], {
    error: 'Choose whether the appendix is public or non-public',
  }),
  component: z.string({ error: 'Choose what to embed' }).min(3, 'Choose what to embed').max(300),
});

/** The form's values from a saved report, or a new one's from its agenda item. */
export function reportValues(report: ReportRow | null, item: ItemRow): Record<string, unknown> {
  if (!report)
    return {
      subject: item.title,
      reportOf: item.fromOfficer ?? '',
      recommendations: 'Members are asked to:\n- note the report',
    };
  return { ...report.cover, ...report.body };
}

/** The upload form's fields (the file itself is read apart). */
export const appendixFileSchema = z.object({
  fileTitle: text('the appendix title', 200),
  fileVisibility: z.enum(['public', 'non-public'], {
    error: 'Choose whether the appendix is public or non-public',
  }),
});
