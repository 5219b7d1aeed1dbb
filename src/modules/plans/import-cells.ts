/**
 * Reading single cells of an imported plan: the leads a cell names, a RAG
 * cell with prose after the rating, a comment credited to its author, and
 * a score. Pure: no database.
 */
import { findLead, type LeadForImport } from './table-io';
import {
  parseScore,
  type RagCode,
  type RagKeyEntry,
  type RagScale,
  ragFromLabel,
  ragFromScore,
  ragLabel,
} from './vocab';

/** "JF/RG", "HAI and HCIC", "JF, RG": the leads one cell names. */
export function splitLeads(text: string): string[] {
  return text
    .split(/\s*(?:\/|,|;|&|\n|\band\b)\s*/i)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** A RAG cell with prose after the rating ("Green - on track, ..."), or prose alone. */
export function readRag(
  text: string,
  key: readonly RagKeyEntry[],
): { rag: RagCode; prose: string | null } | undefined {
  const whole = ragFromLabel(key, text);
  if (whole) return { rag: whole, prose: null };
  const lower = text.toLowerCase();
  const words = [
    ...key.map((k) => k.label.toLowerCase()),
    'red',
    'amber',
    'green',
    'blue',
    'completed',
    'complete',
    'not rated',
  ];
  for (const w of words.sort((a, b) => b.length - a.length)) {
    if (lower.startsWith(w) && !/[a-z]/.test(lower.charAt(w.length))) {
      const rag = ragFromLabel(key, w);
      if (rag)
        return {
          rag,
          prose:
            text
              .slice(w.length)
              .replace(/^[\s:.,;)-]+/, '')
              .trim() || null,
        };
    }
  }
  // Prose with no rating in it: kept as progress, the action left not rated.
  if (text.split(/\s+/).length > 3) return { rag: 'not_rated', prose: text };
  return undefined;
}

export function creditOf(
  progress: string,
  leads: readonly LeadForImport[],
): { text: string; author: string | null } {
  const m = /^([A-Za-z]{2,5})\s*:\s+([\s\S]+)$/.exec(progress);
  if (!m) return { text: progress, author: null };
  const lead = findLead(leads, m[1]!);
  if (!lead || lead === 'ambiguous') return { text: progress, author: null };
  return {
    text: m[2]!.trim(),
    author: lead.initials ? `${lead.initials} (${lead.jobTitle})` : lead.jobTitle,
  };
}

/**
 * A score cell (0 to 10), or null. Where the organisation does not score its
 * actions, or the RAG column gives a colour outside the score's band, or the
 * action is complete or not rated, it is a problem with how to put it right.
 */
export function readScoreCell(
  text: string | null,
  rag: RagCode,
  ragGiven: boolean,
  context: { ragKey: readonly RagKeyEntry[]; ragScale?: RagScale | null },
  problem: (message: string) => void,
): number | null {
  if (!text) return null;
  const score = parseScore(text);
  if (score === undefined) {
    problem(`Score "${text}" must be a whole number from 0 to 10`);
    return null;
  }
  if (!context.ragScale) {
    problem(
      'Actions are not scored here. Turn on scores in the RAG key (Plans settings) first, or leave the Score column out',
    );
    return null;
  }
  if (!ragGiven) return score;
  if (rag === 'blue' || rag === 'not_rated') {
    problem(
      `Score ${score} is given for an action that is ${ragLabel(context.ragKey, rag)}. Leave its score empty`,
    );
    return null;
  }
  const band = ragFromScore(context.ragScale, score);
  if (band !== rag) {
    problem(
      `RAG is ${ragLabel(context.ragKey, rag)} but score ${score} is in the ${ragLabel(context.ragKey, band)} band. Correct the RAG or the score`,
    );
    return null;
  }
  return score;
}
