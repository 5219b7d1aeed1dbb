/**
 * Improvement plan pages: parse and check what was sent, call the service,
 * render. Every route names its permission; the service checks the finer
 * rules (a lead may update only their own actions; clerks keep only the
 * committee's outstanding actions lists).
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { markedFilename } from '../../platform/branding/marking';
import { protectiveMarking } from '../../platform/branding/service';
import { today } from '../../platform/clock';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { type FormErrors, formErrors, validateForm } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { scrollableTables } from '../../platform/http/table-regions';
import { fromRoot } from '../../platform/paths';
import { type Actor, can } from '../../platform/permissions';
import { plansWithAttention } from './attention';
import { allActions, filterDocument, leadLong, leadText, type PlanDocument } from './document';
import { chromiumPath, DOCX_TYPE, htmlToPdf, writeCsv, writeDocx, writeXlsx, XLSX_TYPE } from './files';
import {
  type Body,
  list,
  optionalText,
  partsOf,
  readDate,
  readForm,
  requiredText,
  str,
  type UploadedFile,
} from './form-helpers';
import {
  countsLine,
  defaultLayout,
  headerLines,
  LAYOUT_NAMES,
  LAYOUTS,
  type Layout,
  textTable,
} from './layouts';
import * as plans from './service';
import { PERMISSIONS as P } from './service';
import {
  FREQUENCIES,
  FREQUENCY_NAMES,
  formatSource,
  isRagCode,
  PLAN_TYPE_NAMES,
  PLAN_TYPES,
  RAG_CODES,
  RAG_TAG_CLASS,
  type RagCode,
  type RagKeyEntry,
  ragLabel,
  SOURCE_KINDS,
  SOURCE_NAMES,
} from './vocab';

const V = (name: string) => `plans/views/${name}.njk`;
const uuid = z.string().uuid();
const appCss = fromRoot('src', 'platform', 'public', 'app.css');

function id(req: FastifyRequest, name: string): string {
  const parsed = uuid.safeParse((req.params as Record<string, string>)[name]);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

function num(req: FastifyRequest, name: string): number {
  const parsed = z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .safeParse((req.params as Record<string, string>)[name]);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

const q = (req: FastifyRequest) => req.query as Record<string, unknown>;

function ragView(key: readonly RagKeyEntry[], code: RagCode) {
  return { code, label: ragLabel(key, code), tagClass: RAG_TAG_CLASS[code] };
}

/** A document with what the templates need worked out: labels, tag classes, lead names. */
function decorate(doc: PlanDocument) {
  return {
    ...doc,
    countsLine: countsLine(doc),
    countsList: (['green', 'amber', 'red', 'blue'] as RagCode[]).map((c) => ({
      ...ragView(doc.ragKey, c),
      meaning: doc.ragKey.find((k) => k.code === c)?.meaning ?? '',
      count: doc.counts[c],
    })),
    priorities: doc.priorities.map((p) => ({
      ...p,
      actions: p.actions.map((a) => ({
        ...a,
        ragView: ragView(doc.ragKey, a.rag),
        sourceText: formatSource(a.source),
        leadOfficerText: leadText(a.leadOfficer),
        seniorLeadText: leadText(a.seniorLead),
        areaLeadText: leadText(a.areaLead),
        leadOfficerLong: leadLong(a.leadOfficer),
        seniorLeadLong: leadLong(a.seniorLead),
        areaLeadLong: leadLong(a.areaLead),
      })),
    })),
  };
}

const ragKeyOptions = (key: readonly RagKeyEntry[]) =>
  key.map((k) => ({ value: k.code, text: k.label, hint: { text: k.meaning } }));

function layoutOf(req: FastifyRequest, doc: PlanDocument): Layout {
  const wanted = q(req).layout;
  return LAYOUTS.includes(wanted as Layout) ? (wanted as Layout) : defaultLayout(doc.plan.type);
}

function layoutsFor(doc: PlanDocument): Layout[] {
  return doc.plan.type === 'committee_outstanding' ? ['outstanding', 'table'] : ['table', 'review'];
}

// ------------------------------------------------------------------ forms

const planForm = z.object({
  type: z.enum(PLAN_TYPES, { error: 'Select the type of plan' }),
  name: requiredText('Enter the name of the plan', 'Name', 200),
  relevantStrategies: optionalText('Relevant strategies', 2000),
  previousVersions: optionalText('Previous versions', 2000),
  monitoringBoard: optionalText('Board responsible for monitoring', 300),
  owner: optionalText('Owner', 300),
  monitoringFrequency: z.enum(FREQUENCIES, { error: 'Select how often the plan is monitored' }),
  aims: optionalText('Aims', 4000),
  committeeName: optionalText('Committee', 200),
});

function readPlanForm(body: Body): { input?: plans.PlanInput; errors?: FormErrors } {
  const form = validateForm(planForm, body);
  const fields: Record<string, string> = form.ok
    ? {}
    : Object.fromEntries(form.errors.list.map((e) => [e.href.slice(1), e.text]));
  const dates: Record<string, string | null> = {};
  for (const [name, label] of [
    ['durationFrom', 'the start of the plan'],
    ['durationTo', 'the end of the plan'],
    ['implementationDate', 'the implementation date'],
    ['reviewDate', 'the review date'],
  ] as const) {
    const d = readDate(body, name, label, false);
    if (d.error) fields[name] ??= d.error;
    dates[name] = d.value;
  }
  if (!form.ok || Object.keys(fields).length) return { errors: formErrors(fields) };
  return {
    input: {
      ...form.data,
      durationFrom: dates.durationFrom ?? null,
      durationTo: dates.durationTo ?? null,
      implementationDate: dates.implementationDate ?? null,
      reviewDate: dates.reviewDate ?? null,
    },
  };
}

function planValues(plan: Awaited<ReturnType<typeof plans.getPlan>>): Body {
  const v: Body = { ...plan };
  for (const name of ['durationFrom', 'durationTo', 'implementationDate', 'reviewDate'] as const) {
    const p = partsOf(plan[name]);
    v[`${name}-day`] = p.day;
    v[`${name}-month`] = p.month;
    v[`${name}-year`] = p.year;
  }
  return v;
}

const actionForm = z.object({
  priorityId: z
    .string({ error: 'Select the priority this action belongs to' })
    .uuid('Select the priority this action belongs to'),
  reference: z.string().trim().default(''),
  aim: optionalText('Specific aim or recommendation'),
  sourceKind: z.enum(SOURCE_KINDS, { error: 'Select where this action came from' }),
  sourceDetail: optionalText('Source detail', 200),
  action: requiredText('Enter the action', 'Action'),
  measure: optionalText('Measure or outcome'),
  outcomeForChildren: optionalText('Outcome for children'),
  leadOfficerId: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().uuid('Select a post from the leads roster').optional(),
  ),
  seniorLeadId: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().uuid('Select a post from the leads roster').optional(),
  ),
  areaLeadId: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().uuid('Select a post from the leads roster').optional(),
  ),
  initialRag: z.enum(['red', 'amber', 'green']).optional(),
});

function fieldsOf(errors: FormErrors): Record<string, string> {
  return Object.fromEntries(errors.list.map((e) => [e.href.slice(1), e.text]));
}

function readActionForm(body: Body) {
  const form = validateForm(actionForm, body);
  const fields = form.ok ? {} : fieldsOf(form.errors);
  const start = readDate(body, 'startDate', 'the start date', false);
  const end = readDate(body, 'endDate', 'the end date', false);
  if (start.error) fields.startDate ??= start.error;
  if (end.error) fields.endDate ??= end.error;
  if (form.ok && form.data.sourceKind === 'other' && !form.data.sourceDetail) {
    fields.sourceDetail = 'Describe where this action came from';
  }
  if (!form.ok || Object.keys(fields).length) return { errors: formErrors(fields) };
  const d = form.data;
  const input: plans.ActionInput = {
    priorityId: d.priorityId,
    reference: d.reference,
    aim: d.aim,
    source: { kind: d.sourceKind, detail: d.sourceDetail },
    action: d.action,
    startDate: start.value,
    endDate: end.value,
    measure: d.measure,
    outcomeForChildren: d.outcomeForChildren,
    leadOfficerId: d.leadOfficerId ?? null,
    seniorLeadId: d.seniorLeadId ?? null,
    areaLeadId: d.areaLeadId ?? null,
    dateAdded: null,
    agendaItem: null,
  };
  return { input, initialRag: d.initialRag ?? 'green' };
}

const updateForm = z.object({
  progress: requiredText('Enter the progress and impact since the last update', 'Progress and impact', 8000),
  focus: optionalText('Focus for the next period', 4000),
  rag: z.enum(RAG_CODES, { error: 'Select the RAG status' }),
  reason: optionalText('Reason', 2000),
  evidenceText: optionalText('Evidence', 4000),
  evidenceLink: optionalText('Link', 2000),
});

const completeForm = z.object({
  note: optionalText('Note', 2000),
  evidenceText: optionalText('Evidence', 4000),
  evidenceLink: optionalText('Link', 2000),
});

const leadForm = z.object({
  jobTitle: requiredText('Enter the job title of the post', 'Job title', 200),
  initials: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z.'-]{0,7}$/, 'Initials must be letters only, 8 or fewer, like SM')
      .optional(),
  ),
  holderUserId: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().uuid('Select a person from the list').optional(),
  ),
  holderName: optionalText('Name of the holder', 200),
});

function evidenceOf(
  data: { evidenceText: string | null; evidenceLink: string | null },
  file: UploadedFile | null,
): plans.Evidence {
  return { text: data.evidenceText, link: data.evidenceLink, file };
}

// ------------------------------------------------------------------ routes

/** Evidence files and plan imports: one file each, smaller than the service's own limit. */
const EVIDENCE_UPLOAD = { field: 'evidenceFile', maxFileBytes: plans.MAX_EVIDENCE_BYTES, maxFiles: 1 };
const IMPORT_UPLOAD = { field: 'file', maxFileBytes: 10 * 1024 * 1024, maxFiles: 1 };

export async function plansRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock, views } = app.deps;

  const actor = (req: FastifyRequest): Actor => req.actor!;
  const ctx = (req: FastifyRequest) => auditContext(req, clock);
  const todayIso = () => today(clock);
  const pdfAvailable = () => chromiumPath() !== undefined;

  const form = (req: FastifyRequest) => readForm(req, EVIDENCE_UPLOAD);

  // ---------------------------------------------------------------- plan list

  app.get('/plans', { config: { permission: P.published } }, async (req, reply) => {
    const a = actor(req);
    const { attention, type } = z
      .object({
        attention: z.enum(['red-or-overdue']).optional().catch(undefined),
        type: z.enum(['committee_outstanding']).optional().catch(undefined),
      })
      .parse(req.query ?? {});
    const all = can(a, P.read) ? await plansWithAttention(db, a, todayIso()) : [];
    // The home page's count: only plans holding a red action or one past its end date.
    const working = all.filter((p) => (!attention || p.needsAttention) && (!type || p.type === type));
    const published = await plans.listPublishedSnapshots(db, a.organisationId);
    const key = await plans.getRagKey(db, a.organisationId);
    return reply.render(V('list'), {
      title: 'Improvement plans',
      attention: Boolean(attention),
      committeeOnly: type === 'committee_outstanding',
      plans: working.map((p) => ({
        ...p,
        countsLine: countsLine({ counts: p.counts, ragKey: key } as PlanDocument),
      })),
      published,
      canRead: can(a, P.read),
      canManage: can(a, P.manage),
      canCommittee: can(a, P.committee),
      canUpdate: can(a, P.update),
      canConfigure: can(a, P.configure),
    });
  });

  // ---------------------------------------------------------------- my actions

  app.get('/plans/my-actions', { config: { permission: P.update } }, async (req, reply) => {
    const a = actor(req);
    const { flag } = z
      .object({ flag: z.enum(['overdue', 'stale']).optional().catch(undefined) })
      .parse(req.query ?? {});
    const all = await plans.myActions(db, a, todayIso());
    const rows = flag ? all.filter((r) => r[flag]) : all;
    const key = await plans.getRagKey(db, a.organisationId);
    return reply.render(V('my-actions'), {
      title: 'My actions',
      flag,
      actions: rows.map((r) => ({ ...r, ragView: ragView(key, r.rag) })),
    });
  });

  // ---------------------------------------------------------------- plan header

  const planFormContext = (extra: Record<string, unknown>) => ({
    typeItems: PLAN_TYPES.filter((t) => t !== 'committee_outstanding').map((t) => ({
      value: t,
      text: PLAN_TYPE_NAMES[t],
    })),
    frequencyItems: FREQUENCIES.map((f) => ({ value: f, text: FREQUENCY_NAMES[f] })),
    ...extra,
  });

  app.get('/plans/new', { config: { permission: P.manage } }, async (_req, reply) =>
    reply.render(
      V('plan-form'),
      planFormContext({
        title: 'Add a plan',
        values: { monitoringFrequency: 'quarterly' },
        errors: formErrors({}),
      }),
    ),
  );

  app.get('/plans/outstanding/new', { config: { permission: P.committee } }, async (_req, reply) =>
    reply.render(
      V('plan-form'),
      planFormContext({
        title: 'Add an outstanding actions list',
        committeeOnly: true,
        values: { type: 'committee_outstanding', monitoringFrequency: 'monthly' },
        errors: formErrors({}),
      }),
    ),
  );

  async function savePlan(
    req: FastifyRequest,
    reply: FastifyReply,
    planId: string | null,
    committeeOnly: boolean,
  ) {
    const body = { ...((req.body as Body) ?? {}) };
    if (committeeOnly) body.type = 'committee_outstanding';
    const title = planId
      ? 'Edit plan details'
      : committeeOnly
        ? 'Add an outstanding actions list'
        : 'Add a plan';
    const parsed = readPlanForm(body);
    const fail = (errors: FormErrors) =>
      reply
        .code(400)
        .render(V('plan-form'), planFormContext({ title, planId, committeeOnly, values: body, errors }));
    if (!parsed.input) return fail(parsed.errors!);
    try {
      if (planId) {
        await plans.updatePlan(db, actor(req), ctx(req), planId, parsed.input);
        reply.flash('Plan details saved');
        return reply.redirect(`/plans/${planId}`);
      }
      const created = await plans.createPlan(db, actor(req), ctx(req), parsed.input);
      reply.flash(`${parsed.input.name} added`);
      return reply.redirect(`/plans/${created}`);
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
  }

  app.post('/plans/new', { config: { permission: P.manage } }, (req, reply) =>
    savePlan(req, reply, null, false),
  );
  app.post('/plans/outstanding/new', { config: { permission: P.committee } }, (req, reply) =>
    savePlan(req, reply, null, true),
  );

  app.get('/plans/:planId/edit', { config: { permission: P.read } }, async (req, reply) => {
    const plan = await plans.getPlan(db, actor(req), id(req, 'planId'));
    if (!plans.mayManagePlan(actor(req), plan)) return reply.code(403).render('errors/403.njk');
    return reply.render(
      V('plan-form'),
      planFormContext({
        title: 'Edit plan details',
        planId: plan.id,
        committeeOnly: plan.type === 'committee_outstanding',
        values: planValues(plan),
        errors: formErrors({}),
      }),
    );
  });

  app.post('/plans/:planId/edit', { config: { permission: P.read } }, async (req, reply) => {
    const plan = await plans.getPlan(db, actor(req), id(req, 'planId'));
    return savePlan(req, reply, plan.id, plan.type === 'committee_outstanding');
  });

  // ---------------------------------------------------------------- the plan

  app.get('/plans/:planId', { config: { permission: P.read } }, async (req, reply) => {
    const a = actor(req);
    const planId = id(req, 'planId');
    const doc = await plans.getPlanDocument(db, a, planId, todayIso());
    const query = q(req);
    const ragFilter = list(query, 'rag').filter(isRagCode);
    const leadFilter = uuid.safeParse(query.lead).success ? String(query.lead) : undefined;
    const filter = {
      rag: ragFilter,
      leadId: leadFilter,
      overdue: query.overdue === 'yes',
      stale: query.stale === 'yes',
    };
    const filtered = filterDocument(doc, filter);
    const layout = layoutOf(req, doc);
    const leads = await plans.listLeads(db, a);
    const usedLeadIds = new Set(
      allActions(doc).flatMap((x) => [x.leadOfficer?.leadId, x.seniorLead?.leadId, x.areaLead?.leadId]),
    );
    const snapshots = await plans.listSnapshots(db, a, planId);
    const filtering = Boolean(ragFilter.length || leadFilter || filter.overdue || filter.stale);
    return reply.render(V('plan'), {
      title: doc.plan.name,
      doc: decorate(filtered),
      full: decorate(doc),
      header: headerLines(doc),
      typeName: PLAN_TYPE_NAMES[doc.plan.type],
      frequencyName: FREQUENCY_NAMES[doc.plan.monitoringFrequency],
      layout,
      layouts: layoutsFor(doc).map((l) => ({ value: l, text: LAYOUT_NAMES[l], current: l === layout })),
      shown: allActions(filtered).length,
      total: allActions(doc).length,
      overdueCount: allActions(doc).filter((x) => x.overdue).length,
      staleCount: allActions(doc).filter((x) => x.stale).length,
      filter: { ...filter, rag: ragFilter, lead: leadFilter },
      filtering,
      ragItems: doc.ragKey.map((k) => ({
        value: k.code,
        text: k.label,
        checked: ragFilter.includes(k.code),
      })),
      leadItems: [
        { value: '', text: 'Any lead' },
        ...leads
          .filter((l) => usedLeadIds.has(l.id))
          .map((l) => ({
            value: l.id,
            text: `${l.initials ? `${l.initials}: ` : ''}${l.jobTitle}${l.holderName ? ` (${l.holderName})` : ''}`,
            selected: l.id === leadFilter,
          })),
      ],
      snapshots,
      isCommittee: doc.plan.type === 'committee_outstanding',
      canManage: plans.mayManagePlan(a, doc.plan),
      canManageAll: can(a, P.manage),
      canPublish: can(a, P.publish),
      canExport: can(a, P.export),
      pdfAvailable: pdfAvailable(),
      currentQuery: req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '',
    });
  });

  // ---------------------------------------------------------------- priorities

  app.get('/plans/:planId/priorities/new', { config: { permission: P.manage } }, async (req, reply) => {
    const plan = await plans.getPlan(db, actor(req), id(req, 'planId'));
    const existing = await plans.listPriorities(db, actor(req), plan.id);
    return reply.render(V('priority-form'), {
      title: 'Add a priority',
      plan,
      values: { number: String((existing.at(-1)?.number ?? 0) + 1) },
      errors: formErrors({}),
    });
  });

  const priorityForm = z.object({
    number: z.coerce
      .number({ error: 'Enter the priority number, like 3' })
      .int('Enter the priority number as a whole number, like 3')
      .min(1, 'Enter the priority number, like 3')
      .max(999, 'The priority number must be 999 or less'),
    title: requiredText('Enter the title of the priority', 'Title', 300),
  });

  async function savePriority(req: FastifyRequest, reply: FastifyReply, priorityId: string | null) {
    const plan = await plans.getPlan(db, actor(req), id(req, 'planId'));
    const body = (req.body as Body) ?? {};
    const title = priorityId ? 'Edit priority' : 'Add a priority';
    const fail = (errors: FormErrors) =>
      reply.code(400).render(V('priority-form'), { title, plan, priorityId, values: body, errors });
    const parsed = validateForm(priorityForm, { ...body, number: str(body, 'number') || undefined });
    if (!parsed.ok) return fail(parsed.errors);
    try {
      if (priorityId) await plans.updatePriority(db, actor(req), ctx(req), plan.id, priorityId, parsed.data);
      else await plans.createPriority(db, actor(req), ctx(req), plan.id, parsed.data);
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
    reply.flash(`Priority ${parsed.data.number} saved`);
    return reply.redirect(`/plans/${plan.id}`);
  }

  app.post('/plans/:planId/priorities/new', { config: { permission: P.manage } }, (req, reply) =>
    savePriority(req, reply, null),
  );

  app.get(
    '/plans/:planId/priorities/:priorityId/edit',
    { config: { permission: P.manage } },
    async (req, reply) => {
      const plan = await plans.getPlan(db, actor(req), id(req, 'planId'));
      const priority = await plans.getPriority(db, actor(req), plan.id, id(req, 'priorityId'));
      return reply.render(V('priority-form'), {
        title: 'Edit priority',
        plan,
        priorityId: priority.id,
        values: { number: String(priority.number), title: priority.title },
        errors: formErrors({}),
      });
    },
  );

  app.post(
    '/plans/:planId/priorities/:priorityId/edit',
    { config: { permission: P.manage } },
    async (req, reply) => {
      const plan = await plans.getPlan(db, actor(req), id(req, 'planId'));
      const priority = await plans.getPriority(db, actor(req), plan.id, id(req, 'priorityId'));
      return savePriority(req, reply, priority.id);
    },
  );

  // ---------------------------------------------------------------- actions

  async function actionFormContext(a: Actor, planId: string, extra: Record<string, unknown>) {
    const priorities = await plans.listPriorities(db, a, planId);
    const leads = await plans.listLeads(db, a);
    const key = await plans.getRagKey(db, a.organisationId);
    const leadItems = [
      { value: '', text: 'None' },
      ...leads.map((l) => ({
        value: l.id,
        text: `${l.initials ? `${l.initials}: ` : ''}${l.jobTitle}${l.holderName ? ` (${l.holderName})` : ' (vacant)'}`,
      })),
    ];
    return {
      priorityItems: [
        { value: '', text: 'Select a priority' },
        ...priorities.map((p) => ({ value: p.id, text: `${p.number}. ${p.title}` })),
      ],
      sourceItems: SOURCE_KINDS.map((k) => ({ value: k, text: SOURCE_NAMES[k] })),
      leadItems,
      ragItems: ragKeyOptions(key).filter((r) => r.value !== 'blue'),
      ...extra,
    };
  }

  app.get('/plans/:planId/actions/new', { config: { permission: P.read } }, async (req, reply) => {
    const a = actor(req);
    const plan = await plans.getPlan(db, a, id(req, 'planId'));
    if (!plans.mayManagePlan(a, plan)) return reply.code(403).render('errors/403.njk');
    const template = plan.type === 'committee_outstanding' ? V('outstanding-form') : V('action-form');
    const d = partsOf(todayIso());
    return reply.render(
      template,
      await actionFormContext(a, plan.id, {
        title: plan.type === 'committee_outstanding' ? 'Add an outstanding action' : 'Add an action',
        plan,
        values: {
          initialRag: 'green',
          sourceKind: 'new',
          priorityId: q(req).priority,
          'dateAdded-day': d.day,
          'dateAdded-month': d.month,
          'dateAdded-year': d.year,
        },
        errors: formErrors({}),
      }),
    );
  });

  app.post('/plans/:planId/actions/new', { config: { permission: P.read } }, async (req, reply) => {
    const a = actor(req);
    const plan = await plans.getPlan(db, a, id(req, 'planId'));
    const body = (req.body as Body) ?? {};
    if (plan.type === 'committee_outstanding') {
      const fields: Record<string, string> = {};
      const action = str(body, 'action');
      if (!action) fields.action = 'Enter the action';
      else if (action.length > 4000) fields.action = 'Action must be 4000 characters or fewer';
      const agendaItem = str(body, 'agendaItem').slice(0, 300) || null;
      const dateAdded = readDate(body, 'dateAdded', 'the date the action was added', true);
      const target = readDate(body, 'targetDate', 'the target date', false);
      if (dateAdded.error) fields.dateAdded = dateAdded.error;
      if (target.error) fields.targetDate = target.error;
      const officer = str(body, 'officerLeadId');
      if (officer && !uuid.safeParse(officer).success)
        fields.officerLeadId = 'Select the officer from the leads roster';
      const fail = async (errors: FormErrors) =>
        reply.code(400).render(
          V('outstanding-form'),
          await actionFormContext(a, plan.id, {
            title: 'Add an outstanding action',
            plan,
            values: body,
            errors,
          }),
        );
      if (Object.keys(fields).length) return fail(formErrors(fields));
      try {
        const created = await plans.addOutstandingAction(db, a, ctx(req), {
          committeeName: plan.committeeName ?? plan.name,
          committeeKey: plan.committeeKey ?? undefined,
          action,
          dateAdded: dateAdded.value!,
          agendaItem,
          officerLeadId: officer || null,
          targetDate: target.value,
        });
        reply.flash(`Outstanding action ${created.reference} added`);
        return reply.redirect(`/plans/${plan.id}`);
      } catch (e) {
        if (e instanceof ValidationError) return fail(formErrors(e.fields));
        throw e;
      }
    }
    const parsed = readActionForm(body);
    const fail = async (errors: FormErrors) =>
      reply
        .code(400)
        .render(
          V('action-form'),
          await actionFormContext(a, plan.id, { title: 'Add an action', plan, values: body, errors }),
        );
    if (!parsed.input) return fail(parsed.errors!);
    try {
      const created = await plans.createAction(db, a, ctx(req), plan.id, parsed.input, parsed.initialRag);
      reply.flash(`Action ${parsed.input.reference.trim().toLowerCase()} added`);
      return reply.redirect(`/plans/actions/${created}`);
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
  });

  app.get('/plans/actions/:actionId', { config: { permission: P.read } }, async (req, reply) => {
    const a = actor(req);
    const detail = await plans.getActionDetail(db, a, id(req, 'actionId'), todayIso());
    const key = detail.ragKey;
    return reply.render(V('action'), {
      title: `Action ${detail.action.reference}: ${detail.plan.name}`,
      d: detail,
      ragView: ragView(key, detail.rag),
      sourceText: formatSource(detail.source),
      leadOfficer: leadLong(detail.leadOfficer),
      seniorLead: leadLong(detail.seniorLead),
      areaLead: leadLong(detail.areaLead),
      timeline: detail.timeline.map((t) => ({
        ...t,
        toView: t.rag ? ragView(key, t.rag.to) : undefined,
        confirmedView: t.update?.ragConfirmed ? ragView(key, t.update.ragConfirmed) : undefined,
        fromView: t.rag?.from ? ragView(key, t.rag.from) : undefined,
      })),
      isCommittee: detail.plan.type === 'committee_outstanding',
    });
  });

  app.get('/plans/actions/:actionId/edit', { config: { permission: P.read } }, async (req, reply) => {
    const a = actor(req);
    const detail = await plans.getActionDetail(db, a, id(req, 'actionId'), todayIso());
    if (!detail.mayManage) return reply.code(403).render('errors/403.njk');
    const x = detail.action;
    const s = partsOf(x.startDate);
    const e = partsOf(x.endDate);
    return reply.render(
      V('action-form'),
      await actionFormContext(a, detail.plan.id, {
        title: `Edit action ${x.reference}`,
        plan: detail.plan,
        actionId: x.id,
        values: {
          ...x,
          sourceKind: x.sourceKind,
          sourceDetail: x.sourceDetail,
          'startDate-day': s.day,
          'startDate-month': s.month,
          'startDate-year': s.year,
          'endDate-day': e.day,
          'endDate-month': e.month,
          'endDate-year': e.year,
        },
        errors: formErrors({}),
      }),
    );
  });

  app.post('/plans/actions/:actionId/edit', { config: { permission: P.read } }, async (req, reply) => {
    const a = actor(req);
    const detail = await plans.getActionDetail(db, a, id(req, 'actionId'), todayIso());
    const body = (req.body as Body) ?? {};
    const parsed = readActionForm(body);
    const title = `Edit action ${detail.action.reference}`;
    const fail = async (errors: FormErrors) =>
      reply.code(400).render(
        V('action-form'),
        await actionFormContext(a, detail.plan.id, {
          title,
          plan: detail.plan,
          actionId: detail.action.id,
          values: body,
          errors,
        }),
      );
    if (!parsed.input) return fail(parsed.errors!);
    try {
      await plans.updateAction(db, a, ctx(req), detail.action.id, {
        ...parsed.input,
        dateAdded: detail.action.dateAdded,
        agendaItem: detail.action.agendaItem,
      });
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
    reply.flash(`Action ${parsed.input.reference.trim().toLowerCase()} saved`);
    return reply.redirect(`/plans/actions/${detail.action.id}`);
  });

  // ---------------------------------------------------------------- updates, RAG and completion

  async function updateContext(a: Actor, actionId: string, extra: Record<string, unknown>) {
    const detail = await plans.getActionDetail(db, a, actionId, todayIso());
    return {
      d: detail,
      ragItems: ragKeyOptions(detail.ragKey),
      currentRag: ragView(detail.ragKey, detail.rag),
      ...extra,
    };
  }

  app.get('/plans/actions/:actionId/update', { config: { permission: P.update } }, async (req, reply) => {
    const a = actor(req);
    const actionId = id(req, 'actionId');
    const c = await updateContext(a, actionId, {});
    if (!c.d.mayUpdate)
      return reply.code(403).render('errors/403.njk', {
        message: 'Only the leads for this action and the managers of its plan can update it.',
      });
    const t = partsOf(todayIso());
    return reply.render(V('update-form'), {
      ...c,
      title: `Update action ${c.d.action.reference}`,
      values: { rag: c.d.rag, 'date-day': t.day, 'date-month': t.month, 'date-year': t.year },
      errors: formErrors({}),
    });
  });

  app.post(
    '/plans/actions/:actionId/update',
    { config: { permission: P.update, upload: EVIDENCE_UPLOAD } },
    async (req, reply) => {
      const a = actor(req);
      const actionId = id(req, 'actionId');
      let body: Body = {};
      const fail = async (errors: FormErrors) =>
        reply
          .code(400)
          .render(
            V('update-form'),
            await updateContext(a, actionId, { title: `Update action`, values: body, errors }),
          );
      let file: UploadedFile | null = null;
      try {
        const f = await form(req);
        body = f.fields;
        file = f.file;
      } catch (e) {
        if (e instanceof ValidationError) return fail(formErrors(e.fields));
        throw e;
      }
      const parsed = validateForm(updateForm, body);
      const fields = parsed.ok ? {} : fieldsOf(parsed.errors);
      const date = readDate(body, 'date', 'the date of the update', true);
      if (date.error) fields.date = date.error;
      if (!parsed.ok || Object.keys(fields).length) return fail(formErrors(fields));
      try {
        await plans.addUpdate(db, a, ctx(req), actionId, {
          date: date.value!,
          progress: parsed.data.progress,
          focus: parsed.data.focus,
          rag: parsed.data.rag,
          reason: parsed.data.reason,
          evidence: evidenceOf(parsed.data, file),
        });
      } catch (e) {
        if (e instanceof ValidationError) return fail(formErrors(e.fields));
        throw e;
      }
      const detail = await plans.getActionDetail(db, a, actionId, todayIso());
      reply.flash(`Action ${detail.action.reference} updated`);
      return reply.redirect(`/plans/actions/${actionId}`);
    },
  );

  app.get('/plans/actions/:actionId/complete', { config: { permission: P.read } }, async (req, reply) => {
    const a = actor(req);
    const c = await updateContext(a, id(req, 'actionId'), {});
    if (!c.d.mayUpdate) return reply.code(403).render('errors/403.njk');
    const t = partsOf(todayIso());
    return reply.render(V('complete-form'), {
      ...c,
      title: `Mark action ${c.d.action.reference} complete`,
      values: { 'completedOn-day': t.day, 'completedOn-month': t.month, 'completedOn-year': t.year },
      errors: formErrors({}),
    });
  });

  app.post(
    '/plans/actions/:actionId/complete',
    { config: { permission: P.read, upload: EVIDENCE_UPLOAD } },
    async (req, reply) => {
      const a = actor(req);
      const actionId = id(req, 'actionId');
      let body: Body = {};
      const fail = async (errors: FormErrors) =>
        reply
          .code(400)
          .render(
            V('complete-form'),
            await updateContext(a, actionId, { title: 'Mark action complete', values: body, errors }),
          );
      let file: UploadedFile | null = null;
      try {
        const f = await form(req);
        body = f.fields;
        file = f.file;
      } catch (e) {
        if (e instanceof ValidationError) return fail(formErrors(e.fields));
        throw e;
      }
      const parsed = validateForm(completeForm, body);
      const fields = parsed.ok ? {} : fieldsOf(parsed.errors);
      const date = readDate(body, 'completedOn', 'the date the action was completed', true);
      if (date.error) fields.completedOn = date.error;
      if (!parsed.ok || Object.keys(fields).length) return fail(formErrors(fields));
      try {
        await plans.completeAction(db, a, ctx(req), actionId, {
          completedOn: date.value!,
          note: parsed.data.note,
          evidence: evidenceOf(parsed.data, file),
        });
      } catch (e) {
        if (e instanceof ValidationError) return fail(formErrors(e.fields));
        throw e;
      }
      const detail = await plans.getActionDetail(db, a, actionId, todayIso());
      reply.flash(`Action ${detail.action.reference} marked complete`);
      return reply.redirect(`/plans/actions/${actionId}`);
    },
  );

  app.get('/plans/updates/:updateId/edit', { config: { permission: P.update } }, async (req, reply) => {
    const { update, action } = await plans.getUpdateForEdit(db, actor(req), id(req, 'updateId'));
    const p = partsOf(update.updateDate);
    return reply.render(V('update-edit'), {
      title: `Correct the update on action ${action.reference}`,
      action,
      updateId: update.id,
      values: {
        progress: update.progress,
        focus: update.focus,
        'date-day': p.day,
        'date-month': p.month,
        'date-year': p.year,
      },
      errors: formErrors({}),
    });
  });

  app.post('/plans/updates/:updateId/edit', { config: { permission: P.update } }, async (req, reply) => {
    const { update, action } = await plans.getUpdateForEdit(db, actor(req), id(req, 'updateId'));
    const body = (req.body as Body) ?? {};
    const fail = (errors: FormErrors) =>
      reply.code(400).render(V('update-edit'), {
        title: `Correct the update on action ${action.reference}`,
        action,
        updateId: update.id,
        values: body,
        errors,
      });
    const parsed = validateForm(updateForm.pick({ progress: true, focus: true }), body);
    const fields = parsed.ok ? {} : fieldsOf(parsed.errors);
    const date = readDate(body, 'date', 'the date of the update', true);
    if (date.error) fields.date = date.error;
    if (!parsed.ok || Object.keys(fields).length) return fail(formErrors(fields));
    try {
      await plans.editUpdate(db, actor(req), ctx(req), update.id, { date: date.value!, ...parsed.data });
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
    reply.flash(`Update on action ${action.reference} corrected`);
    return reply.redirect(`/plans/actions/${action.id}`);
  });

  app.get('/plans/evidence/:fileId', { config: { permission: P.read } }, async (req, reply) => {
    const file = await plans.evidenceFile(db, actor(req), ctx(req), id(req, 'fileId'));
    const safeName = file.filename.replace(/[^\w.\- ]/g, '_');
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${safeName}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });

  // ---------------------------------------------------------------- linking

  async function linkContext(a: Actor, actionId: string, extra: Record<string, unknown>) {
    const detail = await plans.getActionDetail(db, a, actionId, todayIso());
    const choices = await plans.planChoices(db, a);
    const targetItems = [
      { value: '', text: 'Select a plan and priority' },
      ...choices
        .filter((p) => p.id !== detail.plan.id && !detail.links.some((l) => l.planId === p.id))
        .flatMap((p) =>
          p.priorities.map((pr) => ({
            value: `${p.id}:${pr.id}`,
            text: `${p.name}: ${pr.number}. ${pr.title}`,
          })),
        ),
    ];
    return { d: detail, targetItems, ...extra };
  }

  app.get('/plans/actions/:actionId/link', { config: { permission: P.manage } }, async (req, reply) => {
    const c = await linkContext(actor(req), id(req, 'actionId'), { values: {}, errors: formErrors({}) });
    return reply.render(V('link-form'), {
      ...c,
      title: `Link action ${c.d.action.reference} into another plan`,
    });
  });

  app.post('/plans/actions/:actionId/link', { config: { permission: P.manage } }, async (req, reply) => {
    const a = actor(req);
    const actionId = id(req, 'actionId');
    const body = (req.body as Body) ?? {};
    const fail = async (errors: FormErrors) => {
      const c = await linkContext(a, actionId, { values: body, errors });
      return reply
        .code(400)
        .render(V('link-form'), { ...c, title: `Link action ${c.d.action.reference} into another plan` });
    };
    const [planId, priorityId] = str(body, 'target').split(':');
    const fields: Record<string, string> = {};
    if (!uuid.safeParse(planId).success || !uuid.safeParse(priorityId).success) {
      fields.target = 'Select the plan and priority to link this action into';
    }
    if (!str(body, 'reference'))
      fields.reference = 'Enter the reference this action will have in that plan, like 2.4';
    if (Object.keys(fields).length) return fail(formErrors(fields));
    try {
      await plans.linkAction(db, a, ctx(req), actionId, {
        planId: planId!,
        priorityId: priorityId!,
        reference: str(body, 'reference'),
      });
    } catch (e) {
      if (e instanceof ValidationError) {
        const f = { ...e.fields };
        if (f.planId) f.target = f.planId;
        if (f.priorityId) f.target = f.priorityId;
        delete f.planId;
        delete f.priorityId;
        return fail(formErrors(f));
      }
      throw e;
    }
    reply.flash('Action linked');
    return reply.redirect(`/plans/actions/${actionId}`);
  });

  // ---------------------------------------------------------------- snapshots

  app.get('/plans/:planId/snapshots', { config: { permission: P.published } }, async (req, reply) => {
    const a = actor(req);
    const planId = id(req, 'planId');
    const snapshots = await plans.listSnapshots(db, a, planId);
    const t = partsOf(todayIso());
    return reply.render(V('snapshots'), {
      title: 'Published versions',
      planId,
      planName: snapshots[0]?.planName ?? (can(a, P.read) ? (await plans.getPlan(db, a, planId)).name : ''),
      snapshots,
      canPublish: can(a, P.publish),
      canRead: can(a, P.read),
      values: { 'asAt-day': t.day, 'asAt-month': t.month, 'asAt-year': t.year },
      errors: formErrors({}),
    });
  });

  app.post('/plans/:planId/snapshots', { config: { permission: P.publish } }, async (req, reply) => {
    const a = actor(req);
    const planId = id(req, 'planId');
    const body = (req.body as Body) ?? {};
    const fail = async (errors: FormErrors) => {
      const snapshots = await plans.listSnapshots(db, a, planId);
      const plan = await plans.getPlan(db, a, planId);
      return reply.code(400).render(V('snapshots'), {
        title: 'Published versions',
        planId,
        planName: plan.name,
        snapshots,
        canPublish: true,
        canRead: can(a, P.read),
        values: body,
        errors,
      });
    };
    const asAt = readDate(body, 'asAt', 'the "as at" date', true);
    if (asAt.error) return fail(formErrors({ asAt: asAt.error }));
    try {
      const published = await plans.publishSnapshot(db, a, ctx(req), planId, { asAt: asAt.value! });
      reply.flash(`Version ${published.number} published`);
      return reply.redirect(`/plans/${planId}/snapshots/${published.number}`);
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
  });

  app.get('/plans/:planId/snapshots/:number', { config: { permission: P.published } }, async (req, reply) => {
    const a = actor(req);
    const snap = await plans.getSnapshot(db, a, id(req, 'planId'), num(req, 'number'));
    const layout = layoutOf(req, snap.document);
    const others = (await plans.listSnapshots(db, a, snap.planId)).filter((s) => s.number !== snap.number);
    return reply.render(V('snapshot'), {
      title: `${snap.document.plan.name}: version ${snap.number}`,
      snap,
      doc: decorate(snap.document),
      header: headerLines(snap.document),
      layout,
      layouts: layoutsFor(snap.document).map((l) => ({
        value: l,
        text: LAYOUT_NAMES[l],
        current: l === layout,
      })),
      previous: others.find((s) => s.number < snap.number),
      canRead: can(a, P.read),
      canExport: can(a, P.export),
      pdfAvailable: pdfAvailable(),
    });
  });

  app.get('/plans/:planId/compare', { config: { permission: P.published } }, async (req, reply) => {
    const a = actor(req);
    const planId = id(req, 'planId');
    const snapshots = await plans.listSnapshots(db, a, planId);
    if (snapshots.length < 2) {
      return reply.render(V('compare'), {
        title: 'Compare published versions',
        planId,
        planName: snapshots[0]?.planName,
        tooFew: true,
      });
    }
    const query = q(req);
    const parseNo = (v: unknown, fallback: number) => {
      const n = z.coerce.number().int().min(1).safeParse(v);
      return n.success && snapshots.some((s) => s.number === n.data) ? n.data : fallback;
    };
    const to = parseNo(query.to, snapshots[0]!.number);
    const from = parseNo(query.from, snapshots.find((s) => s.number < to)?.number ?? snapshots[1]!.number);
    const result = await plans.compareSnapshots(db, a, planId, from, to);
    const key = result.to.document.ragKey;
    const withViews = (rows: typeof result.comparison.ragChanged) =>
      rows.map((r) => ({
        ...r,
        fromView: r.from ? ragView(key, r.from) : undefined,
        toView: r.to ? ragView(key, r.to) : undefined,
      }));
    const c = result.comparison;
    return reply.render(V('compare'), {
      title: `Compare versions ${result.from.number} and ${result.to.number}`,
      planId,
      planName: result.to.document.plan.name,
      from: result.from,
      to: result.to,
      fromCounts: countsLine(result.from.document),
      toCounts: countsLine(result.to.document),
      c: {
        ragChanged: withViews(c.ragChanged),
        added: withViews(c.added),
        removed: withViews(c.removed),
        completed: withViews(c.completed),
        becameOverdue: withViews(c.becameOverdue),
        renumbered: c.renumbered,
        unchanged: c.unchanged,
      },
      versionItems: snapshots.map((s) => ({
        value: String(s.number),
        text: `Version ${s.number}, as at ${s.asAt}`,
      })),
      canRead: can(a, P.read),
    });
  });

  // ---------------------------------------------------------------- print, PDF and files

  function printHtml(
    doc: PlanDocument,
    layout: Layout,
    title: string,
    subtitle: string,
    marking: string,
    inlineCss?: string,
  ) {
    const table = textTable(doc, layout);
    const html = views.render(V('print'), {
      title,
      marking,
      // A PDF carries the marking in every page's header and footer instead.
      markedByPrinter: inlineCss !== undefined,
      subtitle,
      header: headerLines(doc),
      countsLine: countsLine(doc),
      ragKey: doc.ragKey,
      table,
      tagClass: RAG_TAG_CLASS,
      inlineCss,
    });
    // On screen the page reflows at 320 px, its table scrolling in its own region; a PDF prints it whole.
    return inlineCss === undefined ? scrollableTables(html) : html;
  }

  async function sendDocument(
    reply: FastifyReply,
    format: string,
    doc: PlanDocument,
    layout: Layout,
    title: string,
    filenameBase: string,
  ) {
    const marking = await protectiveMarking(db, reply.request.actor!.organisationId);
    const attach = (name: string) => `attachment; filename="${markedFilename(marking, name)}"`;
    switch (format) {
      case 'xlsx':
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attach(`${filenameBase}.xlsx`))
          .send(await writeXlsx(doc, marking));
      case 'csv':
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', attach(`${filenameBase}.csv`))
          .send(writeCsv(doc));
      case 'docx':
        return reply
          .header('content-type', DOCX_TYPE)
          .header('content-disposition', attach(`${filenameBase}.docx`))
          .send(await writeDocx(doc, layout, title, marking));
      case 'pdf': {
        if (!pdfAvailable()) throw new NotFoundError();
        const css = await readFile(appCss, 'utf8');
        const pdf = await htmlToPdf(printHtml(doc, layout, title, '', marking, css), marking);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attach(`${filenameBase}.pdf`))
          .send(pdf);
      }
      default:
        throw new NotFoundError();
    }
  }

  const formatParam = (req: FastifyRequest) => {
    const f = (req.params as Record<string, string>).format;
    if (!['xlsx', 'csv', 'docx', 'pdf'].includes(f ?? '')) throw new NotFoundError();
    return f!;
  };

  app.get('/plans/:planId/export/:format', { config: { permission: P.export } }, async (req, reply) => {
    const format = formatParam(req);
    const out = await plans.documentForExport(db, actor(req), ctx(req), id(req, 'planId'), { format });
    return sendDocument(
      reply,
      format,
      out.document,
      layoutOf(req, out.document),
      out.title,
      out.filenameBase,
    );
  });

  app.get(
    '/plans/:planId/snapshots/:number/export/:format',
    { config: { permission: P.export } },
    async (req, reply) => {
      const format = formatParam(req);
      const out = await plans.documentForExport(db, actor(req), ctx(req), id(req, 'planId'), {
        format,
        snapshotNumber: num(req, 'number'),
      });
      return sendDocument(
        reply,
        format,
        out.document,
        layoutOf(req, out.document),
        out.title,
        out.filenameBase,
      );
    },
  );

  app.get('/plans/:planId/print', { config: { permission: P.read } }, async (req, reply) => {
    const doc = await plans.getPlanDocument(db, actor(req), id(req, 'planId'), todayIso());
    const html = printHtml(
      doc,
      layoutOf(req, doc),
      doc.plan.name,
      `Working copy as at ${doc.asAt}`,
      await protectiveMarking(db, actor(req).organisationId),
    );
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get(
    '/plans/:planId/snapshots/:number/print',
    { config: { permission: P.published } },
    async (req, reply) => {
      const snap = await plans.getSnapshot(db, actor(req), id(req, 'planId'), num(req, 'number'));
      const html = printHtml(
        snap.document,
        layoutOf(req, snap.document),
        snap.document.plan.name,
        `Version ${snap.number}, as at ${snap.asAt}`,
        await protectiveMarking(db, actor(req).organisationId),
      );
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  // ---------------------------------------------------------------- import

  app.get('/plans/import', { config: { permission: P.manage } }, async (_req, reply) =>
    reply.render(V('import'), { title: 'Import a plan', errors: formErrors({}) }),
  );

  app.post(
    '/plans/import',
    { config: { permission: P.manage, upload: IMPORT_UPLOAD } },
    async (req, reply) => {
      const fail = (errors: FormErrors, problems: unknown[] = [], filename?: string) =>
        reply.code(400).render(V('import'), { title: 'Import a plan', errors, problems, filename });
      let file: UploadedFile | null;
      try {
        file = (await readForm(req, IMPORT_UPLOAD)).file;
      } catch (e) {
        if (e instanceof ValidationError) {
          req.log.warn({ problems: Object.keys(e.fields) }, 'plan import refused');
          return fail(formErrors(e.fields));
        }
        throw e;
      }
      if (!file || file.data.length === 0)
        return fail(formErrors({ file: 'Select an Excel (.xlsx) or CSV file to import' }));
      const outcome = await plans.importPlanFile(db, actor(req), ctx(req), {
        filename: file.filename,
        data: file.data,
      });
      if (!outcome.ok) {
        const count = outcome.problems.length;
        req.log.warn({ problemCount: count }, 'plan import rejected');
        return fail(
          formErrors({
            file: `The file has ${count} ${count === 1 ? 'problem' : 'problems'}. Nothing has been imported. Correct the rows listed and import the file again`,
          }),
          outcome.problems,
          file.filename,
        );
      }
      reply.flash(`Plan imported with ${outcome.actions} actions`);
      return reply.redirect(`/plans/${outcome.planId}`);
    },
  );

  // ---------------------------------------------------------------- leads roster

  app.get('/plans/leads', { config: { permission: P.manage } }, async (req, reply) =>
    reply.render(V('leads'), { title: 'Leads roster', leads: await plans.listLeads(db, actor(req)) }),
  );

  async function leadFormContext(a: Actor, extra: Record<string, unknown>) {
    const people = await plans.assignableUsers(db, a);
    return {
      userItems: [
        { value: '', text: 'No one with an account' },
        ...people.map((p) => ({ value: p.id, text: `${p.name}${p.jobTitle ? `, ${p.jobTitle}` : ''}` })),
      ],
      ...extra,
    };
  }

  app.get('/plans/leads/new', { config: { permission: P.manage } }, async (req, reply) =>
    reply.render(
      V('lead-form'),
      await leadFormContext(actor(req), {
        title: 'Add a post to the leads roster',
        values: {},
        errors: formErrors({}),
      }),
    ),
  );

  async function saveLead(req: FastifyRequest, reply: FastifyReply, leadId: string | null) {
    const a = actor(req);
    const body = (req.body as Body) ?? {};
    const title = leadId ? 'Change a post on the leads roster' : 'Add a post to the leads roster';
    const fail = async (errors: FormErrors) =>
      reply
        .code(400)
        .render(V('lead-form'), await leadFormContext(a, { title, leadId, values: body, errors }));
    const parsed = validateForm(leadForm, body);
    if (!parsed.ok) return fail(parsed.errors);
    const input = {
      jobTitle: parsed.data.jobTitle,
      initials: parsed.data.initials?.toUpperCase() ?? null,
      holderUserId: parsed.data.holderUserId ?? null,
      holderName: parsed.data.holderName,
    };
    try {
      if (leadId) await plans.updateLead(db, a, ctx(req), leadId, input);
      else await plans.createLead(db, a, ctx(req), input);
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
    reply.flash(`${input.jobTitle} saved`);
    return reply.redirect('/plans/leads');
  }

  app.post('/plans/leads/new', { config: { permission: P.manage } }, (req, reply) =>
    saveLead(req, reply, null),
  );

  app.get('/plans/leads/:leadId/edit', { config: { permission: P.manage } }, async (req, reply) => {
    const lead = await plans.getLead(db, actor(req), id(req, 'leadId'));
    return reply.render(
      V('lead-form'),
      await leadFormContext(actor(req), {
        title: 'Change a post on the leads roster',
        leadId: lead.id,
        values: lead,
        errors: formErrors({}),
      }),
    );
  });

  app.post('/plans/leads/:leadId/edit', { config: { permission: P.manage } }, async (req, reply) => {
    const lead = await plans.getLead(db, actor(req), id(req, 'leadId'));
    return saveLead(req, reply, lead.id);
  });

  // ---------------------------------------------------------------- RAG key (administrators)

  const ragKeyForm = z.object(
    Object.fromEntries(
      RAG_CODES.flatMap((c) => [
        [`${c}Label`, requiredText(`Enter the label for ${c}`, 'Label', 30)],
        [`${c}Meaning`, requiredText(`Enter what ${c} means`, 'Meaning', 200)],
      ]),
    ) as Record<string, z.ZodType<string>>,
  );

  app.get('/plans/settings/rag-key', { config: { permission: P.configure } }, async (req, reply) => {
    const key = await plans.getRagKey(db, actor(req).organisationId);
    return reply.render(V('rag-key'), {
      title: 'RAG key for plan actions',
      key,
      values: Object.fromEntries(
        key.flatMap((k) => [
          [`${k.code}Label`, k.label],
          [`${k.code}Meaning`, k.meaning],
        ]),
      ),
      errors: formErrors({}),
    });
  });

  app.post('/plans/settings/rag-key', { config: { permission: P.configure } }, async (req, reply) => {
    const body = (req.body as Body) ?? {};
    const key = await plans.getRagKey(db, actor(req).organisationId);
    const fail = (errors: FormErrors) =>
      reply.code(400).render(V('rag-key'), { title: 'RAG key for plan actions', key, values: body, errors });
    const parsed = validateForm(ragKeyForm, body);
    if (!parsed.ok) return fail(parsed.errors);
    try {
      await plans.updateRagKey(
        db,
        actor(req),
        ctx(req),
        RAG_CODES.map((code) => ({
          code,
          label: parsed.data[`${code}Label`]!,
          meaning: parsed.data[`${code}Meaning`]!,
        })),
      );
    } catch (e) {
      if (e instanceof ValidationError) return fail(formErrors(e.fields));
      throw e;
    }
    reply.flash('RAG key saved');
    return reply.redirect('/plans/settings/rag-key');
  });
}
