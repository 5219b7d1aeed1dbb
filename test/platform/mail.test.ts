import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/platform/db/client';
import { createMailer } from '../../src/platform/mail/service';
import { agent, emailOf, signedIn, startTestApp, type TestContext } from '../helpers/app';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 and a free port; it refuses any recipient whose address starts "refuse". */
async function startSmtp(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refuse')) {
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text of a message as a reader sees it: quoted-printable soft breaks and escapes undone. */
function decodedText(raw: string): string {
  const unwrapped = raw.replace(/=\r?\n/g, '');
  return Buffer.from(
    unwrapped.replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let ctx: TestContext;

beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await startTestApp({
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Oversight <oversight@oakhaven.example>' },
  });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

const db = () => ctx.oversight.database.db;

async function messageRow(subject: string) {
  const [row] = await rawRows<{ status: string; error: string | null; sent_at: Date | null; body: string }>(
    db(),
    sql`select status, error, sent_at, body from mail_messages where subject = ${subject}`,
  );
  return row!;
}

describe('mail over SMTP', () => {
  it('delivers a message to the SMTP server and records it as sent', async () => {
    expect(ctx.oversight.mailer.mode).toBe('smtp');
    const status = await ctx.oversight.mailer.send(db(), {
      organisationId: ctx.org.organisationId,
      to: emailOf(ctx.org, 'team_manager'),
      toUserId: ctx.org.userIds.team_manager,
      subject: 'Supervision record due this week',
      body: 'A supervision record is due on Friday.',
    });
    expect(status).toBe('sent');
    const delivered = smtp.received.find((m) => m.raw.includes('Subject: Supervision record due this week'));
    expect(delivered, 'the server received the message').toBeTruthy();
    expect(delivered!.to).toEqual([emailOf(ctx.org, 'team_manager')]);
    expect(delivered!.from).toBe('oversight@oakhaven.example');
    expect(decodedText(delivered!.raw)).toContain('A supervision record is due on Friday.');
    const row = await messageRow('Supervision record due this week');
    expect(row.status).toBe('sent');
    expect(row.error).toBeNull();
    expect(new Date(row.sent_at!).toISOString()).toBe(ctx.clock.now().toISOString());
  });

  it('sends an invitation whose link works, and keeps no copy of the link once sent', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const email = 'mail.tester@oakhaven.example';
    const res = await admin.post('/admin/users/invite', {
      name: 'Mail Tester',
      email,
      role: 'committee_member',
    });
    expect(res.statusCode).toBe(302);
    expect((await admin.get(res.headers.location!)).body).toContain(
      `We sent a link to set a password to ${email}`,
    );

    const delivered = smtp.received.find((m) => m.to.includes(email));
    expect(delivered).toBeTruthy();
    const link = decodedText(delivered!.raw).match(
      /http:\/\/localhost:3000(\/account\/set-password\/[A-Za-z0-9_-]+)/,
    );
    expect(link, 'a link in the delivered message').toBeTruthy();

    const row = await messageRow('Your Oversight account: set your password');
    expect(row.status).toBe('sent');
    expect(row.body).toContain('(The single-use link is not kept on record.)');
    expect(row.body).not.toContain('/account/set-password/');
    const outbox = await admin.get('/admin/outbox');
    expect(outbox.body).toContain('Sent');

    const visitor = agent(ctx);
    expect((await visitor.get(link![1]!)).statusCode).toBe(200);
    const password = 'copper orchard lantern snow';
    expect((await visitor.post(link![1]!, { password, confirm: password })).statusCode).toBe(302);
    await signedIn(ctx, email, password);
  });

  it('records a message the server refuses as failed, with the reason, without throwing', async () => {
    const status = await ctx.oversight.mailer.send(db(), {
      organisationId: ctx.org.organisationId,
      to: 'refuse.me@oakhaven.example',
      subject: 'This one bounces',
      body: 'Never delivered.',
    });
    expect(status).toBe('failed');
    const row = await messageRow('This one bounces');
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/550|Mailbox unavailable/);
    expect(row.sent_at).toBeNull();
    expect(smtp.received.some((m) => m.raw.includes('This one bounces'))).toBe(false);
  });

  it('tells the administrator when an invitation could not be sent', async () => {
    const admin = await signedIn(ctx, emailOf(ctx.org, 'administrator'));
    const res = await admin.post('/admin/users/invite', {
      name: 'Refused Person',
      email: 'refuse.invite@oakhaven.example',
      role: 'practitioner',
    });
    expect(res.statusCode).toBe(302);
    const page = await admin.get(res.headers.location!);
    expect(page.body).toContain('could not be sent');
    const outbox = await admin.get('/admin/outbox');
    expect(outbox.body).toContain('Not sent: failed');
  });

  it('records a message as failed when no server answers', async () => {
    const gone = await startSmtp();
    await gone.close();
    const mailer = createMailer({ smtpUrl: gone.url, from: 'oversight@oakhaven.example', clock: ctx.clock });
    const status = await mailer.send(db(), {
      organisationId: ctx.org.organisationId,
      to: emailOf(ctx.org, 'practitioner'),
      subject: 'Nobody is listening',
      body: 'Never delivered.',
    });
    expect(status).toBe('failed');
    const row = await messageRow('Nobody is listening');
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/ECONNREFUSED|connect/i);
  });
});

describe('mail without SMTP', () => {
  it('keeps the message, whole, in the outbox', async () => {
    const mailer = createMailer({ from: 'oversight@oakhaven.example', clock: ctx.clock });
    expect(mailer.mode).toBe('outbox');
    const before = smtp.received.length;
    const status = await mailer.send(db(), {
      organisationId: ctx.org.organisationId,
      to: emailOf(ctx.org, 'practitioner'),
      toUserId: ctx.org.userIds.practitioner,
      subject: 'Kept for the outbox',
      body: 'Open this link: http://localhost:3000/account/set-password/abc',
      recordBody: 'Open this link: (not kept)',
    });
    expect(status).toBe('outbox');
    const row = await messageRow('Kept for the outbox');
    expect(row.status).toBe('outbox');
    expect(row.sent_at).toBeNull();
    expect(row.body).toBe('Open this link: http://localhost:3000/account/set-password/abc');
    expect(smtp.received.length).toBe(before);
    const person = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await person.get('/account/messages')).body).toContain('Kept for the outbox');
  });
});
