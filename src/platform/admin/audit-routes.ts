import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { markedAttachment } from '../branding/service';
import { today } from '../clock';
import { type FormErrors, formErrors } from '../http/forms';
import { auditContext } from '../http/server';
import { can } from '../permissions';
import { type AuditFilter, exportAudit, readAudit } from './audit-service';
import { parseDateParts, parseDateText } from './dates';
import { actorOf, ignoredUnless, optionalText, pageParam, UUID_PATTERN } from './http';
import { paginate, queryString } from './pagination';
import { people } from './service';

const AUDIT_PAGE_SIZE = 50;
const PERMISSION = { config: { permission: 'admin.audit' } };

const auditQuerySchema = z.object({
  from: optionalText(40, 'Date from must be a real date, like 1/11/2026'),
  to: optionalText(40, 'Date to must be a real date, like 30/11/2026'),
  user: ignoredUnless(z.string().regex(UUID_PATTERN)),
  action: optionalText(100, 'Action must be 100 characters or fewer'),
  recordType: optionalText(100, 'Record type must be 100 characters or fewer'),
  recordId: optionalText(200, 'Record id must be 200 characters or fewer'),
  page: pageParam,
  'from-day': optionalText(10, 'Date from must be a real date, like 1 11 2026'),
  'from-month': optionalText(10, 'Date from must be a real date, like 1 11 2026'),
  'from-year': optionalText(10, 'Date from must be a real date, like 1 11 2026'),
  'to-day': optionalText(10, 'Date to must be a real date, like 30 11 2026'),
  'to-month': optionalText(10, 'Date to must be a real date, like 30 11 2026'),
  'to-year': optionalText(10, 'Date to must be a real date, like 30 11 2026'),
});

/**
 * One end of the date range: the GOV.UK date input's day, month and year
 * boxes, or (in the links the page writes, and older bookmarks) one `from` or
 * `to` value such as 2026-11-01. Undefined: no date; null: a message in `fields`.
 */
function rangeEnd(
  q: AuditQueryValues,
  name: 'from' | 'to',
  fields: Record<string, string>,
): string | undefined {
  const parts = { day: q[`${name}-day`], month: q[`${name}-month`], year: q[`${name}-year`] };
  const what = name === 'from' ? 'Date from' : 'Date to';
  if (parts.day || parts.month || parts.year) {
    const parsed = parseDateParts(parts, what);
    if (parsed.ok) return parsed.date;
    fields[name] = parsed.message;
    return undefined;
  }
  const typed = q[name];
  if (!typed) return undefined;
  const iso = parseDateText(typed);
  if (iso === null)
    fields[name] = `${what} must be a real date, like ${name === 'from' ? '1 11 2026' : '30 11 2026'}`;
  return iso ?? undefined;
}

/** The date boxes to show: what was typed, or the parts of the date the filter holds. */
function dateBoxes(q: Partial<AuditQueryValues>, name: 'from' | 'to', iso: string | undefined) {
  if (q[`${name}-day`] || q[`${name}-month`] || q[`${name}-year`]) {
    return { day: q[`${name}-day`] ?? '', month: q[`${name}-month`] ?? '', year: q[`${name}-year`] ?? '' };
  }
  if (!iso) return { day: '', month: '', year: '' };
  const [y, m, d] = iso.split('-');
  return { day: String(Number(d)), month: String(Number(m)), year: y! };
}

type AuditQueryValues = z.infer<typeof auditQuerySchema>;

/** The filter from a query string, or what is wrong with it. Typed dates become ISO dates. */
type DateBoxes = { day: string; month: string; year: string };

function readFilter(query: unknown): {
  values: Partial<AuditQueryValues> & { fromDate: DateBoxes; toDate: DateBoxes };
  filter?: AuditFilter;
  errors: FormErrors;
  page: number;
} {
  const parsed = auditQuerySchema.safeParse(query ?? {});
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    const raw = (query ?? {}) as Partial<AuditQueryValues>;
    return {
      values: {
        ...raw,
        fromDate: dateBoxes(raw, 'from', undefined),
        toDate: dateBoxes(raw, 'to', undefined),
      },
      errors: formErrors(fields),
      page: 1,
    };
  }
  const q = parsed.data;
  const fields: Record<string, string> = {};
  const from = rangeEnd(q, 'from', fields);
  const to = rangeEnd(q, 'to', fields);
  if (from && to && to < from) fields.to = 'Date to must be the same as or after date from';
  const values = { ...q, fromDate: dateBoxes(q, 'from', from), toDate: dateBoxes(q, 'to', to) };
  if (Object.keys(fields).length > 0) return { values, errors: formErrors(fields), page: 1 };
  return {
    values,
    filter: {
      from,
      to,
      userId: q.user,
      action: q.action,
      recordType: q.recordType,
      recordId: q.recordId,
    },
    errors: formErrors({}),
    page: q.page,
  };
}

/** The filter as a query string, with dates in ISO form so links are unambiguous. */
function filterQuery(f: AuditFilter, page?: number): string {
  return queryString({
    from: f.from,
    to: f.to,
    user: f.userId,
    action: f.action,
    recordType: f.recordType,
    recordId: f.recordId,
    page,
  });
}

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get('/admin/audit', PERMISSION, async (req, reply) => {
    const actor = actorOf(req);
    const { values, filter, errors, page } = readFilter(req.query);
    const peopleList = await people(db, actor);
    if (!filter) {
      return reply.code(400).render('admin/audit.njk', { values, errors, people: peopleList, events: [] });
    }
    const result = await readAudit(db, actor, auditContext(req, clock), filter, {
      page,
      pageSize: AUDIT_PAGE_SIZE,
    });
    return reply.render('admin/audit.njk', {
      values,
      errors,
      people: peopleList,
      events: result.rows,
      filtered: filterQuery(filter) !== '',
      exportHref: `/admin/audit/export.csv${filterQuery(filter)}`,
      canReadUsers: can(actor, 'admin.users'),
      pagination: paginate(
        result.total,
        { page, pageSize: AUDIT_PAGE_SIZE },
        (p) => `/admin/audit${filterQuery(filter, p)}`,
      ),
    });
  });

  app.get('/admin/audit/export.csv', PERMISSION, async (req, reply) => {
    const actor = actorOf(req);
    const { values, filter, errors } = readFilter(req.query);
    if (!filter) {
      const peopleList = await people(db, actor);
      return reply.code(400).render('admin/audit.njk', { values, errors, people: peopleList, events: [] });
    }
    const lines = await exportAudit(db, actor, auditContext(req, clock), filter);
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        await markedAttachment(db, actor.organisationId, `access-audit-${today(clock)}.csv`),
      )
      .send(Readable.from(lines));
  });
}
