/** Published packs for signed-in readers, as files: the public or full pack as a PDF, and uploaded appendices. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { chromiumPath } from '../../platform/documents/pdf';
import { NotFoundError } from '../../platform/errors';
import { auditContext } from '../../platform/http/server';
import { COMMITTEE } from './access';
import { packAppendixFile } from './appendix-service';
import { signedInPackPdf } from './pack-pdf-service';
import { sendFile } from './report-routes';

const BASE = '/committee-business/meetings/:id/packs/:version';
const parse = <T extends z.ZodRawShape>(shape: T, v: unknown) => {
  const r = z
    .object({ id: z.string().uuid(), version: z.coerce.number().int().min(1).max(100000), ...shape })
    .safeParse(v);
  if (!r.success) throw new NotFoundError();
  return r.data;
};

export async function packFileRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.get(`${BASE}/pdf/:which`, { config: { permission: COMMITTEE.read } }, async (req, reply) => {
    const p = parse({ which: z.enum(['public', 'full']) }, req.params);
    if (!chromiumPath()) throw new NotFoundError('PDF');
    const { pdf, pack } = await signedInPackPdf(
      db,
      req.actor!,
      auditContext(req, clock),
      p.id,
      p.version,
      p.which,
    );
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${p.which}-pack-${pack.date}-v${p.version}.pdf"`)
      .send(pdf);
  });

  app.get(
    `${BASE}/appendices/:appendixId`,
    { config: { permission: COMMITTEE.read } },
    async (req, reply) => {
      const p = parse({ appendixId: z.string().uuid() }, req.params);
      return sendFile(
        reply,
        await packAppendixFile(db, req.actor!, auditContext(req, clock), p.id, p.version, p.appendixId),
      );
    },
  );
}
