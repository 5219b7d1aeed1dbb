import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { markedAttachment } from '../branding/service';
import { today } from '../clock';
import { type FormErrors, formErrors } from '../http/forms';
import { auditContext } from '../http/server';
import { can } from '../permissions';
import { parseDateText } from './dates';
import { actorOf, ignoredUnless, optionalText, pageParam, UUID_PATTERN } from './http';
import { paginate, queryString } from './pagination';
import { type AuditFilter, exportAudit, people, readAudit } from './service';

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
});

type AuditQueryValues = z.infer<typeof auditQuerySchema>;

/** The filter from a query string, or what is wrong with it. Typed dates become ISO dates. */
function readFilter(query: unknown): {
  values: Partial<AuditQueryValues>;
  filter?: AuditFilter;
  errors: FormErrors;
  page: number;
} {
  const parsed = auditQuerySchema.safeParse(query ?? {});
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return { values: (query ?? {}) as Partial<AuditQueryValues>, errors: formErrors(fields), page: 1 };
  }
  const q = parsed.data;
  const fields: Record<string, string> = {};
  const from = q.from ? parseDateText(q.from) : undefined;
  const to = q.to ? parseDateText(q.to) : undefined;
  if (from === null) fields.from = 'Date from must be a real date, like 1/11/2026';
  if (to === null) fields.to = 'Date to must be a real date, like 30/11/2026';
  if (from && to && to < from) fields.to = 'Date to must be the same as or after date from';
  if (Object.keys(fields).length > 0) return { values: q, errors: formErrors(fields), page: 1 };
  return {
    values: q,
    filter: {
      from: from ?? undefined,
      to: to ?? undefined,
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
