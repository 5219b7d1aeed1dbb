/**
 * Demo provider and setting audits for Oakhaven: two early years settings, a
 * fostering agency, supported accommodation and a children's home, each with
 * termly visits over the last year (a RAG per area), recommendations open,
 * overdue and completed, and one setting overdue its visit. Made through the
 * qa services; deterministic: a fixed seed, dates relative to today.
 */
import type { Oversight } from '../app';
import type { AreaResult } from '../modules/qa/provider-rules';
import { type AreaRag, PROVIDER_AREAS, type ProviderKind } from '../modules/qa/provider-vocab';
import {
  addProvider,
  addProviderRecommendation,
  completeProviderRecommendation,
  recordVisit,
} from '../modules/qa/providers';
import { addDays, addMonths } from '../platform/calendar/working-days';
import { londonDateOf } from '../platform/clock';
import type { DemoScale } from './load';
import type { DemoOrganisation } from './organisation';
import { actorFor, at } from './qa';
import { SeededRandom } from './random';

interface DemoProvider {
  name: string;
  kind: ProviderKind;
  urn: string | null;
  /** Months ago of each visit, oldest first. */
  visits: number[];
  /** The area that was weak and how it went, visit by visit. */
  weak: { area: string; rags: AreaRag[]; recommendation: string };
}

const PROVIDERS: DemoProvider[] = [
  {
    name: 'Willow Tree Day Nursery',
    kind: 'early_years',
    urn: 'EY480021',
    visits: [11, 7, 3],
    weak: {
      area: 'safer_recruitment',
      rags: ['red', 'amber', 'green'],
      recommendation: 'Take up two references for every member of staff before they start work.',
    },
  },
  {
    name: 'Sunnyside Pre-school',
    kind: 'early_years',
    urn: 'EY512277',
    // Last seen seven months ago: overdue its termly visit.
    visits: [11, 7],
    weak: {
      area: 'first_aid',
      rags: ['amber', 'amber'],
      recommendation: 'Make sure a member of staff with paediatric first aid is on site at all times.',
    },
  },
  {
    name: 'Brightpath Fostering',
    kind: 'fostering_agency',
    urn: 'SC398810',
    visits: [9, 5, 1],
    weak: {
      area: 'carer_supervision',
      rags: ['amber', 'green', 'amber'],
      recommendation: 'Record the supervising social worker visits to carers at least monthly.',
    },
  },
  {
    name: 'Riverside Supported Living',
    kind: 'supported_accommodation',
    urn: null,
    visits: [8, 4, 0],
    weak: {
      area: 'missing',
      rags: ['red', 'red', 'amber'],
      recommendation:
        'Tell the police and the social worker at once when a young person is missing, as the protocol says.',
    },
  },
  {
    name: 'Oak House',
    kind: 'childrens_home',
    urn: 'SC776532',
    visits: [6, 2],
    weak: {
      area: 'education',
      rags: ['amber', 'green'],
      recommendation: 'Agree with the virtual school how each child will get to school every day.',
    },
  },
];

export async function qaProvidersDemo(
  oversight: Oversight,
  org: DemoOrganisation,
  _scale: DemoScale,
): Promise<void> {
  const db = oversight.database.db;
  const r = new SeededRandom(2024);
  const today = londonDateOf(oversight.clock.now());
  const qa = actorFor(org, 'qa_officer');
  const firstVisit = (p: DemoProvider) => addMonths(today, -p.visits[0]! - 1);

  for (const p of PROVIDERS) {
    const provider = await addProvider(
      db,
      qa,
      at(qa, firstVisit(p)),
      { name: p.name, kind: p.kind, urn: p.urn },
      firstVisit(p),
    );
    const visitDates = p.visits.map((monthsAgo) => addDays(addMonths(today, -monthsAgo), -r.int(1, 12)));
    for (const [i, visitedOn] of visitDates.entries()) {
      const results: AreaResult[] = PROVIDER_AREAS[p.kind].map((a) => ({
        area: a.key,
        rag:
          a.key === p.weak.area
            ? p.weak.rags[i]!
            : r.int(1, 8) === 1
              ? 'amber'
              : r.int(1, 10) === 1
                ? 'not_seen'
                : 'green',
        comment: a.key === p.weak.area ? 'Looked at closely, following the last visit.' : null,
      }));
      const visit = await recordVisit(
        db,
        qa,
        at(qa, visitedOn),
        provider.id,
        {
          visitedOn,
          results,
          summary: `Termly visit ${i + 1}: met the manager, walked round and sampled records.`,
        },
        today,
      );
      if (p.weak.rags[i] === 'green') continue;
      const dueOn = addDays(visitedOn, 42);
      const rec = await addProviderRecommendation(db, qa, at(qa, visitedOn), provider.id, {
        visitId: visit.id,
        area: p.weak.area,
        text: p.weak.recommendation,
        dueOn,
      });
      // Followed up at the next visit, if there has been one since.
      const completedOn = visitDates[i + 1];
      if (completedOn) {
        await completeProviderRecommendation(
          db,
          qa,
          at(qa, completedOn),
          provider.id,
          rec.id,
          { followUp: 'Checked at the next visit: in place, with records seen.', completedOn },
          today,
        );
      }
    }
  }
}
