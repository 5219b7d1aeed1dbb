import type { FastifyRequest } from 'fastify';
import { leadLong, leadOfficersLong, leadOfficersText, leadText, type PlanDocument } from './document';
import { countsLine, defaultLayout, endDateText, LAYOUTS, type Layout } from './layouts';
import { q } from './route-helpers';
import { formatSource, RAG_TAG_CLASS, type RagCode, type RagKeyEntry, ragLabel } from './vocab';

export function ragView(key: readonly RagKeyEntry[], code: RagCode) {
  return { code, label: ragLabel(key, code), tagClass: RAG_TAG_CLASS[code] };
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
        count: doc.counts[c],
      })),
    priorities: doc.priorities.map((p) => ({
      ...p,
      actions: p.actions.map((a, i) => ({
        ...a,
        // A sub-heading row goes before the first action under each sub-heading.
        subHeadingStart: Boolean(a.subHeading) && a.subHeading !== p.actions[i - 1]?.subHeading,
        ragView: ragView(doc.ragKey, a.rag),
        sourceText: formatSource(a.source),
        endDateText: endDateText(a),
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
