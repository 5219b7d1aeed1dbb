/**
 * The quarterly safeguarding performance report, children's or adults'
 * (`?audience=adults`): read it, write
 * the commentary, sign it off (freezing it), and export it as HTML (to
 * print), PDF (where Chromium is installed), XLSX or CSV, each with the
 * protective marking. "As published" shows what a
 * committee paper would: the frozen report with small numbers suppressed.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { markedFilename } from '../../platform/branding/marking';
import { protectiveMarking } from '../../platform/branding/service';
import type { Quarter } from '../../platform/calendar/quarters';
import { today } from '../../platform/clock';
import { safeCsv } from '../../platform/csv';
import { chromiumPath, htmlToPdf } from '../../platform/documents/pdf';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { formatDate, formatDateTime } from '../../platform/http/views';
import { can } from '../../platform/permissions';
import { audienceParam, chosenAudience } from './audience';
import { AUDIENCE_LABELS } from './catalogue';
import {
  publishable,
  publishableBreakdown,
  type ReportBreakdown,
  type ReportRow,
  type ReportSnapshot,
} from './report';
import { chosenQuarter } from './routes';
import * as kpis from './service';
import { DIRECTION_LABELS, formatFigure, RAG_LABELS, RAG_TAGS } from './view-models';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface TableRow {
  code: string;
  title: string;
  quarters: string[];
  yearToDate: string;
  target: string;
  rag: { text: string; classes: string } | null;
  direction: string;
  england: string;
  commentary: string;
}

/** The report's rows as text: every figure, or as published (suppressed). */
function tableRows(
  rows: readonly ReportRow[],
  snapshot: ReportSnapshot | null,
  asPublished: boolean,
): TableRow[] {
  const published = asPublished && snapshot ? publishable(snapshot).rows : null;
  return rows.map((r, n) => ({
    code: r.code,
    title: r.title,
    quarters: published ? published[n]!.quarters : r.quarters.map((f) => formatFigure(f.value, r)),
    yearToDate: published ? published[n]!.yearToDate : formatFigure(r.yearToDate.value, r),
    target: r.target,
    rag: r.rag ? { text: RAG_LABELS[r.rag], classes: RAG_TAGS[r.rag] } : null,
    direction: r.direction ? DIRECTION_LABELS[r.direction] : 'Not known',
    england: r.benchmark?.england != null ? formatFigure(r.benchmark.england, r) : '–',
    commentary: r.commentary,
  }));
}

const HEADER = (labels: readonly string[]) => [
  'Code',
  'Indicator',
  ...labels,
  'Year to date',
  'Target',
  'RAG',
  'Direction of travel',
  'England',
  'Commentary',
];
const cells = (r: TableRow) => [
  r.code,
  r.title,
  ...r.quarters,
  r.yearToDate,
  r.target,
  r.rag?.text ?? 'None',
  r.direction,
  r.england,
  r.commentary,
];

const viewQuery = z.object({ view: z.enum(['internal', 'public']).catch('internal') });

/** The breakdown tables as text: every count, or as published (suppressed). */
function breakdownTables(breakdowns: readonly ReportBreakdown[], asPublished: boolean) {
  return breakdowns.map((b) =>
    asPublished
      ? publishableBreakdown(b)
      : {
          ...b,
          enquiries: b.enquiries.toLocaleString('en-GB'),
          rows: b.rows.map((r) => ({ label: r.label, count: r.count.toLocaleString('en-GB') })),
        },
  );
}
const formatParams = z.object({ format: z.enum(['html', 'pdf', 'xlsx', 'csv']) });

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock, views } = app.deps;

  async function load(req: FastifyRequest) {
    const quarter = chosenQuarter(req.query, today(clock));
    const { view } = viewQuery.parse(req.query ?? {});
    const audience = chosenAudience(req.query);
    const live = await kpis.liveReport(db, req.actor!.organisationId, quarter, clock.now(), audience, {
      clock,
    });
    const rows = live.signed?.rows ?? live.rows;
    const asPublished = view === 'public' && live.signed !== null;
    return {
      audience,
      quarter,
      live,
      view: asPublished ? 'public' : 'internal',
      rows: tableRows(rows, live.signed, asPublished),
      breakdowns: breakdownTables(
        live.signed ? (live.signed.breakdowns ?? []) : live.breakdowns,
        asPublished,
      ),
    };
  }

  async function renderReport(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: FormErrors; values?: Record<string, unknown> } = {},
  ) {
    const { audience, quarter, live, view, rows, breakdowns } = await load(req);
    return reply.render('kpis/views/report.njk', {
      title: `${AUDIENCE_LABELS[audience].report}, ${quarter.label}`,
      heading: AUDIENCE_LABELS[audience].report,
      audience,
      audienceParam: audienceParam(audience),
      breakdowns,
      quarter,
      quarterLabels: live.quarterLabels,
      signed: live.signed,
      signedAt: live.signed ? formatDate(live.signed.signedAt.slice(0, 10)) : null,
      computedAt: live.computedAt,
      overall: live.signed?.overall ?? live.overall,
      rows,
      view,
      pdf: chromiumPath() !== undefined,
      mayComment: !live.signed && can(req.actor, 'kpis.comment'),
      maySignOff: !live.signed && can(req.actor, 'kpis.signoff'),
      signedQuarters: await kpis.signedOffQuarters(db, req.actor!.organisationId, audience),
      errors: extra.errors,
      values: extra.values ?? {
        overall: live.overall,
        ...Object.fromEntries(live.rows.map((r) => [`comment-${r.code}`, r.commentary])),
      },
    });
  }

  app.get('/indicators/report', { config: { permission: 'kpis.read' } }, async (req, reply) =>
    renderReport(req, reply),
  );

  const changeContext = (req: FastifyRequest) => ({
    ...auditContext(req, clock),
    organisationId: req.actor!.organisationId,
    userId: req.actor!.userId,
  });
  const text = z.string().trim().max(5000, 'Commentary must be 5000 characters or fewer');

  app.post(
    '/indicators/report/commentary',
    { config: { permission: 'kpis.comment' } },
    async (req, reply) => {
      const quarter: Quarter = chosenQuarter(req.query, today(clock));
      const audience = chosenAudience(req.query);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const texts = new Map<string, string>();
      const fields: Record<string, string> = {};
      const overall = text.safeParse(body.overall ?? '');
      if (overall.success) texts.set(kpis.OVERALL, overall.data);
      else fields.overall = overall.error.issues[0]!.message;
      const codes = (await kpis.listIndicators(db, req.actor!.organisationId, clock.now(), audience)).map(
        (i) => i.code,
      );
      for (const code of codes) {
        const key = `comment-${code}`;
        if (!(key in body)) continue;
        const parsed = text.safeParse(body[key]);
        if (parsed.success) texts.set(code, parsed.data);
        else fields[key] = parsed.error.issues[0]!.message;
      }
      if (Object.keys(fields).length)
        return renderReport(req, reply.code(400), { errors: formErrors(fields), values: body });
      try {
        const changed = await kpis.saveCommentary(db, changeContext(req), quarter, texts, audience);
        reply.flash(changed ? 'Commentary saved' : 'Nothing changed');
        return reply.redirect(`/indicators/report?quarter=${quarter.first}${audienceParam(audience)}`);
      } catch (e) {
        if (e instanceof ValidationError)
          return renderReport(req, reply.code(400), { errors: formErrors(e.fields), values: body });
        throw e;
      }
    },
  );

  app.post('/indicators/report/sign-off', { config: { permission: 'kpis.signoff' } }, async (req, reply) => {
    const quarter = chosenQuarter(req.query, today(clock));
    const audience = chosenAudience(req.query);
    try {
      await kpis.signOffReport(db, { ...changeContext(req), name: req.actor!.name }, quarter, audience);
      reply.flash(`The ${quarter.label} report is signed off and frozen`);
      return reply.redirect(`/indicators/report?quarter=${quarter.first}${audienceParam(audience)}`);
    } catch (e) {
      if (e instanceof ValidationError)
        return renderReport(req, reply.code(400), { errors: formErrors(e.fields) });
      throw e;
    }
  });

  app.get(
    '/indicators/report/export/:format',
    { config: { permission: 'kpis.read' } },
    async (req, reply) => {
      const parsed = formatParams.safeParse(req.params);
      if (!parsed.success) throw new NotFoundError();
      const { audience, quarter, live, view, rows, breakdowns } = await load(req);
      const marking = await protectiveMarking(db, req.actor!.organisationId);
      const state = live.signed
        ? `Signed off by ${live.signed.signedBy} on ${formatDate(live.signed.signedAt.slice(0, 10))}${view === 'public' ? ', as published' : ''}`
        : `Draft: not signed off, figures as at ${formatDateTime(live.computedAt)}`;
      const base = `${audience === 'adults' ? 'adults' : 'childrens'}-safeguarding-performance-${quarter.label.replace(/\s+/g, '-')}`;
      const attach = (name: string) => `attachment; filename="${markedFilename(marking, name)}"`;
      const title = `${AUDIENCE_LABELS[audience].report}, ${quarter.label}`;
      const breakdownLines = breakdowns.flatMap((b) => [
        [],
        [`${b.title}: concluded section 42 enquiries`, b.enquiries],
        ...b.rows.map((r) => [r.label, r.count]),
      ]);
      const overall = live.signed?.overall ?? live.overall;
      switch (parsed.data.format) {
        case 'csv':
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', attach(`${base}.csv`))
            .send(
              safeCsv(
                ['Protective marking', marking, title, state],
                [[], HEADER(live.quarterLabels), ...rows.map(cells), ...breakdownLines],
              ),
            );
        case 'xlsx': {
          const wb = new ExcelJS.Workbook();
          wb.creator = 'Oversight';
          wb.category = marking;
          const ws = wb.addWorksheet('Indicators', {
            pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
            headerFooter: { oddHeader: `&C&B${marking.replaceAll('&', '&&')}`, oddFooter: '&RPage &P of &N' },
          });
          ws.addRow(['Protective marking', marking]).font = { bold: true };
          ws.addRow([title]);
          ws.addRow([state]);
          ws.addRow(['Overall commentary', overall]);
          ws.addRow([]);
          ws.addRow(HEADER(live.quarterLabels)).font = { bold: true };
          for (const r of rows) ws.addRow(cells(r)).alignment = { wrapText: true, vertical: 'top' };
          for (const line of breakdownLines) ws.addRow(line);
          ws.columns.forEach((col, i) => {
            col.width = i === 1 || i === 12 ? 40 : 14;
          });
          return reply
            .header('content-type', XLSX_TYPE)
            .header('content-disposition', attach(`${base}.xlsx`))
            .send(Buffer.from(await wb.xlsx.writeBuffer()));
        }
        case 'html':
        case 'pdf': {
          const html = views.render('kpis/views/report-print.njk', {
            title,
            marking,
            state,
            overall,
            quarter,
            quarterLabels: live.quarterLabels,
            rows,
            breakdowns,
            suppressed: view === 'public',
          });
          if (parsed.data.format === 'html') {
            return reply
              .header('content-type', 'text/html; charset=utf-8')
              .header('content-disposition', attach(`${base}.html`))
              .send(html);
          }
          if (!chromiumPath()) throw new NotFoundError();
          return reply
            .header('content-type', 'application/pdf')
            .header('content-disposition', attach(`${base}.pdf`))
            .send(await htmlToPdf(html, marking));
        }
      }
    },
  );
}
