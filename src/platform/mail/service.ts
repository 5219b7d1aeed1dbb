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
}

export interface Mailer {
  /** Send (or keep in the outbox) and record the message. Resolves to the record's status. */
  send(db: Db, message: OutgoingMail): Promise<'sent' | 'outbox' | 'failed'>;
  readonly mode: 'smtp' | 'outbox';
}

/**
 * SMTP when a URL is configured; otherwise every message waits in the outbox,
 * which administrators read in the service. Either way, each message is recorded.
 */
export function createMailer(options: { smtpUrl?: string; from: string; clock: Clock }): Mailer {
  const transport: Transporter | undefined = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : undefined;
  return {
    mode: transport ? 'smtp' : 'outbox',
    async send(db, message) {
      const createdAt = options.clock.now();
      let status: 'sent' | 'outbox' | 'failed' = 'outbox';
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
        body: message.body,
        status,
        error,
        createdAt,
        sentAt: status === 'sent' ? options.clock.now() : null,
      });
      return status;
    },
  };
}
