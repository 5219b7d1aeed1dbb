/**
 * Committee business: the rules, transactions, permission checks and audit,
 * one concern per file. Other modules, the pages and the demo generator call
 * them from here.
 */
export { COMMITTEE, committeePermissions } from './access';
export {
  addMember,
  type CommitteeInput,
  committeesOfMember,
  createCommittee,
  getCommittee,
  listCommitteesFor,
  type MemberInput,
} from './committees-service';
export { addElectionItems, recordElection } from './elections-service';
export {
  addGlossaryEntry,
  changeGlossaryEntry,
  chooseMeetingGlossary,
  listGlossary,
  removeGlossaryEntry,
} from './glossary-service';
export {
  addItem,
  addStandardItems,
  advanceStatus,
  createMeeting,
  getMeeting,
  type MeetingInput,
  recordAttendance,
} from './meetings-service';
export { removeQuestion, saveQuestion } from './minutes-questions-service';
export {
  type Approval,
  approveMinutes,
  getMinutes,
  MinutesBlocked,
  publicMinutes,
  saveEndedAt,
  saveItemMinutes,
} from './minutes-service';
export {
  checkPublication,
  overrideFinding,
  PublicationBlocked,
  publishPacks,
  readPack,
} from './publish-service';
export {
  acceptReport,
  addAppendix,
  awaitingMySignOff,
  reportForItem,
  returnToDraft,
  saveReport,
  sendForSignOff,
  signOff,
} from './reports-service';
