/**
 * Performance indicators service: what other modules and the pages call.
 *
 *   listIndicators / getIndicator / addIndicatorVersion   the catalogue, versioned
 *   saveBenchmarks / enterValue                            benchmarks and hand-entered figures
 *   indicatorTable(db, organisationId, quarter, at)        every indicator for a quarter
 *   indicatorChildren(...)                                 the children behind a figure (scoped, audited)
 */
export * from './catalogue-service';
export * from './figures';
