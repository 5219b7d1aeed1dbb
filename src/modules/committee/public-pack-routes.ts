/**
 * The public site's packs as files and its search, no sign-in: a meeting's
 * latest public pack as a PDF, its public uploaded appendices, and the search
 * of published public papers. Nothing here reads a non-public pack.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { paginate } from '../../platform/admin/pagination';
import { brandingOf } from '../../platform/branding/service';
import { chromiumPath } from '../../platform/documents/pdf';
import { NotFoundError } from '../../platform/errors';
import { dateFromParts, formErrors } from '../../platform/http/forms';
import { PUBLIC } from '../../platform/permissions';
import { publicAppendixFile } from './appendix-service';
import { publicPackPdf } from './pack-pdf-service';
import { SEARCH_PAGE_SIZE, searchPublicPapers } from './public-search';
import { publicOrganisation } from './public-service';
import { sendFile } from './report-routes';

const code = z.string().regex(/^[A-Za-z0-9-]{1,20}$/);
const params = <T extends z.ZodRawShape>(shape: T, v: unknown) => {
  const r = z.object(shape).safeParse(v);
  if (!r.success) throw new NotFoundError();
  return r.data;
};

const searchQuery = z.object({
  q: z.string().max(200, 'Enter 200 characters or fewer').optional().default(''),
  page: z.coerce.number().int().min(1).max(1000).optional().default(1),
  'from-day': z.string().max(4).optional(),
  'from-month': z.string().max(4).optional(),
  'from-year': z.string().max(6).optional(),
  'to-day': z.string().max(4).optional(),
  'to-month': z.string().max(4).optional(),
  'to-year': z.string().max(6).optional(),
});

export async function publicPackRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/committees/:code/meetings/:id/pack.pdf',
    { config: { permission: PUBLIC } },
    async (req, reply) => {
      const p = params({ code, id: z.string().uuid() }, req.params);
      if (!chromiumPath()) throw new NotFoundError('PDF');
      const org = await publicOrganisation(db, p.code);
      const { pdf, pack } = await publicPackPdf(db, org.id, p.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="agenda-${pack.date}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/committees/:code/meetings/:id/appendices/:appendix',
    { config: { permission: PUBLIC } },
    async (req, reply) => {
      const p = params({ code, id: z.string().uuid(), appendix: z.string().uuid() }, req.params);
      const org = await publicOrganisation(db, p.code);
      return sendFile(reply, await publicAppendixFile(db, org.id, p.id, p.appendix));
    },
  );

  app.get('/committees/:code/search', { config: { permission: PUBLIC } }, async (req, reply) => {
    const p = params({ code }, req.params);
    const org = await publicOrganisation(db, p.code);
    req.branding = await brandingOf(db, org.id);
    const base = `/committees/${org.code.toLowerCase()}`;
    const parsed = searchQuery.safeParse(req.query ?? {});
    const q = parsed.success ? parsed.data : { q: '', page: 1 };
    const errors: Record<string, string> = {};
    if (!parsed.success) errors.q = 'Enter 200 characters or fewer';
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const dateOf = (name: 'from' | 'to', label: string) => {
      const given = ['day', 'month', 'year'].some((x) => String(raw[`${name}-${x}`] ?? '').trim());
      if (!given) return undefined;
      const d = dateFromParts(raw, name, label);
      if (d.ok) return d.date;
      errors[`${name}-day`] = d.message;
      return undefined;
    };
    const from = dateOf('from', 'the earliest meeting date');
    const to = dateOf('to', 'the latest meeting date');
    if (from && to && from > to)
      errors['to-day'] = 'The latest meeting date must be the same as or after the earliest';
    const searched = 'q' in raw || 'from-year' in raw;
    const ok = !Object.keys(errors).length;
    const result =
      searched && ok ? await searchPublicPapers(db, org.id, { words: q.q, from, to, page: q.page }) : null;
    const query = new URLSearchParams();
    for (const k of ['q', 'from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year'])
      if (typeof raw[k] === 'string' && raw[k]) query.set(k, raw[k] as string);
    const pagination = result
      ? paginate(result.total, { page: q.page, pageSize: SEARCH_PAGE_SIZE }, (n) => {
          const u = new URLSearchParams(query);
          u.set('page', String(n));
          return `${base}/search?${u}`;
        })
      : null;
    return reply.code(ok ? 200 : 400).render('committee/public/search.njk', {
      title: 'Search published papers',
      org,
      base,
      values: raw,
      errors: formErrors(errors),
      result,
      pagination,
    });
  });
}
