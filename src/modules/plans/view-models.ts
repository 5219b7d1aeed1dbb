import type { FastifyRequest } from 'fastify';
import { leadLong, leadOfficersLong, leadOfficersText, leadText, type PlanDocument } from './document';
import { countsLine, defaultLayout, endDateText, LAYOUTS, type Layout, startDateText } from './layouts';
import { q } from './route-helpers';
import {
  formatSource,
  RAG_TAG_CLASS,
  type RagCode,
  type RagKeyEntry,
  type RagScale,
  ragLabel,
  scaleBands,
} from './vocab';

/** A RAG status as a tag; a scored action's tag says its score too ("Green, score 8"). */
export function ragView(key: readonly RagKeyEntry[], code: RagCode, score?: number | null) {
  const label = ragLabel(key, code);
  return {
    code,
    label: score === null || score === undefined ? label : `${label}, score ${score}`,
    tagClass: RAG_TAG_CLASS[code],
  };
}

/** The score bands in words: "Red 0 to 3, Amber 4 to 6, Green 7 to 10". */
export function bandsText(key: readonly RagKeyEntry[], scale: RagScale): string {
  return scaleBands(scale)
    .map((b) => `${ragLabel(key, b.code)} ${b.from} to ${b.to}`)
    .join(', ');
}

export function scaleHint(key: readonly RagKeyEntry[], scale: RagScale): string {
  return `A whole number from 0 to 10: ${bandsText(key, scale)}. The score's band sets the RAG status; leave it empty to choose the status yourself`;
}

/** A document with what the templates need worked out: labels, tag classes, lead names. */
export function decorate(doc: PlanDocument) {
  return {
    ...doc,
    countsLine: countsLine(doc),
    countsList: (['green', 'amber', 'red', 'blue', 'not_rated'] as RagCode[])
      .filter((c) => c !== 'not_rated' || doc.counts.not_rated > 0)
      .map((c) => ({
        ...ragView(doc.ragKey, c),
        meaning: doc.ragKey.find((k) => k.code === c)?.meaning ?? '',
        band: doc.ragScale ? scaleBands(doc.ragScale).find((b) => b.code === c) : undefined,
        count: doc.counts[c],
      })),
    priorities: doc.priorities.map((p) => ({
      ...p,
      actions: p.actions.map((a, i) => ({
        ...a,
        // A sub-heading row goes before the first action under each sub-heading.
        subHeadingStart: Boolean(a.subHeading) && a.subHeading !== p.actions[i - 1]?.subHeading,
        ragView: ragView(doc.ragKey, a.rag, a.score),
        sourceText: formatSource(a.source),
        endDateText: endDateText(a),
        startDateText: startDateText(a),
        leadOfficerText: leadOfficersText(a),
        seniorLeadText: leadText(a.seniorLead),
        areaLeadText: leadText(a.areaLead),
        leadOfficerLong: leadOfficersLong(a),
        seniorLeadLong: leadLong(a.seniorLead),
        areaLeadLong: leadLong(a.areaLead),
      })),
    })),
  };
}

export const ragKeyOptions = (key: readonly RagKeyEntry[]) =>
  key.map((k) => ({ value: k.code, text: k.label, hint: { text: k.meaning } }));

export function layoutOf(req: FastifyRequest, doc: PlanDocument): Layout {
  const wanted = q(req).layout;
  return LAYOUTS.includes(wanted as Layout) ? (wanted as Layout) : defaultLayout(doc.plan.type);
}

export function layoutsFor(doc: PlanDocument): Layout[] {
  return doc.plan.type === 'committee_outstanding' ? ['outstanding', 'table'] : ['table', 'review'];
}
