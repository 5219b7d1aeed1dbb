import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers/database';
import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/permissions';
import { organisations } from '../../platform/schema';
import { measureChildren, measureFigures } from './indicator-figures';
import { caseClaEpisodes, caseClaPlacements, caseClaReviews } from './looked-after-schema';
import {
  caseAssessments,
  caseContacts,
  caseCpPlans,
  caseEarlyHelpEpisodes,
  caseInitialConferences,
  casePeople,
  caseReferrals,
  caseS47Enquiries,
} from './schema';

/**
 * A hand-built register: each measure's figure for Q2 2026-27 (July to
 * September 2026) and Q1 (April to June) is worked out by hand below.
 */
let database: Database;
let org: string;
let other: string;
const Q1 = { first: '2026-04-01', last: '2026-06-30' };
const Q2 = { first: '2026-07-01', last: '2026-09-30' };
const ids: Record<string, string> = {};
let n = 0;
const src = () => ({ sourceId: `S${++n}`, rowHash: 'h' });

beforeAll(async () => {
  database = await freshDatabase();
  await database.migrate();
  const db = database.db;
  const [a, b] = await db
    .insert(organisations)
    .values([
      { name: 'A', code: 'AAA' },
      { name: 'B', code: 'BBB' },
    ])
    .returning();
  org = a!.id;
  other = b!.id;
  for (const name of ['Ann', 'Ben', 'Cal', 'Dee']) {
    const [p] = await db
      .insert(casePeople)
      .values({ organisationId: org, ...src(), forename: name, surname: 'Test', uasc: name === 'Dee' })
      .returning();
    ids[name] = p!.id;
  }
  const [x] = await db
    .insert(casePeople)
    .values({ organisationId: other, ...src(), forename: 'Other', surname: 'Org' })
    .returning();
  const person = (name: string) => ({ organisationId: org, personId: ids[name]!, ...src() });
  // Contacts: two in Q2 (one closed record left out), one in Q1; the other organisation's not counted.
  await db.insert(caseContacts).values([
    { ...person('Ann'), contactDate: '2026-07-03' },
    { ...person('Ann'), contactDate: '2026-09-30' },
    { ...person('Ben'), contactDate: '2026-08-01', closedAt: new Date('2026-10-01T00:00:00Z') },
    { ...person('Ben'), contactDate: '2026-06-30' },
    { organisationId: other, personId: x!.id, ...src(), contactDate: '2026-08-01' },
  ]);
  // Referrals in Q2: Ann's re-referral (earlier one 2026-01-10, within 12 months), Ben's (earlier 2025-06-01: over 12 months).
  await db.insert(caseReferrals).values([
    { ...person('Ann'), referralDate: '2026-01-10' },
    { ...person('Ann'), referralDate: '2026-08-10' },
    { ...person('Ben'), referralDate: '2025-06-01' },
    { ...person('Ben'), referralDate: '2026-07-20' },
    { ...person('Cal'), referralDate: '2026-09-01' },
  ]);
  // Assessments authorised in Q2 from Monday 1 June: 3 August is the 45th working day after (in time), 4 August the 46th.
  await db.insert(caseAssessments).values([
    { ...person('Ann'), startDate: '2026-06-01', authorisedDate: '2026-08-03' },
    { ...person('Ben'), startDate: '2026-06-01', authorisedDate: '2026-08-04' },
    { ...person('Cal'), startDate: '2026-09-01', authorisedDate: null },
  ]);
  const [s1, s2] = await db
    .insert(caseS47Enquiries)
    .values([
      { ...person('Ann'), startDate: '2026-07-01' },
      { ...person('Ben'), startDate: '2026-07-06' },
    ])
    .returning();
  // ICPCs: Ann 15 working days after Wednesday 1 July is Wednesday 22 July (in time); Ben's 28 July is 16 working days
  // after Monday 6 July, 15 when the non-working day given (13 July) is skipped.
  await db.insert(caseInitialConferences).values([
    { ...person('Ann'), s47SourceId: s1!.sourceId, conferenceDate: '2026-07-22' },
    { ...person('Ben'), s47SourceId: s2!.sourceId, conferenceDate: '2026-07-28' },
    { ...person('Cal'), conferenceDate: '2026-08-01', transferIn: true },
  ]);
  // CP plans: Ann's second plan (started Q2, on at Q2's end); Ben's plan ended in Q2 after 2 years; Cal's ended in Q2 after 1 year.
  await db.insert(caseCpPlans).values([
    { ...person('Ann'), startDate: '2024-01-01', endDate: '2024-06-01' },
    { ...person('Ann'), startDate: '2026-08-01' },
    { ...person('Ben'), startDate: '2024-07-15', endDate: '2026-07-15' },
    { ...person('Cal'), startDate: '2025-08-01', endDate: '2026-08-01' },
  ]);
  // Looked after at 30 September: Cal and Dee (UASC); Ben ceased on 2026-09-30 so not at the end.
  await db.insert(caseClaEpisodes).values([
    { ...person('Cal'), claSourceId: 'C1', startDate: '2025-01-01' },
    { ...person('Dee'), claSourceId: 'C2', startDate: '2026-05-01' },
    { ...person('Ben'), claSourceId: 'C3', startDate: '2026-01-01', ceasedDate: '2026-09-30' },
  ]);
  // Dee: three placements in the 12 months to 30 September; Cal: two in that window (one older).
  await db.insert(caseClaPlacements).values([
    { ...person('Dee'), claSourceId: 'C2', startDate: '2026-05-01' },
    { ...person('Dee'), claSourceId: 'C2', startDate: '2026-06-01' },
    { ...person('Dee'), claSourceId: 'C2', startDate: '2026-09-01' },
    { ...person('Cal'), claSourceId: 'C1', startDate: '2025-01-01' },
    { ...person('Cal'), claSourceId: 'C1', startDate: '2025-10-01' },
    { ...person('Cal'), claSourceId: 'C1', startDate: '2026-03-01' },
  ]);
  await db.insert(caseClaReviews).values([
    { ...person('Cal'), claSourceId: 'C1', dueDate: '2026-08-01', reviewDate: '2026-07-30' },
    { ...person('Dee'), claSourceId: 'C2', dueDate: '2026-08-01', reviewDate: '2026-08-02' },
    { ...person('Dee'), claSourceId: 'C2', dueDate: '2026-08-01', reviewDate: '2026-08-02', cancelled: true },
  ]);
  await db.insert(caseEarlyHelpEpisodes).values([{ ...person('Dee'), startDate: '2026-07-01' }]);
});
afterAll(async () => database.close());

const figures = (measure: Parameters<typeof measureFigures>[2], holidays: string[] = []) =>
  measureFigures(database.db, org, measure, [Q1, Q2], holidays);

describe('indicator measures over a hand-built register (one query each, every range at once)', () => {
  it('counts contacts, referrals, section 47 enquiries and early help by their dates, own organisation only, closed records left out', async () => {
    expect(await figures('contacts')).toEqual([
      { count: 1, numerator: 1 },
      { count: 2, numerator: 2 },
    ]);
    expect((await figures('referrals'))[1]).toEqual({ count: 3, numerator: 3 });
    expect((await figures('s47'))[1]).toEqual({ count: 2, numerator: 2 });
    expect((await figures('early-help'))[1]).toEqual({ count: 1, numerator: 1 });
  });

  it('finds re-referrals within 12 months of an earlier referral', async () => {
    expect((await figures('re-referrals'))[1]).toEqual({ count: 3, numerator: 1 });
  });

  it('counts assessments authorised in the range and those within 45 working days', async () => {
    expect((await figures('assessments-45'))[1]).toEqual({ count: 2, numerator: 1 });
  });

  it('counts initial conferences within 15 working days of the strategy discussion, skipping non-working days, not transfers in', async () => {
    expect((await figures('icpc-15'))[1]).toEqual({ count: 2, numerator: 1 });
    expect((await figures('icpc-15', ['2026-07-13']))[1]).toEqual({ count: 2, numerator: 2 });
  });

  it('counts children on a plan at the end of the range, plans lasting 2 years and second plans', async () => {
    // 30 June: Ben's and Cal's plans; 30 September: Ann's second plan only.
    expect(await figures('cp-plans')).toEqual([
      { count: 2, numerator: 2 },
      { count: 1, numerator: 1 },
    ]);
    expect((await figures('cp-two-years'))[1]).toEqual({ count: 2, numerator: 1 });
    expect((await figures('cp-repeat'))[1]).toEqual({ count: 1, numerator: 1 });
  });

  it('counts looked-after children at the end, of whom UASC, with 3 or more placements, and reviews in time', async () => {
    expect((await figures('cla'))[1]).toEqual({ count: 2, numerator: 2 });
    expect((await figures('cla'))[0]).toEqual({ count: 3, numerator: 3 });
    expect((await figures('cla-uasc'))[1]).toEqual({ count: 1, numerator: 1 });
    expect((await figures('cla-three-placements'))[1]).toEqual({ count: 2, numerator: 1 });
    expect((await figures('cla-reviews'))[1]).toEqual({ count: 2, numerator: 1 });
  });

  it('lists the children behind a figure for an organisation-wide role, audited; none for a committee member', async () => {
    const actor = (role: Actor['role'], permissions: string[]): Actor => ({
      userId: '00000000-0000-0000-0000-000000000001',
      organisationId: org,
      organisationName: 'A',
      name: 'X',
      email: 'x@example.org',
      role,
      teamId: null,
      permissions: new Set(permissions),
    });
    const ctx = {
      organisationId: org,
      userId: null,
      ip: null,
      userAgent: null,
      requestId: null,
      at: new Date('2026-10-05T10:00:00Z'),
    };
    const manager = actor('service_manager', ['cases.read']);
    const late = await measureChildren(database.db, manager, ctx, 're-referrals', Q2, [], {
      numeratorOnly: true,
    });
    expect(late.map((c) => c.forename)).toEqual(['Ann']);
    const all = await measureChildren(database.db, manager, ctx, 're-referrals', Q2, [], {
      numeratorOnly: false,
    });
    expect(all.map((c) => c.forename)).toEqual(['Ann', 'Ben', 'Cal']);
    const member = actor('committee_member', ['cases.read']);
    expect(
      await measureChildren(database.db, member, ctx, 're-referrals', Q2, [], { numeratorOnly: false }),
    ).toEqual([]);
  });
});
