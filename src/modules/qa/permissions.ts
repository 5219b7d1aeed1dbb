import type { PermissionSet } from '../../platform/permissions';

export const QA = {
  templates: 'qa.templates.manage',
  roundsRead: 'qa.rounds.read',
  roundsManage: 'qa.rounds.manage',
  conduct: 'qa.audits.conduct',
  moderate: 'qa.audits.moderate',
  respond: 'qa.audits.respond',
  read: 'qa.audits.read',
  recsRead: 'qa.recommendations.read',
  recsManage: 'qa.recommendations.manage',
  recsUpdate: 'qa.recommendations.update',
  recsSignOff: 'qa.recommendations.signoff',
  themes: 'qa.themes.manage',
  observations: 'qa.observations.manage',
  learning: 'qa.learning.read',
  calendarRead: 'qa.calendar.read',
  calendarManage: 'qa.calendar.manage',
  surveysRead: 'qa.surveys.read',
  surveysManage: 'qa.surveys.manage',
  feedbackRead: 'qa.feedback.read',
  feedbackManage: 'qa.feedback.manage',
  providersRead: 'qa.providers.read',
  providersManage: 'qa.providers.manage',
} as const;

/** Who does what in quality assurance. Committee members, clerks and administrators hold none: audits are child-level. */
export const qaPermissions: PermissionSet = {
  [QA.templates]: {
    description: 'Build audit templates and edit them (each edit is a new version)',
    roles: ['qa_officer'],
  },
  [QA.roundsRead]: {
    description: 'Read audit rounds, their samples and every audit in them',
    roles: ['qa_officer', 'service_manager', 'senior_leader'],
  },
  [QA.roundsManage]: {
    description: 'Create audit rounds, draw their sample and assign auditors',
    roles: ['qa_officer'],
  },
  [QA.conduct]: {
    description:
      'Complete the case file audits assigned to you (independent auditors: only during the round)',
    roles: ['qa_officer', 'independent_auditor', 'team_manager', 'service_manager'],
  },
  [QA.moderate]: {
    description: 'Moderate submitted audits (agree or change each grade, with a reason) and close them',
    roles: ['qa_officer'],
  },
  [QA.respond]: {
    description: 'Read the moderated audits of children you may see and respond to them',
    roles: ['practitioner', 'team_manager'],
  },
  [QA.read]: {
    description:
      "Open the audits you may see (assigned to you, of your cases once shared, all for QA) and a child's audits on their record",
    roles: [
      'practitioner',
      'team_manager',
      'service_manager',
      'qa_officer',
      'independent_auditor',
      'senior_leader',
    ],
  },
  [QA.recsRead]: {
    description: 'Read the recommendations you own, and (QA, senior leaders) all of them',
    roles: ['practitioner', 'team_manager', 'service_manager', 'qa_officer', 'senior_leader'],
  },
  [QA.recsManage]: {
    description: 'Add case-specific recommendations to a moderated audit, with an owner and due date',
    roles: ['qa_officer'],
  },
  [QA.recsUpdate]: {
    description: 'Update the recommendations you own: status, evidence, or why none is needed',
    roles: ['practitioner', 'team_manager', 'service_manager', 'qa_officer'],
  },
  [QA.recsSignOff]: {
    description:
      'Record a follow-up meeting and its decision on each recommendation (sign-off needs evidence or a rationale)',
    roles: ['qa_officer', 'senior_leader'],
  },
  [QA.themes]: {
    description: 'Edit the list of themes that audit findings are tagged with',
    roles: ['qa_officer', 'administrator'],
  },
  [QA.observations]: {
    description:
      'Record practice observations at every tier and read them all, with counts by tier and month',
    roles: ['qa_officer'],
  },
  [QA.learning]: {
    description:
      "Open a member of staff's learning record (their observations): your own, your team's if you manage it, anyone's for QA",
    roles: ['practitioner', 'team_manager', 'service_manager', 'qa_officer', 'senior_leader'],
  },
  [QA.calendarRead]: {
    description: 'Read the QA calendar and complete the activities you own, with evidence',
    roles: ['team_manager', 'service_manager', 'qa_officer', 'senior_leader'],
  },
  [QA.calendarManage]: {
    description: "Add recurring QA activities, make a year's dates and complete any activity",
    roles: ['qa_officer'],
  },
  [QA.surveysRead]: {
    description:
      'Read surveys: response rates by cohort and mode, results by question, and quotes cleared for publication',
    roles: ['service_manager', 'qa_officer', 'senior_leader'],
  },
  [QA.surveysManage]: {
    description: 'Record surveys and their results and quotes, and clear quotes checked for names',
    roles: ['qa_officer'],
  },
  [QA.feedbackRead]: {
    description: 'Read the complaints and compliments log and early help closing feedback',
    roles: ['service_manager', 'qa_officer', 'senior_leader'],
  },
  [QA.feedbackManage]: {
    description:
      'Log complaints and compliments and record their outcomes and learning; record early help closing feedback',
    roles: ['qa_officer'],
  },
  [QA.providersRead]: {
    description:
      "Read provider and setting audits: each visit's RAG per area, what is due, and recommendations with their follow-up",
    roles: ['service_manager', 'qa_officer', 'senior_leader'],
  },
  [QA.providersManage]: {
    description:
      'Add providers and settings, record audit visits, and add and complete their recommendations',
    roles: ['qa_officer'],
  },
};
