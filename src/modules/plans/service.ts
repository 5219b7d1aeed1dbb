/**
 * Improvement plans: the rules, transactions, permission and scope checks,
 * and the audit trail, one concern per file. This file re-exports them so
 * routes, the demo generator and other modules (committees, QA) keep one
 * place to call.
 */

export { EVIDENCE_EXTENSIONS, MAX_EVIDENCE_BYTES, mayManagePlan, PERMISSIONS } from './access';
export {
  type ActionInput,
  COMPLETION_NEEDS_EVIDENCE,
  createAction,
  type Evidence,
  updateAction,
} from './actions-service';
export {
  evidenceFile,
  evidenceSummary,
  getActionDetail,
  getOutstandingDocument,
  getPlanDocument,
  getUpdateForEdit,
  type MyAction,
  myActions,
  type TimelineEntry,
} from './document-service';
export { planSnapshotComponent, planSnapshotRendering, snapshotTableHtml } from './embed';
export {
  documentForExport,
  type ImportOutcome,
  importPlanFile,
  leadsForImport,
  planChoices,
  recordExport,
  saveImportedPlan,
} from './import-service';
export {
  assignableUsers,
  createLead,
  getLead,
  type LeadInput,
  type LeadView,
  listLeads,
  updateLead,
} from './leads-service';
export {
  createLinkedAction,
  freeReference,
  type LinkedActionStatus,
  linkedActionStatuses,
} from './linked-actions';
export {
  actionsToShow,
  type OutstandingList,
  type OutstandingRow,
  outstandingActionsRendering,
} from './outstanding-list';
export { addOutstandingAction, type OutstandingActionInput } from './outstanding-service';
export {
  committeeKeyOf,
  createPlan,
  createPriority,
  getPlan,
  getPriority,
  listPlans,
  listPriorities,
  type PlanInput,
  type PlanSummary,
  updatePlan,
  updatePriority,
} from './plans-service';
export { checkRagScale, getRagKey, getRagScale, updateRagKey } from './rag-key-service';
export {
  compareSnapshots,
  getSnapshot,
  getSnapshotForEmbedding,
  listPublishedSnapshots,
  listSnapshots,
  publishSnapshot,
  type Snapshot,
  type SnapshotSummary,
} from './snapshots-service';
export {
  addUpdate,
  completeAction,
  editUpdate,
  linkAction,
  mayUpdate,
  type UpdateInput,
} from './updates-service';
export { DEFAULT_RAG_KEY, DEFAULT_RAG_SCALE, PLAN_TYPE_NAMES } from './vocab';
