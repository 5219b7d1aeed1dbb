/**
 * The adults' safeguarding register's pages: the list (paged, filtered), one
 * concern, the form to record or change one, and the SAC-style CSV import.
 * Parse and validate, call the service, render. Every page is person-level:
 * the service writes each read to the access audit.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { limitOffset, pageLinks, paginate, requestedPage } from '../../platform/admin/pagination';
import { today } from '../../platform/clock';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { formErrors } from '../../platform/http/forms';
import { auditContext } from '../../platform/http/server';
import { readUploadedForm, UploadRefused } from '../../platform/http/uploads';
import { monthNames } from '../../platform/http/views';
import { can } from '../../platform/permissions';
import { decodeText, EncodingError } from '../../platform/text-encoding';
import { COLUMNS, type CsvNotice, type CsvProblem, parseConcernCsv } from './csv';
import { formValues, ordered, readConcernForm } from './form';
import * as adults from './service';
import { listRow, summaryRows } from './view-models';
import {
  ABUSE_TYPES,
  CONCERN_SOURCES,
  DECISIONS,
  ENQUIRY_TYPES,
  itemsOf,
  LOCATIONS,
  OUTCOMES_ACHIEVED,
  OUTCOMES_ASKED,
  RISK_OUTCOMES,
  RISK_SOURCES,
  valuesOf,
} from './vocab';

const PAGE_SIZE = 50;
const UPLOAD = { field: 'file', maxFileBytes: 5 * 1024 * 1024, maxFiles: 1 };
const idParams = z.object({ id: z.string().uuid() });

/** The quarter received filter: this calendar quarter and the seven before it. */
function quarterChoices(
  todayIso: string,
): Array<{ value: string; text: string; first: string; last: string }> {
  let y = Number(todayIso.slice(0, 4));
  let m = Number(todayIso.slice(5, 7)) - ((Number(todayIso.slice(5, 7)) - 1) % 3);
  const out = [];
  for (let n = 0; n < 8; n++) {
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    const lastMonth = m + 2;
    const lastDay = new Date(Date.UTC(y, lastMonth, 0)).getUTCDate();
    out.push({
      value: first,
      text: `${monthNames[m - 1]} to ${monthNames[lastMonth - 1]} ${y}`,
      first,
      last: `${y}-${String(lastMonth).padStart(2, '0')}-${lastDay}`,
    });
    m -= 3;
    if (m < 1) {
      m += 12;
      y -= 1;
    }
  }
  return out;
}

const filterQuery = z.object({
  received: z
    .string()
    .regex(/^\d{4}-\d\d-01$/)
    .optional()
    .catch(undefined),
  decision: z.enum(['yes', 'no', 'none']).optional().catch(undefined),
  enquiry: z.enum(['open', 'concluded', 'none']).optional().catch(undefined),
  abuseType: z.enum(valuesOf(ABUSE_TYPES)).optional().catch(undefined),
  person: z.string().trim().max(50).optional().catch(undefined),
});

const choices = (items: Array<{ value: string; text: string }>, selected: unknown, any = 'Any') => [
  { value: '', text: any, selected: !selected },
  ...items.map((i) => ({ ...i, selected: i.value === selected })),
];

export async function adultsRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const readContext = (req: FastifyRequest) => ({
    ...auditContext(req, clock),
    organisationId: req.actor!.organisationId,
  });
  const changeContext = (req: FastifyRequest) => ({ ...readContext(req), userId: req.actor!.userId });

  app.get('/adults/concerns', { config: { permission: 'adults.read' } }, async (req, reply) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const f = filterQuery.parse(query);
    const quarters = quarterChoices(today(clock));
    const quarter = quarters.find((q) => q.value === f.received);
    const page = requestedPage(query.page);
    const { rows, total } = await adults.listConcerns(
      db,
      readContext(req),
      {
        from: quarter?.first,
        to: quarter?.last,
        decision: f.decision,
        enquiry: f.enquiry,
        abuseType: f.abuseType,
        personRef: f.person || undefined,
      },
      limitOffset({ page, pageSize: PAGE_SIZE }),
    );
    const pagination = paginate(total, { page, pageSize: PAGE_SIZE }, pageLinks('/adults/concerns', query));
    return reply.render('adults/views/list.njk', {
      title: `Adults’ safeguarding concerns${pagination.pages > 1 ? `, page ${page} of ${pagination.pages}` : ''}`,
      rows: rows.map(listRow),
      pagination,
      filters: f,
      receivedItems: choices(quarters, f.received),
      decisionItems: choices(
        [
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
          { value: 'none', text: 'Not decided' },
        ],
        f.decision,
      ),
      enquiryItems: choices(
        [
          { value: 'open', text: 'Open' },
          { value: 'concluded', text: 'Concluded' },
          { value: 'none', text: 'No enquiry' },
        ],
        f.enquiry,
      ),
      abuseItems: choices(itemsOf(ABUSE_TYPES), f.abuseType),
      mayEdit: can(req.actor, 'adults.edit'),
    });
  });

  function renderForm(
    reply: FastifyReply,
    id: string | null,
    values: Record<string, unknown>,
    errors?: Record<string, string>,
  ) {
    return reply.render('adults/views/form.njk', {
      title: id ? 'Change a safeguarding concern' : 'Record a safeguarding concern',
      action: id ? `/adults/concerns/${id}` : '/adults/concerns',
      back: id ? `/adults/concerns/${id}` : '/adults/concerns',
      values,
      errors: errors ? formErrors(ordered(errors)) : undefined,
      sources: itemsOf(CONCERN_SOURCES),
      decisions: itemsOf(DECISIONS),
      enquiryTypes: itemsOf(ENQUIRY_TYPES),
      abuseTypes: itemsOf(ABUSE_TYPES),
      locations: itemsOf(LOCATIONS),
      riskSources: itemsOf(RISK_SOURCES),
      outcomesAsked: itemsOf(OUTCOMES_ASKED),
      outcomesAchieved: itemsOf(OUTCOMES_ACHIEVED),
      riskOutcomes: itemsOf(RISK_OUTCOMES),
    });
  }

  async function save(req: FastifyRequest, reply: FastifyReply, id: string | null) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const read = readConcernForm(body);
    if (!read.ok)
      return renderForm(reply.code(400), id, formValues(body), read.errors as Record<string, string>);
    try {
      const saved = await adults.saveConcern(db, changeContext(req), id, read.concern, today(clock));
      reply.flash(
        saved.notices.length
          ? `Concern ${read.concern.reference} saved. Check: ${saved.notices.join('; ')}`
          : `Concern ${read.concern.reference} saved`,
      );
      return reply.redirect(`/adults/concerns/${saved.id}`);
    } catch (e) {
      if (e instanceof ValidationError) return renderForm(reply.code(400), id, formValues(body), e.fields);
      throw e;
    }
  }

  app.get('/adults/concerns/new', { config: { permission: 'adults.edit' } }, async (_req, reply) =>
    renderForm(reply, null, formValues(null)),
  );
  app.post('/adults/concerns', { config: { permission: 'adults.edit' } }, async (req, reply) =>
    save(req, reply, null),
  );

  app.get('/adults/concerns/:id', { config: { permission: 'adults.read' } }, async (req, reply) => {
    const parsed = idParams.safeParse(req.params);
    if (!parsed.success) throw new NotFoundError('concern');
    const concern = await adults.getConcern(db, readContext(req), parsed.data.id);
    return reply.render('adults/views/concern.njk', {
      title: `Safeguarding concern ${concern.reference}`,
      concern,
      rows: summaryRows(concern),
      mayEdit: can(req.actor, 'adults.edit'),
    });
  });

  app.get('/adults/concerns/:id/edit', { config: { permission: 'adults.edit' } }, async (req, reply) => {
    const parsed = idParams.safeParse(req.params);
    if (!parsed.success) throw new NotFoundError('concern');
    const concern = await adults.getConcern(db, readContext(req), parsed.data.id);
    return renderForm(reply, concern.id, formValues(concern));
  });
  app.post('/adults/concerns/:id', { config: { permission: 'adults.edit' } }, async (req, reply) => {
    const parsed = idParams.safeParse(req.params);
    if (!parsed.success) throw new NotFoundError('concern');
    return save(req, reply, parsed.data.id);
  });

  const renderImport = (
    reply: FastifyReply,
    extra: { problems?: CsvProblem[]; fileError?: string; notices?: CsvNotice[]; done?: string } = {},
  ) => {
    const problems = extra.problems ?? [];
    return reply.render('adults/views/import.njk', {
      title: 'Import safeguarding concerns',
      columns: COLUMNS.map((c) => ({ name: c.name, required: c.required })),
      problems,
      notices: extra.notices ?? [],
      done: extra.done,
      errors: extra.fileError
        ? formErrors({ file: extra.fileError })
        : problems.length
          ? formErrors({
              file: `The file has ${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing was saved. Put them right and upload it again.`,
            })
          : undefined,
    });
  };

  app.get('/adults/import', { config: { permission: 'adults.edit' } }, async (_req, reply) =>
    renderImport(reply),
  );

  app.post(
    '/adults/import',
    { config: { permission: 'adults.edit', upload: UPLOAD } },
    async (req, reply) => {
      const none = 'Select a CSV file of safeguarding concerns';
      if (!req.isMultipart()) return renderImport(reply.code(400), { fileError: none });
      let text: string;
      try {
        const form = await readUploadedForm(req, UPLOAD);
        const file = form.files.find((f) => f.size > 0);
        if (!file) return renderImport(reply.code(400), { fileError: none });
        text = decodeText(await readFile(file.path), 'The file').text;
      } catch (e) {
        if (e instanceof UploadRefused) return renderImport(reply.code(413), { fileError: e.message });
        if (e instanceof EncodingError) return renderImport(reply.code(400), { fileError: e.message });
        throw e;
      }
      const parsed = parseConcernCsv(text, today(clock));
      if (!parsed.ok) return renderImport(reply.code(400), { problems: parsed.problems });
      if (!parsed.rows.length)
        return renderImport(reply.code(400), {
          fileError: 'The file holds no concerns: add rows below the column names',
        });
      const result = await adults.importConcerns(db, changeContext(req), parsed.rows);
      return renderImport(reply, {
        notices: parsed.notices,
        done: `${result.added} concern${result.added === 1 ? '' : 's'} added and ${result.replaced} replaced`,
      });
    },
  );
}
