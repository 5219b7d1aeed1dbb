/** Helpers the administration tests share: the audit trail of a record and the outbox as an administrator reads it. */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rawRows } from '../../src/platform/db/client';
import type { Agent, TestContext } from './app';

/** The access-audit actions recorded against a record, oldest first. */
export async function auditActions(ctx: TestContext, recordId: string): Promise<string[]> {
  const rows = await rawRows<{ action: string }>(
    ctx.oversight.database.db,
    sql`select action from access_audit where record_id = ${recordId} order by id`,
  );
  return rows.map((r) => r.action);
}

/** The newest message to an address, read as an administrator reads it: through the outbox pages. */
export async function newestMessageTo(a: Agent, email: string): Promise<{ href: string; body: string }> {
  const list = await a.get('/admin/outbox');
  expect(list.statusCode).toBe(200);
  const rows = list.body.split('<tr class="govuk-table__row">').slice(2);
  const row = rows.find((r) => r.includes(email));
  expect(row, `a message to ${email} in the outbox`).toBeTruthy();
  const href = row!.match(/href="(\/admin\/outbox\/[0-9a-f-]+)"/)![1]!;
  const message = await a.get(href);
  expect(message.statusCode).toBe(200);
  return { href, body: message.body };
}
