/** Report pages: one round's report (with charts, each beside its data table, and exports) and the trend across rounds. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/service';
import { markedFilename } from '../../platform/branding/marking';
import { markedAttachment, protectiveMarking } from '../../platform/branding/service';
import { renderBarChart } from '../../platform/charts/bar-chart';
import { auditContext } from '../../platform/http/server';
import { can } from '../../platform/permissions';
import { QA } from './permissions';
import { reportCsv, reportTables, reportXlsx, XLSX_TYPE } from './report-export';
import { roundReport, roundsOverview } from './reports';
import { GRADE_NAMES, GRADE_TAG } from './vocab';

const params = z.object({ id: z.string().uuid() });
const goodShare = (d: ReadonlyArray<{ grade: string; count: number }>) => {
  const graded = d.reduce((n, x) => n + x.count, 0);
  const good = d
    .filter((x) => x.grade === 'outstanding' || x.grade === 'good')
    .reduce((n, x) => n + x.count, 0);
  return graded ? Math.round((good / graded) * 1000) / 10 : null;
};

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get('/qa/reports', { config: { permission: QA.roundsRead } }, async (req, reply) => {
    const rounds = await roundsOverview(db, req.actor!);
    const oldestFirst = [...rounds].reverse();
    const chart = await renderBarChart({
      title: 'Audits graded good or outstanding, by round',
      description: oldestFirst.length
        ? `The share of graded audits that were good or outstanding in each of ${oldestFirst.length} rounds, oldest first.`
        : 'No rounds yet.',
      axisTitle: 'Good or outstanding (%)',
      max: 100,
      unit: '%',
      noValueText: 'Not graded',
      data: oldestFirst.map((r) => ({ label: r.round.name, value: r.goodOrBetter })),
    });
    return reply.render('qa/views/reports.njk', { rounds, chart, gradeNames: GRADE_NAMES });
  });

  app.get('/qa/rounds/:id/report', { config: { permission: QA.roundsRead } }, async (req, reply) => {
    const { id } = params.parse(req.params);
    const report = await roundReport(db, req.actor!, auditContext(req, clock), id);
    const g = report.grades;
    const [gradesChart, sectionsChart, themesChart] = await Promise.all([
      renderBarChart({
        title: `Overall grades after moderation, ${report.round.name}`,
        description: g.graded
          ? `${g.graded} audits graded; ${g.goodOrBetter}% good or outstanding.`
          : 'No audit has been graded yet.',
        axisTitle: 'Audits',
        data: g.overall.map((d) => ({ label: GRADE_NAMES[d.grade], value: d.count })),
      }),
      renderBarChart({
        title: 'Sections graded good or outstanding',
        description: 'The share of each section graded good or outstanding after moderation.',
        axisTitle: 'Good or outstanding (%)',
        max: 100,
        unit: '%',
        noValueText: 'Not graded',
        data: g.sections.map((s) => ({ label: s.title, value: goodShare(s.distribution) })),
      }),
      renderBarChart({
        title: 'Themes by how many findings raise them',
        description: report.themes.length
          ? `${report.themes[0]!.name} is raised most often, by ${report.themes[0]!.total} findings.`
          : 'No findings have been recorded yet.',
        axisTitle: 'Findings',
        data: report.themes.map((t) => ({ label: t.name, value: t.total })),
      }),
    ]);
    return reply.render('qa/views/round-report.njk', {
      ...report,
      gradesChart,
      sectionsChart,
      themesChart,
      gradeNames: GRADE_NAMES,
      gradeTags: GRADE_TAG,
      mayRaise: can(req.actor, QA.recsManage),
    });
  });

  for (const format of ['csv', 'xlsx'] as const)
    app.get(
      `/qa/rounds/:id/report.${format}`,
      { config: { permission: QA.roundsRead } },
      async (req, reply) => {
        const { id } = params.parse(req.params);
        const ctx = auditContext(req, clock);
        const report = await roundReport(db, req.actor!, ctx, id);
        const tables = reportTables(report);
        await recordAudit(db, ctx, {
          action: 'qa.round.report_export',
          recordType: 'qa_round',
          recordId: id,
          detail: format,
        });
        const base = `audit-round-report-${report.round.startDate}`;
        if (format === 'csv')
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header(
              'content-disposition',
              await markedAttachment(db, req.actor!.organisationId, `${base}.csv`),
            )
            .send(reportCsv(tables));
        const marking = await protectiveMarking(db, req.actor!.organisationId);
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${markedFilename(marking, `${base}.xlsx`)}"`)
          .send(await reportXlsx(tables, marking));
      },
    );
}
