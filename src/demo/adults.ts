/**
 * Demo adults' safeguarding register for Oakhaven: concerns received over the
 * last eighteen months (60 in the small demo, 1,500 in the large), their
 * section 42 decisions, enquiries and outcomes, imported through the adults
 * service as a file would be; and the deprivation of liberty applications
 * entered by hand for the last five quarters. Deterministic from a seed and
 * the clock's today; people are references only.
 */
import type { Oversight } from '../app';
import type { ConcernInput } from '../modules/adults/concern';
import * as adults from '../modules/adults/service';
import * as kpis from '../modules/kpis/service';
import { lastCompleteQuarter, quartersTo } from '../platform/calendar/quarters';
import { today } from '../platform/clock';
import type { DemoScale } from './load';
import type { DemoOrganisation } from './organisation';
import { SeededRandom } from './random';

const DOLS = [212, 198, 231, 244, 226];

function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

const weighted = <T>(rng: SeededRandom, items: ReadonlyArray<readonly [T, number]>): T => {
  const total = items.reduce((a, [, w]) => a + w, 0);
  let r = rng.next() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items.at(-1)![0];
};

/** The demo concerns: the same list for the same today and size. */
export function demoConcerns(todayIso: string, count: number): ConcernInput[] {
  const rng = new SeededRandom(4215);
  const people = Math.max(10, Math.round(count * 0.8));
  const capped = (d: string) => (d > todayIso ? null : d);
  const out: ConcernInput[] = [];
  for (let i = 1; i <= count; i++) {
    const receivedOn = addDays(todayIso, -rng.int(0, 540));
    const decided = addDays(receivedOn, rng.int(0, 5)) <= todayIso;
    const s42Decision = decided ? (rng.chance(0.4) ? 'yes' : 'no') : null;
    const decisionOn = s42Decision ? addDays(receivedOn, rng.int(0, 5)) : null;
    const other = s42Decision === 'no' && rng.chance(0.1);
    const enquiryType = s42Decision === 'yes' ? 's42' : other ? 'other' : null;
    const enquiryStartedOn = enquiryType && decisionOn ? capped(addDays(decisionOn, rng.int(0, 7))) : null;
    const enquiryConcludedOn = enquiryStartedOn ? capped(addDays(enquiryStartedOn, rng.int(10, 90))) : null;
    const concluded = enquiryConcludedOn !== null && enquiryStartedOn !== null;
    const type = () =>
      weighted(rng, [
        ['neglect', 30],
        ['self-neglect', 12],
        ['financial', 15],
        ['psychological', 12],
        ['physical', 14],
        ['domestic', 8],
        ['organisational', 4],
        ['sexual', 3],
        ['discriminatory', 1],
        ['modern-slavery', 1],
      ] as const);
    const abuseTypes = [type()];
    if (rng.chance(0.3)) {
      const second = type();
      if (!abuseTypes.includes(second)) abuseTypes.push(second);
    }
    const outcomesAsked = concluded
      ? weighted(rng, [
          ['expressed', 75],
          ['none-expressed', 10],
          ['not-asked', 15],
        ] as const)
      : null;
    out.push({
      reference: `SG-${String(i).padStart(5, '0')}`,
      personRef: `AD${String(rng.int(1, people)).padStart(6, '0')}`,
      receivedOn,
      source: weighted(rng, [
        ['social-care', 30],
        ['health', 22],
        ['police', 15],
        ['family', 12],
        ['friend-neighbour', 4],
        ['self', 5],
        ['cqc', 2],
        ['housing', 6],
        ['other', 4],
      ] as const),
      s42Decision,
      decisionOn,
      enquiryType: enquiryStartedOn ? enquiryType : null,
      enquiryStartedOn,
      enquiryConcludedOn: concluded ? enquiryConcludedOn : null,
      abuseTypes,
      location: weighted(rng, [
        ['own-home', 45],
        ['care-home-residential', 15],
        ['care-home-nursing', 10],
        ['community', 10],
        ['community-service', 6],
        ['hospital-acute', 6],
        ['hospital-mental-health', 3],
        ['other', 5],
      ] as const),
      riskSource: weighted(rng, [
        ['known-to-individual', 60],
        ['service-provider', 30],
        ['unknown-to-individual', 10],
      ] as const),
      outcomesAsked,
      outcomesAchieved:
        outcomesAsked === 'expressed'
          ? weighted(rng, [
              ['fully', 65],
              ['partly', 25],
              ['not', 10],
            ] as const)
          : null,
      riskOutcome: concluded
        ? weighted(rng, [
            ['removed', 40],
            ['reduced', 45],
            ['remains', 15],
          ] as const)
        : null,
    });
  }
  return out;
}

export async function adultsDemo(
  oversight: Oversight,
  org: DemoOrganisation,
  scale: DemoScale,
): Promise<void> {
  const { db, clock } = { db: oversight.database.db, clock: oversight.clock };
  const ctx = {
    organisationId: org.organisationId,
    userId: org.userIds.qa_officer,
    ip: null,
    userAgent: null,
    requestId: null,
    at: clock.now(),
  };
  await adults.importConcerns(db, ctx, demoConcerns(today(clock), scale === 'large' ? 1500 : 60));
  await kpis.ensureIndicators(db, org.organisationId, clock.now());
  for (const [n, q] of quartersTo(lastCompleteQuarter(today(clock)), 4).entries()) {
    await kpis.enterValue(db, ctx, 'ASG-08', q, scale === 'large' ? DOLS[n]! * 12 : DOLS[n]!);
  }
}
