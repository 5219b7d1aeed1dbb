/**
 * Minutes, pure: from the meeting, its numbered agenda and what the clerk
 * wrote item by item, the public minutes (Part 1 items in full, Part 2 items
 * by their titles only) and the non-public summary (Part 2 items), in the
 * shape of vocabularies.md ("Minutes"): present, in attendance, apologies,
 * numbered items with members' questions and their answers, their
 * "RESOLVED – That ..." and actions, the exclusion
 * resolution with its Item | Paragraph table, and the time the meeting ended.
 * Also the public texts disclosure control checks before approval.
 */
import { type ExclusionMotion, exclusionMotion, numbered, paragraphList } from './agenda';
import type { PublicText } from './disclosure';
import { renderMarkup } from './markup';
import type { MinutesContent, MinutesItemEntry } from './minutes-schema';
import type { Attendance } from './schema';
import { MEMBER_ROLE_NAMES, type MemberRole } from './vocab';

export interface MinutesDocItem {
  number: number;
  title: string;
  part: number;
  paragraphs: string;
  standard: string | null;
  /** Discussion as HTML (every value escaped); null where it is not in this document. */
  discussionHtml: string | null;
  /** "3.1", "RESOLVED – That ...". */
  resolutions: Array<{ number: string; text: string }>;
  actions: Array<{ reference: string | null; description: string; officer: string; dueDate: string | null }>;
  /** Members' questions, numbered "Q1", with their answers ("answer to follow" while there is none). */
  questions: Array<{
    number: string;
    askedBy: string;
    question: string;
    answer: string | null;
    answeredBy: string | null;
    afterMeeting: boolean;
  }>;
  /** The result of an election held under the item. */
  election: string | null;
  /** True for a Part 2 item in the public minutes: listed, its minutes in the non-public summary. */
  withheld: boolean;
}

export interface MinutesDoc {
  committeeName: string;
  date: string;
  startTime: string;
  venue: string | null;
  endedAt: string | null;
  present: string[];
  apologies: string[];
  officers: string[];
  items: MinutesDocItem[];
  exclusion: ExclusionMotion | null;
  nonPublic: boolean;
}

export interface MinutesInput {
  committeeName: string;
  meeting: { date: string; startTime: string; venue: string | null; attendance: Attendance };
  /** Seats on the day, for naming the chairman and deputy among those present. */
  roles: ReadonlyMap<string, string>;
  items: ReadonlyArray<{
    id: string;
    position: number;
    title: string;
    part: number;
    paragraphs: number[];
    standard: string | null;
  }>;
  content: MinutesContent;
  /** Election results by agenda item id, as sentences. */
  elections: ReadonlyMap<string, string>;
}

/** The resolution as minuted: "RESOLVED – That the report be noted." */
export function resolved(text: string): string {
  const t = text.trim().replace(/^resolved\s*[–-]?\s*/i, '');
  const body = /^that\b/i.test(t) ? `That${t.slice(4)}` : `That ${t[0]?.toLowerCase() ?? ''}${t.slice(1)}`;
  return `RESOLVED – ${/[.!?]$/.test(body) ? body : `${body}.`}`;
}

const EMPTY: MinutesItemEntry = { itemId: '', discussion: '', resolutions: [], actions: [] };

function docItems(input: MinutesInput, which: 'public' | 'non-public'): MinutesDocItem[] {
  const entries = new Map(input.content.items.map((e) => [e.itemId, e]));
  return numbered(input.items)
    .filter((i) => which === 'public' || i.part === 2)
    .map((i) => {
      const e = entries.get(i.id) ?? EMPTY;
      const withheld = which === 'public' && i.part === 2;
      return {
        number: i.number,
        title: i.title,
        part: i.part,
        paragraphs: paragraphList(i.paragraphs),
        standard: i.standard,
        discussionHtml:
          withheld || !e.discussion.trim()
            ? null
            : renderMarkup(e.discussion, { headingLevel: 4, caption: `Item ${i.number}` }),
        resolutions: withheld
          ? []
          : e.resolutions.map((r, n) => ({ number: `${i.number}.${n + 1}`, text: resolved(r) })),
        actions: withheld
          ? []
          : e.actions.map((a) => ({
              reference: a.reference,
              description: a.description,
              officer: a.officer,
              dueDate: a.dueDate,
            })),
        questions: withheld
          ? []
          : (e.questions ?? []).map((q, n) => ({
              number: `Q${n + 1}`,
              askedBy: q.askedBy,
              question: q.question,
              answer: q.answer,
              answeredBy: q.answeredBy,
              afterMeeting: q.afterMeeting,
            })),
        election: withheld ? null : (input.elections.get(i.id) ?? null),
        withheld,
      };
    });
}

/** The public minutes and the non-public summary. */
export function buildMinutes(input: MinutesInput): {
  publicMinutes: MinutesDoc;
  nonPublicMinutes: MinutesDoc;
} {
  const { attendance } = input.meeting;
  const named = (m: { userId: string; name: string }) => {
    const role = input.roles.get(m.userId);
    return role === 'chairman' || role === 'deputy_chairman'
      ? `${m.name} (${MEMBER_ROLE_NAMES[role as MemberRole]})`
      : m.name;
  };
  const base = {
    committeeName: input.committeeName,
    date: input.meeting.date,
    startTime: input.meeting.startTime,
    venue: input.meeting.venue,
    endedAt: input.content.endedAt,
    present: attendance.members.filter((m) => m.status === 'present').map(named),
    apologies: attendance.members.filter((m) => m.status === 'apologies').map((m) => m.name),
    officers: attendance.officers.map((o) => `${o.name}, ${o.department}`),
    exclusion: exclusionMotion(input.items),
  };
  return {
    publicMinutes: { ...base, items: docItems(input, 'public'), nonPublic: false },
    nonPublicMinutes: { ...base, items: docItems(input, 'non-public'), nonPublic: true },
  };
}

/** The discussion as the clerk wrote it (structured text), by item number. */
export function discussionsByNumber(input: Pick<MinutesInput, 'items' | 'content'>): Map<number, string> {
  const entries = new Map(input.content.items.map((e) => [e.itemId, e.discussion]));
  return new Map(numbered(input.items).map((i) => [i.number, entries.get(i.id) ?? '']));
}

/** Every text of the public minutes a reader sees, with where it is, for disclosure control. */
export function publicMinutesTexts(doc: MinutesDoc, discussions: ReadonlyMap<number, string>): PublicText[] {
  const texts: PublicText[] = [];
  const people = [...doc.present, ...doc.apologies, ...doc.officers].join('\n');
  if (people) texts.push({ where: 'Minutes, attendance', text: people, markup: false });
  for (const i of doc.items) {
    const at = `Minutes, item ${i.number}`;
    texts.push({ where: `${at}, title`, text: i.title, markup: false });
    if (i.withheld) continue;
    const discussion = discussions.get(i.number);
    // Structured text, so that its tables are checked for small numbers too.
    if (discussion?.trim()) texts.push({ where: `${at}, discussion`, text: discussion, markup: true });
    for (const r of i.resolutions)
      texts.push({ where: `${at}, resolution ${r.number}`, text: r.text, markup: false });
    for (const [n, a] of i.actions.entries())
      texts.push({ where: `${at}, action ${n + 1}`, text: `${a.description}\n${a.officer}`, markup: false });
    for (const q of i.questions)
      texts.push({
        where: `${at}, question ${q.number}`,
        text: [q.askedBy, q.question, q.answer ?? '', q.answeredBy ?? ''].join('\n'),
        markup: false,
      });
    if (i.election) texts.push({ where: `${at}, election`, text: i.election, markup: false });
  }
  return texts;
}
