/**
 * The outgoing mail server for password reset by email, read from the environment by config.ts:
 * either SMTP_URL (smtp:// or smtps://user:password@host:port) or SMTP_HOST, SMTP_PORT,
 * SMTP_USER, SMTP_PASSWORD; always SMTP_FROM. Secure by default: implicit TLS on port 465 and
 * for smtps://, otherwise STARTTLS is required; certificates are always checked. SMTP_SECURITY=none
 * (plain text) is only for a relay on the same machine. The password is never logged.
 */
import { z } from 'zod';

export type SmtpSecurity = 'tls' | 'starttls' | 'none';

export interface SmtpSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string | null;
  password: string | null;
  /** The sender, e.g. `Ensemble <no-reply@example.org>`. */
  from: string;
}

export const SmtpEnvSchema = z.object({
  SMTP_URL: z
    .string()
    .optional()
    .refine((value) => value === undefined || /^smtps?:\/\/[^\s]+$/.test(value), 'SMTP_URL must look like smtp://user:password@host:587 or smtps://…'),
  SMTP_HOST: z.string().min(1).max(255).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().min(1).max(255).optional(),
  SMTP_PASSWORD: z.string().min(1).max(1024).optional(),
  SMTP_FROM: z
    .string()
    .max(320)
    .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'SMTP_FROM must be an address, or a name and an address like Ensemble <no-reply@example.org>.')
    .optional(),
  SMTP_SECURITY: z.enum(['tls', 'starttls', 'none']).optional(),
});
export type SmtpEnv = z.infer<typeof SmtpEnvSchema>;

/** The settings, or null when no mail server is configured; throws a readable Error when half set. */
export function smtpFromEnv(env: SmtpEnv, publicUrl: string | undefined): SmtpSettings | null {
  if (!env.SMTP_URL && !env.SMTP_HOST) {
    if (env.SMTP_FROM || env.SMTP_USER || env.SMTP_PASSWORD || env.SMTP_PORT) {
      throw new Error('Invalid configuration: SMTP_URL or SMTP_HOST is needed to send email (SMTP_FROM, SMTP_USER, SMTP_PASSWORD or SMTP_PORT is set without it).');
    }
    return null;
  }
  if (env.SMTP_URL && env.SMTP_HOST) throw new Error('Invalid configuration: set SMTP_URL or SMTP_HOST, not both.');
  if (!env.SMTP_FROM) throw new Error('Invalid configuration: SMTP_FROM (the sender address) is needed to send email.');
  // Links in emails must not be built from the request's Host header, which anyone can set.
  if (!publicUrl) throw new Error('Invalid configuration: PUBLIC_URL is needed to send email, so that links in messages point to this server.');
  let host: string;
  let port: number | undefined = env.SMTP_PORT;
  let user = env.SMTP_USER ?? null;
  let password = env.SMTP_PASSWORD ?? null;
  let implicitTls: boolean;
  if (env.SMTP_URL) {
    let url: URL;
    try {
      url = new URL(env.SMTP_URL);
    } catch {
      throw new Error('Invalid configuration: SMTP_URL is not a valid address.');
    }
    if (!url.hostname) throw new Error('Invalid configuration: SMTP_URL has no host.');
    host = url.hostname.replace(/^\[|\]$/g, '');
    port = url.port ? Number(url.port) : port;
    if (url.username) user = decodeURIComponent(url.username);
    if (url.password) password = decodeURIComponent(url.password);
    implicitTls = url.protocol === 'smtps:';
  } else {
    host = env.SMTP_HOST as string;
    implicitTls = port === 465;
  }
  const security: SmtpSecurity = env.SMTP_SECURITY ?? (implicitTls ? 'tls' : 'starttls');
  if (password && !user) throw new Error('Invalid configuration: SMTP_PASSWORD is set without SMTP_USER.');
  return { host, port: port ?? (security === 'tls' ? 465 : 587), security, user, password, from: env.SMTP_FROM };
}
