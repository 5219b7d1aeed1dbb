/**
 * The Safeguarding Committee's outstanding actions in the demo: some from each
 * of the last four meetings, some done with evidence. Made through the plans
 * service by the committee clerk, in date order.
 */
import * as plans from '../modules/plans/service';
import { addMonths } from '../platform/calendar/working-days';
import type { Db } from '../platform/db/client';
import type { Actor } from '../platform/permissions';
import { at } from './qa';

export async function outstandingActionsDemo(db: Db, clerk: Actor, today: string): Promise<void> {
  const meetings = [addMonths(today, -9), addMonths(today, -6), addMonths(today, -3), addMonths(today, -1)];
  const outstanding: Array<[number, string, string, string, number, boolean]> = [
    [
      0,
      'Report on the timeliness of return home interviews, with the reasons for delays',
      'Item 6: Missing children quarterly report',
      'Missing and Exploitation Coordinator',
      3,
      true,
    ],
    [
      0,
      'Circulate the refreshed corporate parenting pledge to members',
      'Item 8: Corporate parenting update',
      'Head of Service, Children in Care',
      2,
      true,
    ],
    [
      1,
      'Provide a breakdown of agency social workers by team',
      'Item 5: Workforce report',
      'Workforce Development Lead',
      3,
      true,
    ],
    [
      1,
      'Arrange a visit for members to the Front Door and MASH',
      'Item 9: Any other business',
      'Democratic Services Officer',
      4,
      false,
    ],
    [
      2,
      'Bring the independent audit findings for the autumn round to the next meeting',
      'Item 7: Quality assurance report',
      'Quality Assurance Manager',
      3,
      false,
    ],
    [
      2,
      'Explain the rise in re-referrals within 12 months in the next performance report',
      'Item 6: Performance report',
      'Performance and Intelligence Manager',
      3,
      false,
    ],
    [
      3,
      'Share the care leavers’ local offer with members before publication',
      'Item 5: Care leavers update',
      'Head of Service, Children in Care',
      2,
      false,
    ],
  ];
  for (const [meeting, action, item, officer, months, done] of outstanding) {
    const dateAdded = meetings[meeting]!;
    const created = await plans.addOutstandingAction(db, clerk, at(clerk, dateAdded), {
      committeeName: 'Safeguarding Committee',
      action,
      dateAdded,
      agendaItem: item,
      officer,
      targetDate: addMonths(dateAdded, months),
    });
    if (done) {
      const completedOn = addMonths(dateAdded, months - 1);
      await plans.completeAction(db, clerk, at(clerk, completedOn), created.actionId, {
        completedOn,
        note: 'Reported to the committee',
        evidence: {
          text: `Presented at the meeting of ${completedOn}; minutes record it as received.`,
          link: null,
          file: null,
        },
      });
    }
  }
}
