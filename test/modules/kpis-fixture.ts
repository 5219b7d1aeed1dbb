import type { ConcernInput } from '../../src/modules/adults/service';
import { casePeople, caseReferrals } from '../../src/modules/cases/schema';
import { startTestApp, type TestContext } from '../helpers/app';

/**
 * The indicators tests' tiny register: in 2026-27 Q2 (the last complete
 * quarter on the test clock, 16 November 2026) two referrals, one of them a
 * re-referral of Ann: 50% re-referred, against the default target of 22% or
 * less. Written straight to the register's tables, as an import would leave them.
 */
export interface IndicatorsContext {
  ctx: TestContext;
  /** Ann Ashby's person id: referred in March and again in August. */
  ann: string;
}

export async function startIndicatorsApp(): Promise<IndicatorsContext> {
  const ctx = await startTestApp();
  const db = ctx.oversight.database.db;
  const organisationId = ctx.org.organisationId;
  const people = await db
    .insert(casePeople)
    .values([
      { organisationId, sourceId: 'P1', rowHash: 'h', forename: 'Ann', surname: 'Ashby' },
      { organisationId, sourceId: 'P2', rowHash: 'h', forename: 'Ben', surname: 'Brook' },
    ])
    .returning();
  const ann = people[0]!.id;
  await db.insert(caseReferrals).values([
    { organisationId, personId: ann, sourceId: 'R1', rowHash: 'h', referralDate: '2026-03-01' },
    { organisationId, personId: ann, sourceId: 'R2', rowHash: 'h', referralDate: '2026-08-01' },
    { organisationId, personId: people[1]!.id, sourceId: 'R3', rowHash: 'h', referralDate: '2026-09-01' },
  ]);
  return { ctx, ann };
}

/** An adult's safeguarding concern received in 2026-27 Q2 that led to no enquiry: tests set what they count. */
export const blankConcern: ConcernInput = {
  reference: '',
  personRef: 'AD1',
  receivedOn: '2026-07-06',
  source: 'police',
  s42Decision: 'no',
  decisionOn: '2026-07-07',
  enquiryType: null,
  enquiryStartedOn: null,
  enquiryConcludedOn: null,
  abuseTypes: [],
  location: null,
  riskSource: null,
  outcomesAsked: null,
  outcomesAchieved: null,
  riskOutcome: null,
};
