/**
 * Publication of a meeting's packs, with disclosure control, in one
 * transaction: the embedded components are rendered and frozen, the public
 * texts checked against the case register and for small numbers, and the
 * packs stored as a new version (numbered from their printed pages where a
 * printer is given: pack-numbering.ts). A finding not let through blocks it all.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/service';
import type { ComponentRendering, EmbeddableComponentKind } from '../../platform/components';
import type { Db } from '../../platform/db/client';
import { NotFoundError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { registerCandidates } from '../cases/service';
import { outstandingActionsRendering } from '../plans/service';
import { COMMITTEE, mayReadNonPublic, need, readableCommittees, todayOf } from './access';
import { agendaProblems, numbered } from './agenda';
import { fileFacts } from './appendix-repository';
import { checkPublicTexts, type Finding, finding, type PublicText, registerQuery } from './disclosure';
import { glossaryFor } from './glossary';
import { glossaryForPublication } from './glossary-service';
import { type CheckedFinding, letThrough, withOverrides } from './overrides';
import { buildPacks, type Pack, type PackFile, type PackGlossary, publicTexts, withGlossary } from './pack';
import { estimated, numberedByPrinting, type Packs, sameContent } from './pack-numbering';
import type { Printer } from './pack-pdf';
import * as repo from './repository';
import type { ReportBody } from './schema';

export interface PublicationCheck {
  problems: string[];
  findings: CheckedFinding[];
  blocked: boolean;
}

/** Disclosure findings that cannot go through: an identifier, or not let through with a reason, or a component not safe for the public. */
async function prepare(
  db: Db,
  actor: Actor,
  kinds: ReadonlyMap<string, EmbeddableComponentKind>,
  meetingId: string,
  at: Date,
) {
  const meeting = await repo.meetingById(db, actor.organisationId, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  const committee = (await repo.committeeById(db, actor.organisationId, meeting.committeeId))!;
  const items = await repo.itemsOf(db, actor.organisationId, meetingId);
  const reports = await repo.reportsOfItems(
    db,
    actor.organisationId,
    items.map((i) => i.id),
  );
  const appendices = await repo.appendicesOf(
    db,
    actor.organisationId,
    reports.map((r) => r.id),
  );
  const facts = await fileFacts(
    db,
    actor.organisationId,
    appendices.filter((a) => a.fileName !== null).map((a) => a.id),
  );
  const problems = agendaProblems(items);
  const numberOf = new Map(numbered(items).map((i) => [i.id, i.number]));
  for (const r of reports)
    if (r.status !== 'accepted')
      problems.push(`The report for item ${numberOf.get(r.agendaItemId)} is not yet accepted by the clerk`);
  for (const i of items)
    if (i.standard === null && !reports.some((r) => r.agendaItemId === i.id))
      problems.push(`Item ${numberOf.get(i.id)} "${i.title}" has no report`);
  const rendered = new Map<
    string,
    Array<{
      title: string;
      public: boolean;
      rendering: Awaited<ReturnType<EmbeddableComponentKind['render']>>;
      file?: PackFile;
    }>
  >();
  for (const r of reports) {
    const list = [];
    for (const a of appendices.filter((x) => x.reportId === r.id)) {
      const fact = facts.get(a.id);
      if (fact) {
        const file: PackFile = {
          appendixId: a.id,
          filename: a.fileName ?? 'appendix',
          contentType: fact.contentType,
          sizeBytes: fact.sizeBytes,
          pages: fact.pages,
        };
        list.push({ title: a.title, public: a.public, rendering: fileRendering(a.title, file), file });
        continue;
      }
      const kind = kinds.get(a.componentKind ?? '');
      if (!kind) {
        problems.push(
          `Appendix "${a.title}" of item ${numberOf.get(r.agendaItemId)} embeds something no longer offered`,
        );
        continue;
      }
      const rendering = await kind.render(db, actor.organisationId, a.componentRef ?? '', at);
      if (a.public && !rendering.publicSafe)
        problems.push(
          `Appendix "${a.title}" of item ${numberOf.get(r.agendaItemId)} is public but what it embeds is not safe for the public: make it non-public`,
        );
      list.push({ title: a.title, public: a.public, rendering });
    }
    rendered.set(r.agendaItemId, list);
  }
  // The committee's outstanding actions list, as it stands now, on the "Outstanding actions" item.
  const components = new Map<string, ComponentRendering>();
  const outstanding = items.find((i) => i.standard === 'outstanding' && i.part === 1);
  if (outstanding)
    components.set(
      outstanding.id,
      await outstandingActionsRendering(db, actor.organisationId, committee.name, {
        at,
        previousListAt: await repo.previousListPublishedAt(
          db,
          actor.organisationId,
          committee.id,
          meeting.date,
        ),
      }),
    );
  const built = buildPacks({
    committeeName: committee.name,
    meeting,
    items,
    reports: new Map(reports.map((r) => [r.agendaItemId, r])),
    appendices: rendered,
    components,
  });
  const bodies = new Map<number, ReportBody>();
  for (const r of reports) bodies.set(numberOf.get(r.agendaItemId)!, r.body);
  const fileTexts = new Map([...facts].map(([id, f]) => [id, f.text]));
  const packs = {
    publicPack: withGlossary(
      built.publicPack,
      await packGlossary(
        db,
        actor.organisationId,
        meeting.glossary,
        publicTexts(built.publicPack, bodies, fileTexts),
      ),
    ),
    nonPublicPack: built.nonPublicPack,
  };
  const texts = publicTexts(packs.publicPack, bodies, fileTexts);
  const people = await registerCandidates(db, actor.organisationId, registerQuery(texts));
  const unread: Finding[] = [];
  for (const i of packs.publicPack.items)
    for (const [n, a] of (i.report?.appendices ?? []).entries())
      if (a.file && facts.get(a.file.appendixId)?.text === null)
        unread.push(
          finding(`Item ${i.number}, Appendix ${n + 1} (${a.title})`, 'unread_file', a.file.filename),
        );
  const findings = await withOverrides(db, actor.organisationId, meetingId, [
    ...checkPublicTexts(texts, people),
    ...unread,
  ]);
  const blocked = problems.length > 0 || findings.some((f) => f.overridden === null);
  return { meeting, packs, check: { problems, findings, blocked } satisfies PublicationCheck };
}

/** The glossary the clerk chose for the pack, from the acronyms in its public texts or all. */
async function packGlossary(
  db: Db,
  organisationId: string,
  choice: string,
  texts: readonly PublicText[],
): Promise<PackGlossary | null> {
  if (choice !== 'used' && choice !== 'all') return null;
  const entries = glossaryFor(
    await glossaryForPublication(db, organisationId),
    choice,
    texts.map((t) => t.text),
  ).map((e) => ({ acronym: e.acronym, meaning: e.meaning }));
  return { scope: choice, entries };
}

const KB = 1024;
const sizeText = (bytes: number) =>
  bytes >= KB * KB ? `${(bytes / KB / KB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / KB))} KB`;
const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'text/csv': 'CSV',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
};

/** What a pack shows of an uploaded appendix: its name, type and size (the page links to it). */
function fileRendering(title: string, file: PackFile) {
  const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    title,
    html: `<p class="govuk-body">${esc(file.filename)} (${TYPE_NAMES[file.contentType] ?? 'file'}, ${sizeText(file.sizeBytes)})${file.contentType === 'application/pdf' ? `, ${file.pages} ${file.pages === 1 ? 'page' : 'pages'}` : ', published as a separate file'}.</p>`,
    data: null,
    publicSafe: true,
  };
}

export async function checkPublication(
  db: Db,
  actor: Actor,
  kinds: ReadonlyMap<string, EmbeddableComponentKind>,
  meetingId: string,
  at: Date,
): Promise<PublicationCheck> {
  need(actor, COMMITTEE.manage);
  return (await prepare(db, actor, kinds, meetingId, at)).check;
}

/** Let a flagged finding through, with the reason (access-audited). */
export async function overrideFinding(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  kinds: ReadonlyMap<string, EmbeddableComponentKind>,
  meetingId: string,
  key: string,
  reason: string,
) {
  need(actor, COMMITTEE.manage);
  const { check } = await prepare(db, actor, kinds, meetingId, ctx.at);
  await letThrough(
    db,
    actor,
    ctx,
    meetingId,
    check.findings,
    key,
    reason,
    'This finding cannot be let through: change the text instead',
  );
}

/**
 * Publish the packs as a new version, or throw PublicationBlocked with what
 * stops it. With a printer, the packs are first printed (outside the
 * transaction: Chromium is never waited on with it open) and numbered from
 * their real pages; the transaction then builds and checks them again and
 * keeps the printed numbers if nothing changed meanwhile. Without one, or if
 * something did change, the numbers are the estimate and the packs say so.
 */
export async function publishPacks(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  kinds: ReadonlyMap<string, EmbeddableComponentKind>,
  meetingId: string,
  printer: Printer | null = null,
): Promise<number> {
  need(actor, COMMITTEE.manage);
  let printed: { built: Packs; numbered: Packs } | null = null;
  if (printer) {
    const { packs, check } = await prepare(db, actor, kinds, meetingId, ctx.at);
    if (check.blocked) throw new PublicationBlocked(check);
    printed = { built: packs, numbered: await numberedByPrinting(packs, printer) };
  }
  return db.transaction(async (tx) => {
    const prepared = await prepare(tx, actor, kinds, meetingId, ctx.at);
    const { meeting, check } = prepared;
    if (check.blocked) throw new PublicationBlocked(check);
    const packs =
      printed && sameContent(printed.built, prepared.packs) ? printed.numbered : estimated(prepared.packs);
    const latest = await repo.publication(tx, actor.organisationId, meetingId);
    const version = (latest?.version ?? 0) + 1;
    const { id } = await repo.insertPublication(tx, {
      organisationId: actor.organisationId,
      meetingId,
      version,
      publicPack: packs.publicPack,
      nonPublicPack: packs.nonPublicPack,
      publishedBy: actor.userId,
      publishedAt: ctx.at,
    });
    if (meeting.status === 'scheduled')
      await repo.updateMeeting(tx, actor.organisationId, meetingId, { status: 'agenda_published' });
    await recordAudit(tx, ctx, {
      action: 'committee.publish',
      recordType: 'committee_publication',
      recordId: id,
      detail: `meeting ${meetingId} version ${version}`,
    });
    return version;
  });
}

export class PublicationBlocked extends Error {
  readonly statusCode = 400;
  constructor(readonly check: PublicationCheck) {
    super('publication blocked by disclosure control');
  }
}

/** A published pack for a signed-in reader: the non-public one only for those who may read it. */
export async function readPack(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  meetingId: string,
  version: number,
  which: 'public' | 'non-public',
): Promise<{ pack: Pack; version: number; publishedAt: Date }> {
  need(actor, COMMITTEE.read);
  const meeting = await repo.meetingById(db, actor.organisationId, meetingId);
  if (!meeting) throw new NotFoundError('meeting');
  const readable = await readableCommittees(db, actor, todayOf(ctx));
  if (readable !== 'all' && !readable.has(meeting.committeeId)) throw new NotFoundError('meeting');
  if (which === 'non-public' && !mayReadNonPublic(actor, readable, meeting.committeeId))
    throw new NotFoundError('pack');
  const row = await repo.publication(db, actor.organisationId, meetingId, version);
  if (!row) throw new NotFoundError('pack');
  if (which === 'non-public')
    await recordAudit(db, ctx, {
      action: 'committee.pack.non-public.read',
      recordType: 'committee_publication',
      recordId: row.id,
    });
  return {
    pack: (which === 'public' ? row.publicPack : row.nonPublicPack) as Pack,
    version: row.version,
    publishedAt: row.publishedAt,
  };
}
