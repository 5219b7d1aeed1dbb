import { count } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/service';
import { NotFoundError } from '../errors';
import { auditContext } from '../http/server';
import { organisations } from '../schema';

const PERMISSION = { config: { permission: 'admin.backup' } };

/**
 * Administration > Backup: on the embedded database, download a consistent
 * copy of it from the running service (the service holds the data folder, so
 * no other process may open it). A backup holds every organisation in the
 * database and every child's record, so it is offered only when the database
 * holds one organisation, only to people who may see all of its children
 * (senior leaders), and each download is in the access audit. A PostgreSQL
 * server is backed up with pg_dump (docs/operations.md).
 */
export async function backupRoutes(app: FastifyInstance): Promise<void> {
  const { database, db, clock } = app.deps;

  async function organisationCount(): Promise<number> {
    const [row] = await db.select({ n: count() }).from(organisations);
    return Number(row?.n ?? 0);
  }

  app.get('/admin/backup', PERMISSION, async (_req, reply) => {
    const embedded = database.kind === 'embedded' && database.dumpDataDir !== undefined;
    return reply.render('admin/backup.njk', {
      embedded,
      organisations: embedded ? await organisationCount() : 0,
      dataDir: app.deps.config.dataDir,
    });
  });

  app.get('/admin/backup/download', PERMISSION, async (req, reply) => {
    if (database.kind !== 'embedded' || !database.dumpDataDir) throw new NotFoundError();
    if ((await organisationCount()) !== 1) throw new NotFoundError();
    // Recorded before the copy is taken, so the backup holds its own audit event.
    await recordAudit(db, auditContext(req, clock), { action: 'database.backup', recordType: 'database' });
    const bytes = Buffer.from(await (await database.dumpDataDir()).arrayBuffer());
    const stamp = clock.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    return reply
      .header('content-type', 'application/gzip')
      .header('content-disposition', `attachment; filename="oversight-backup-${stamp}.tar.gz"`)
      .header('cache-control', 'no-store')
      .send(bytes);
  });
}
