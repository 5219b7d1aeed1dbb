/**
 * Drawing a round's sample: pure, deterministic and explained. Each case
 * chosen carries the reason the round page shows; each open case left out
 * carries why.
 *
 * Half-year rounds come in pairs. The first takes half of the open cases,
 * stratified by service level and team so both halves are alike; the second
 * takes every open case the first did not audit (those left for it, and those
 * opened since), so that a case open at both rounds is audited exactly once.
 */

export interface SamplingCase {
  personId: string;
  serviceLevel: string;
  teamName: string | null;
  workerUserId: string | null;
}

export interface SampledCase extends SamplingCase {
  stratum: string;
  reason: string;
}

export interface Sample {
  /** The open cases the rule looked at. */
  eligible: number;
  sample: SampledCase[];
  excluded: Array<{ personId: string; reason: string }>;
}

export type SamplingRule =
  | { rule: 'half_year_first'; seed: string }
  | {
      rule: 'half_year_second';
      previousRoundName: string;
      /** Cases audited in the first round of the pair. */
      previouslySampled: ReadonlySet<string>;
      /** Cases open when the first round was drawn. */
      previouslyOpen: ReadonlySet<string>;
    }
  | {
      rule: 'criteria';
      serviceLevels: readonly string[];
      teamNames: readonly string[];
      /** Only cases with a contact or referral in these dates (both included), when given. */
      dates?: DateCriterion;
    }
  | { rule: 'chosen'; personIds: readonly string[] };

export type LabelOf = (serviceLevel: string) => string;

/** A date criterion: the range, and the first contact and referral in it of each case that has one. */
export interface DateCriterion {
  from: string;
  to: string;
  inRange: ReadonlyMap<string, { contactDate: string | null; referralDate: string | null }>;
  /** How a date reads on the page (the caller's formatting). */
  format: (iso: string) => string;
}

/** Why a case meets (or misses) a date criterion, in words. */
function datesReason(d: DateCriterion, personId: string): { ok: boolean; text: string } {
  const hit = d.inRange.get(personId);
  const range = `${d.format(d.from)} and ${d.format(d.to)}`;
  if (!hit) return { ok: false, text: `No contact or referral between ${range}` };
  const parts = [
    hit.referralDate ? `referred on ${d.format(hit.referralDate)}` : null,
    hit.contactDate ? `contact on ${d.format(hit.contactDate)}` : null,
  ].filter(Boolean);
  return { ok: true, text: parts.join(' and ') };
}

/** The group a case is stratified by: service level and team. */
export function stratumOf(c: SamplingCase, label: LabelOf): string {
  return `${label(c.serviceLevel)}, ${c.teamName ?? 'no team'}`;
}

/** A stable 32-bit rank of a case within a round (FNV-1a of seed and id): the same inputs, the same order. */
export function rankOf(seed: string, personId: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed}:${personId}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function byRank(seed: string) {
  return (a: SamplingCase, b: SamplingCase) =>
    rankOf(seed, a.personId) - rankOf(seed, b.personId) || a.personId.localeCompare(b.personId);
}

function groups(cases: readonly SamplingCase[], label: LabelOf): Array<[string, SamplingCase[]]> {
  const map = new Map<string, SamplingCase[]>();
  for (const c of cases) {
    const key = stratumOf(c, label);
    map.set(key, [...(map.get(key) ?? []), c]);
  }
  return [...map].sort(([a], [b]) => a.localeCompare(b));
}

export function drawSample(open: readonly SamplingCase[], rule: SamplingRule, label: LabelOf): Sample {
  const sample: SampledCase[] = [];
  const excluded: Sample['excluded'] = [];
  const take = (c: SamplingCase, reason: string) =>
    sample.push({ ...c, stratum: stratumOf(c, label), reason });
  switch (rule.rule) {
    case 'half_year_first': {
      // An odd group gives its extra case to the first half and the second half in turn, so the halves stay alike.
      let extraToThisHalf = true;
      for (const [stratum, members] of groups(open, label)) {
        const ordered = [...members].sort(byRank(rule.seed));
        let count = Math.floor(ordered.length / 2);
        if (ordered.length % 2 === 1) {
          if (extraToThisHalf) count += 1;
          extraToThisHalf = !extraToThisHalf;
        }
        ordered.forEach((c, i) => {
          if (i < count)
            take(
              c,
              `First of two half-year rounds: drawn by lot from ${stratum} (${count} of ${ordered.length} in this group)`,
            );
          else
            excluded.push({
              personId: c.personId,
              reason: `Left for the second half-year round (${stratum})`,
            });
        });
      }
      break;
    }
    case 'half_year_second':
      for (const c of open) {
        if (rule.previouslySampled.has(c.personId))
          excluded.push({ personId: c.personId, reason: `Audited in ${rule.previousRoundName}` });
        else if (rule.previouslyOpen.has(c.personId))
          take(c, `Second of two half-year rounds: open at ${rule.previousRoundName} and not audited in it`);
        else take(c, `Second of two half-year rounds: opened since ${rule.previousRoundName}`);
      }
      break;
    case 'criteria': {
      const levels = new Set(rule.serviceLevels);
      const teams = new Set(rule.teamNames);
      for (const c of open) {
        const levelOk = !levels.size || levels.has(c.serviceLevel);
        const teamOk = !teams.size || (c.teamName !== null && teams.has(c.teamName));
        const dates = rule.dates ? datesReason(rule.dates, c.personId) : { ok: true, text: '' };
        if (levelOk && teamOk && dates.ok)
          take(
            c,
            `Meets the round's criteria: ${[
              levels.size ? label(c.serviceLevel) : null,
              teams.size ? c.teamName : null,
              rule.dates ? dates.text : null,
            ]
              .filter(Boolean)
              .join(', ')}`,
          );
        else
          excluded.push({
            personId: c.personId,
            reason: !levelOk
              ? `Service level is ${label(c.serviceLevel)}`
              : !teamOk
                ? `Team is ${c.teamName ?? 'not recorded'}`
                : dates.text,
          });
      }
      break;
    }
    case 'chosen': {
      const chosen = new Set(rule.personIds);
      for (const c of open) {
        if (chosen.has(c.personId)) take(c, 'Chosen for this round by the quality assurance officer');
        else excluded.push({ personId: c.personId, reason: 'Not chosen for this round' });
      }
      break;
    }
  }
  sample.sort((a, b) => a.stratum.localeCompare(b.stratum) || a.personId.localeCompare(b.personId));
  return { eligible: open.length, sample, excluded };
}

/** Share the sample among the round's auditors in turn, group by group, so each sees a mix of groups. */
export function assignAuditors(
  sample: readonly SampledCase[],
  auditorIds: readonly string[],
): Array<SampledCase & { auditorId: string | null }> {
  return sample.map((c, i) => ({
    ...c,
    auditorId: auditorIds.length ? auditorIds[i % auditorIds.length]! : null,
  }));
}
