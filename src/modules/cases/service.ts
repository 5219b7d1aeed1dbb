/**
 * Case register service: the only way other modules and the pages reach
 * children's records.
 *
 * Reading children — every call is scoped to the actor (ROLE_CASE_SCOPE via
 * decide()): a practitioner sees children they are currently involved with
 * (ssd_involvements), a team manager children currently allocated to their
 * team, organisation-wide roles all, an independent auditor only children
 * granted to them, committee members, clerks and administrators none. A child
 * outside scope, or of another organisation, is NotFoundError (404). "Today"
 * is the London date of ctx.at.
 *
 *   searchChildren(db, actor, query, ctx)      -> { rows, total }   audited "child.search"
 *   getChildForActor(db, actor, personId, ctx) -> ChildRecord       audited "child.view"
 *   listChildEvents(db, actor, personId, ctx, filter?) -> ChronologyEvent[]  audited "child.chronology"
 *   caseloadFor(db, actor, ctx)                -> ChildListRow[]    children allocated to the actor's worker record
 *   teamCaseload(db, actor, ctx)               -> ChildListRow[]    a team manager's team (with worker names)
 *   mayViewChild(db, actor, personId, at)      -> boolean           a guard for other pages (no audit)
 *   listWorkers(db, actor) / workerForUser(db, organisationId, userId)
 *   grantCaseAccess / revokeCaseAccess         -> access for roles that see assigned records only
 *
 * For the compliance engine (organisation-level; never shown to a user as is):
 *   listOpenCaseFacts(db, organisationId, { since?, personIds? }) -> OpenCaseFacts[]
 *     per child with an open case: date of birth, episodes (child_in_need, s47,
 *     child_protection_plan, child_in_need_plan, looked_after, placement,
 *     care_leaver, early_help, missing), dated events (referral, contact,
 *     assessment_completed, strategy_discussion, initial_conference,
 *     review_conference, cp_visit, cin_visit, looked_after_review,
 *     looked_after_visit, health_assessment, personal_education_plan,
 *     pathway_plan, care_leaver_contact, missing_return) and allocations over time.
 *   onRegisterChanged(listener)  -> told after each applied import.
 *
 * For the missing module (organisation-level; the caller scopes and audits):
 *   importedMissingEpisodes(db, organisationId, { personIds? }) -> the ssd_missing episodes
 *   childIdsInScope(db, actor, at) -> 'all' | ids of the children the actor may see
 *   childrenInScope(actor, at) -> 'all' | the same as a query, matched inside the reader's own query
 *
 * For the performance indicators (organisation-level figures; children behind a figure scoped and audited):
 *   measureFigures(db, organisationId, measure, ranges, holidays) -> one set-based query per measure
 *   measureChildren(db, actor, ctx, measure, range, holidays, options) -> audited "child.list"
 *
 * SSD import (see importer.ts): startSsdImport (upload page), importSsdFolder
 * (command, demo), getImportForActor, listImportHistory, importErrorsCsv.
 */

export * from './access';
export * from './child-periods';
export * from './chronology';
export * from './contact-dates';
export * from './disclosure-register';
export * from './facts';
export * from './import-service';
export type { TableCounts as TableCountsView } from './importer';
export { importSettled, onRegisterChanged } from './importer';
export * from './indicator-figures';
export * from './missing-episodes';
export * from './record';
export * from './register-names';
export type { ChildListRow } from './repository';
export * from './search';
export * from './workers';
