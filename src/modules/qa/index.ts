import type { OversightModule } from '../../platform/http/module';
import { auditRoutes } from './audit-routes';
import { standingGrades } from './audit-rules';
import { calendarRoutes } from './calendar-routes';
import { roundSummaryComponent } from './embed';
import { feedbackRoutes } from './feedback-routes';
import { findingRoutes } from './findings-routes';
import { qaHomeItems } from './home-items';
import { observationRoutes } from './observation-routes';
import { QA, qaPermissions } from './permissions';
import { practiceHomeItems } from './practice-home-items';
import { providerRoutes } from './provider-routes';
import { reassignRoutes } from './reassign-routes';
import { recommendationRoutes } from './recommendation-routes';
import { reportRoutes } from './report-routes';
import { moderations } from './repository';
import { roundRoutes } from './round-routes';
import { surveyRoutes } from './survey-routes';
import { templateRoutes } from './template-routes';
import { thematicRoutes } from './thematic-routes';
import { AUDIT_STATUS_NAMES, AUDIT_STATUS_TAG, GRADE_NAMES, GRADE_TAG, type Grade } from './vocab';
import { childAudits } from './worklists';

/**
 * Quality assurance: audit templates (versioned), audit rounds with their
 * samples, and case file audits from assignment through moderation to the
 * worker's response. Committee members, clerks and administrators hold
 * nothing here: audits are child-level.
 */
export const qaModule: OversightModule = {
  name: 'qa',
  permissions: qaPermissions,
  nav: [
    { href: '/qa/audits', text: 'Audits', permission: QA.conduct },
    { href: '/qa/rounds', text: 'Audit rounds', permission: QA.roundsRead },
    { href: '/qa/templates', text: 'Audit templates', permission: QA.templates },
    { href: '/qa/recommendations', text: 'Recommendations', permission: QA.recsRead },
    { href: '/qa/reports', text: 'Audit reports', permission: QA.roundsRead },
    { href: '/qa/themes', text: 'Audit themes', permission: QA.themes },
    { href: '/qa/observations', text: 'Practice observations', permission: QA.observations },
    { href: '/qa/learning', text: 'Learning records', permission: QA.learning },
    { href: '/qa/calendar', text: 'QA calendar', permission: QA.calendarRead },
    { href: '/qa/surveys', text: 'Surveys', permission: QA.surveysRead },
    { href: '/qa/feedback', text: 'Family feedback', permission: QA.feedbackRead },
    { href: '/qa/providers', text: 'Provider audits', permission: QA.providersRead },
  ],
  routes: async (app) => {
    await templateRoutes(app);
    await roundRoutes(app);
    await auditRoutes(app);
    await recommendationRoutes(app);
    await findingRoutes(app);
    await reportRoutes(app);
    await thematicRoutes(app);
    await reassignRoutes(app);
    await observationRoutes(app);
    await calendarRoutes(app);
    await surveyRoutes(app);
    await feedbackRoutes(app);
    await providerRoutes(app);
  },
  homeItems: [...qaHomeItems, ...practiceHomeItems],
  components: [roundSummaryComponent],
  recordPanels: [
    {
      recordType: 'child',
      order: 30,
      permission: QA.read,
      load: async (app, actor, personId) => {
        const { db, clock } = app.deps;
        const audits = await childAudits(db, actor, personId, clock.now());
        if (!audits.length) return null;
        const rows = await Promise.all(
          audits.map(async (a) => ({
            ...a,
            grade: standingGrades(
              a.answers,
              a.overallGrade as Grade | null,
              await moderations(db, actor.organisationId, a.id),
            ).overall,
          })),
        );
        return {
          template: 'qa/views/child-panel.njk',
          context: {
            audits: rows,
            statusNames: AUDIT_STATUS_NAMES,
            statusTags: AUDIT_STATUS_TAG,
            gradeNames: GRADE_NAMES,
            gradeTags: GRADE_TAG,
          },
        };
      },
    },
  ],
};
