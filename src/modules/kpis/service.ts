/**
 * Performance indicators service: what other modules and the pages call.
 *
 *   listIndicators / getIndicator / addIndicatorVersion   the catalogue, versioned
 *   saveBenchmarks / enterValue                            benchmarks and hand-entered figures
 *   indicatorTable(db, organisationId, quarter, at)        every indicator for a quarter
 *   liveReport / saveCommentary / signOffReport            the quarterly report: commentary, sign-off freezing it
 *   publishableReport(db, organisationId, quarter)         for committee papers: the frozen report, suppressed
 *   latestFigures / refreshLatestFigures                  the home page's stored figures (stored-figures.ts)
 *   indicatorTableAsAt(db, organisationId, quarter, clock) the pages' table: stored for the last complete quarter
 */

export * from './catalogue-service';
export * from './figures';
export type { PublishableReport, ReportSnapshot } from './report';
export * from './report-service';
export * from './stored-figures';
