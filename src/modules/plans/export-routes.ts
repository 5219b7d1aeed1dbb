/**
 * Print view and downloads (XLSX, CSV, DOCX, PDF) of a plan or a
 * snapshot, each with its protective marking.
 */

import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { markedFilename } from '../../platform/branding/marking';
import { protectiveMarking } from '../../platform/branding/service';
import { today } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { auditContext } from '../../platform/http/server';
import { scrollableTables } from '../../platform/http/table-regions';
import { formatDate } from '../../platform/http/views';
import type { Actor } from '../../platform/permissions';
import type { PlanDocument } from './document';
import { chromiumPath, DOCX_TYPE, htmlToPdf, writeCsv, writeDocx, writeXlsx, XLSX_TYPE } from './files';
import { countsLine, headerLines, type Layout, textTable } from './layouts';
import { appCss, id, num, V } from './route-helpers';
import * as plans from './service';
import { PERMISSIONS as P } from './service';
import { layoutOf } from './view-models';
import { RAG_TAG_CLASS } from './vocab';

export async function exportRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock, views } = app.deps;

  const actor = (req: FastifyRequest): Actor => req.actor!;
  const ctx = (req: FastifyRequest) => auditContext(req, clock);
  const todayIso = () => today(clock);
  const pdfAvailable = () => chromiumPath() !== undefined;

  // ---------------------------------------------------------------- print, PDF and files

  function printHtml(
    doc: PlanDocument,
    layout: Layout,
    title: string,
    subtitle: string,
    marking: string,
    inlineCss?: string,
  ) {
    const table = textTable(doc, layout);
    const html = views.render(V('print'), {
      title,
      marking,
      // A PDF carries the marking in every page's header and footer instead.
      markedByPrinter: inlineCss !== undefined,
      subtitle,
      header: headerLines(doc),
      countsLine: countsLine(doc),
      ragKey: doc.ragKey,
      table,
      tagClass: RAG_TAG_CLASS,
      inlineCss,
    });
    // On screen the page reflows at 320 px, its table scrolling in its own region; a PDF prints it whole.
    return inlineCss === undefined ? scrollableTables(html) : html;
  }

  async function sendDocument(
    reply: FastifyReply,
    format: string,
    doc: PlanDocument,
    layout: Layout,
    title: string,
    filenameBase: string,
  ) {
    const marking = await protectiveMarking(db, reply.request.actor!.organisationId);
    const attach = (name: string) => `attachment; filename="${markedFilename(marking, name)}"`;
    switch (format) {
      case 'xlsx':
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attach(`${filenameBase}.xlsx`))
          .send(await writeXlsx(doc, marking));
      case 'csv':
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', attach(`${filenameBase}.csv`))
          .send(writeCsv(doc));
      case 'docx':
        return reply
          .header('content-type', DOCX_TYPE)
          .header('content-disposition', attach(`${filenameBase}.docx`))
          .send(await writeDocx(doc, layout, title, marking));
      case 'pdf': {
        if (!pdfAvailable()) throw new NotFoundError();
        const css = await readFile(appCss, 'utf8');
        const pdf = await htmlToPdf(printHtml(doc, layout, title, '', marking, css), marking);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attach(`${filenameBase}.pdf`))
          .send(pdf);
      }
      default:
        throw new NotFoundError();
    }
  }

  const formatParam = (req: FastifyRequest) => {
    const f = (req.params as Record<string, string>).format;
    if (!['xlsx', 'csv', 'docx', 'pdf'].includes(f ?? '')) throw new NotFoundError();
    return f!;
  };

  app.get('/plans/:planId/export/:format', { config: { permission: P.export } }, async (req, reply) => {
    const format = formatParam(req);
    const out = await plans.documentForExport(db, actor(req), ctx(req), id(req, 'planId'), { format });
    return sendDocument(
      reply,
      format,
      out.document,
      layoutOf(req, out.document),
      out.title,
      out.filenameBase,
    );
  });

  app.get(
    '/plans/:planId/snapshots/:number/export/:format',
    { config: { permission: P.export } },
    async (req, reply) => {
      const format = formatParam(req);
      const out = await plans.documentForExport(db, actor(req), ctx(req), id(req, 'planId'), {
        format,
        snapshotNumber: num(req, 'number'),
      });
      return sendDocument(
        reply,
        format,
        out.document,
        layoutOf(req, out.document),
        out.title,
        out.filenameBase,
      );
    },
  );

  app.get('/plans/:planId/print', { config: { permission: P.read } }, async (req, reply) => {
    const doc = await plans.getPlanDocument(db, actor(req), id(req, 'planId'), todayIso());
    const html = printHtml(
      doc,
      layoutOf(req, doc),
      doc.plan.name,
      `Working copy as at ${formatDate(doc.asAt)}`,
      await protectiveMarking(db, actor(req).organisationId),
    );
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get(
    '/plans/:planId/snapshots/:number/print',
    { config: { permission: P.published } },
    async (req, reply) => {
      const snap = await plans.getSnapshot(db, actor(req), id(req, 'planId'), num(req, 'number'));
      const html = printHtml(
        snap.document,
        layoutOf(req, snap.document),
        snap.document.plan.name,
        `Version ${snap.number}, as at ${formatDate(snap.asAt)}`,
        await protectiveMarking(db, actor(req).organisationId),
      );
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
}
