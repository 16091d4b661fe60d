/**
 * Sending email through the configured SMTP server (nodemailer). Only what a message needs goes
 * out; failures are reported with a code, never with the address or the message.
 */
import nodemailer from 'nodemailer';
import type { SmtpSettings } from './smtpConfig';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2' },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/** What may be logged about a failed send: nodemailer's error code and the SMTP reply code. */
export function mailFailure(error: unknown): { code: string; responseCode?: number } {
  const e = error as { code?: unknown; responseCode?: unknown } | null;
  const code = typeof e?.code === 'string' && /^[A-Z_]{2,40}$/.test(e.code) ? e.code : 'UNKNOWN';
  return typeof e?.responseCode === 'number' ? { code, responseCode: e.responseCode } : { code };
}
