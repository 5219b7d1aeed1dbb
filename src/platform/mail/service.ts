import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { mailMessages } from '../schema';

export interface OutgoingMail {
  organisationId: string | null;
  to: string;
  toUserId?: string | null;
  /** Never a child's name: subjects show in notifications and on lock screens. */
  subject: string;
  body: string;
  /**
   * What to keep on record instead of the body once the message has left over
   * SMTP (or failed to), when the body holds something that must not stay in
   * the database, such as a single-use link. A message kept in the outbox
   * keeps its full body: reading the outbox is how it is delivered.
   */
  recordBody?: string;
}

export type MailStatus = 'sent' | 'outbox' | 'failed';

export interface Mailer {
  /** Send (or keep in the outbox) and record the message. Never throws for a delivery failure. */
  send(db: Db, message: OutgoingMail): Promise<MailStatus>;
  readonly mode: 'smtp' | 'outbox';
}

/** A stalled mail server must not hold a person's request for minutes. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * SMTP when a URL is configured; otherwise every message waits in the outbox,
 * which administrators read in the service. Either way, each message is
 * recorded with its status: "sent", "outbox" or "failed" (with the reason).
 */
export function createMailer(options: { smtpUrl?: string; from: string; clock: Clock }): Mailer {
  const transport: Transporter | undefined = options.smtpUrl
    ? nodemailer.createTransport({ url: options.smtpUrl, ...SMTP_TIMEOUTS })
    : undefined;
  return {
    mode: transport ? 'smtp' : 'outbox',
    async send(db, message) {
      const createdAt = options.clock.now();
      let status: MailStatus = 'outbox';
      let error: string | null = null;
      if (transport) {
        try {
          await transport.sendMail({
            from: options.from,
            to: message.to,
            subject: message.subject,
            text: message.body,
          });
          status = 'sent';
        } catch (e) {
          status = 'failed';
          error = (e as Error).message.slice(0, 500);
        }
      }
      await db.insert(mailMessages).values({
        organisationId: message.organisationId,
        toAddress: message.to,
        toUserId: message.toUserId ?? null,
        subject: message.subject,
        body: status === 'outbox' ? message.body : (message.recordBody ?? message.body),
        status,
        error,
        createdAt,
        sentAt: status === 'sent' ? options.clock.now() : null,
      });
      return status;
    },
  };
}
