import { addDays, addMonths, daysBetween, earlierOf, laterOf } from '../../../platform/calendar/working-days';
import type { CaseFacts } from './model';

/** 13 weeks, in days. */
const THIRTEEN_WEEKS = 91;

/**
 * The date a child becomes an eligible child (Children Act 1989, Schedule 2,
 * paragraph 19B; Care Planning Regulations 2010, regulation 40): looked after
 * for periods adding up to 13 weeks since their 14th birthday, and still looked
 * after on a day from their 16th birthday (before 18). Open periods of care are
 * taken to continue, so the date can be worked out ahead. Null when the child
 * will not be eligible on what the register holds, or has no date of birth.
 *
 * Only the periods of care in the register count: care before the extract's
 * earliest period is not seen.
 */
export function eligibleChildFrom(facts: CaseFacts): string | null {
  if (!facts.dateOfBirth) return null;
  const fourteen = addMonths(facts.dateOfBirth, 14 * 12);
  const sixteen = addMonths(facts.dateOfBirth, 16 * 12);
  const eighteen = addMonths(facts.dateOfBirth, 18 * 12);
  const periods = facts.episodes
    .filter((e) => e.type === 'looked_after')
    .map((e) => ({ start: e.start, end: e.end ?? null }))
    .sort((a, b) => a.start.localeCompare(b.start));
  /** Days looked after from the 14th birthday to (not including) a date. */
  const daysSinceFourteen = (upTo: string) =>
    periods.reduce((sum, p) => {
      const from = laterOf(p.start, fourteen);
      const to = p.end ? earlierOf(p.end, upTo) : upTo;
      return to > from ? sum + daysBetween(from, to) : sum;
    }, 0);
  for (const p of periods) {
    if ((p.end && p.end < sixteen) || p.start >= eighteen) continue;
    const from = laterOf(p.start, sixteen);
    const need = THIRTEEN_WEEKS - daysSinceFourteen(from);
    const on = need <= 0 ? from : addDays(from, need);
    if ((!p.end || on <= p.end) && on < eighteen) return on;
  }
  return null;
}
