/** The organisation's outbox: the messages the service sent or failed to send. */
import { type AuditContext, recordAudit } from '../audit/service';
import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import { hideSecrets } from '../mail/secrets';
import type { Actor } from '../permissions';
import { limitOffset, type PageRequest } from './pagination';
import { outboxMessage, outboxPage } from './repository';
import { orgContext } from './service';

export async function outbox(db: Db, actor: Actor, page: PageRequest, status?: 'failed') {
  return outboxPage(db, actor.organisationId, limitOffset(page), status);
}

/** One message of the organisation. Reading it is audited: messages are addressed to people. */
export async function outboxEntry(db: Db, actor: Actor, ctx: AuditContext, id: string) {
  const message = await outboxMessage(db, actor.organisationId, id);
  if (!message) throw new NotFoundError('message');
  await recordAudit(db, orgContext(actor, ctx), { action: 'mail.view', recordType: 'mail', recordId: id });
  // An administrator must never read another person's set-password link (and so become them).
  return { ...message, body: hideSecrets(message.body) };
}
