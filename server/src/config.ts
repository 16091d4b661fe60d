/**
 * The only place that reads the environment. Everything is validated here and typed inside.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_LIMITS, type Limits } from '../../shared/src/index';
import type { LogLevel } from './log';
import { SmtpEnvSchema, smtpFromEnv, type SmtpSettings } from './auth/smtpConfig';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  clientDir: string;
  /** The address people use; its origin is the one allowed for cookie-authenticated writes. */
  publicUrl: string | null;
  durability: 'normal' | 'full';
  logLevel: LogLevel;
  trustProxy: boolean;
  /** Bearer token that GET /api/metrics requires; without one, only loopback callers are answered. */
  metricsToken: string | null;
  /** How often closed workspaces past their retention period are looked for. */
  retentionSweepMs: number;
  /** Outgoing mail for password reset by email; null when not configured (auth/smtpConfig.ts). */
  smtp: SmtpSettings | null;
  /** The language of messages sent to people whose language is not known. */
  defaultLanguage: 'fr' | 'en';
  /** PostgreSQL for every store, shared by several instances; null: SQLite in dataDir. */
  databaseUrl: string | null;
  /** Connections each instance keeps to PostgreSQL at most. */
  databasePoolSize: number;
  /** Redis relaying documents between several instances (cluster/); null: a single instance. */
  redisUrl: string | null;
  /** This instance's name in the relay and the logs (unique per running process). */
  instanceId: string;
  limits: Limits;
}

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  DATA_DIR: z.string().min(1).default('./data'),
  CLIENT_DIR: z.string().min(1).optional(),
  PUBLIC_URL: z.url().optional(),
  DURABILITY: z.enum(['normal', 'full']).default('normal'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for rate limits). */
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters.').optional(),
  RETENTION_SWEEP_MS: z.coerce.number().int().min(10).default(60 * 60 * 1000),
  /** Empty counts as unset (SQLite). */
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database (or postgresql://…).').optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  /** Empty counts as unset (one instance, no relay). */
  REDIS_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().regex(/^rediss?:\/\/\S+$/, 'REDIS_URL must be a Redis URL: redis://[:password@]host:6379[/db] (or rediss:// with TLS).').optional(),
  ),
  INSTANCE_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'INSTANCE_ID must be 1 to 64 letters, digits, dots, dashes or underscores.').optional(),
  DEFAULT_LANGUAGE: z.enum(['fr', 'en']).default('en'),
  ...SmtpEnvSchema.shape,
});

/** Environment variable that overrides each limit, e.g. LIMIT_MAX_MESSAGE_BYTES. */
export function limitEnvName(key: keyof Limits): string {
  return 'LIMIT_' + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const limits = { ...DEFAULT_LIMITS } as Limits;
  for (const key of Object.keys(DEFAULT_LIMITS) as Array<keyof Limits>) {
    const raw = env[limitEnvName(key)];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`Invalid configuration: ${limitEnvName(key)} must be a number above 0.`);
    limits[key] = value;
  }
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    clientDir: path.resolve(e.CLIENT_DIR ?? path.join(repoRoot, 'dist', 'client')),
    publicUrl: e.PUBLIC_URL ?? null,
    durability: e.DURABILITY,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    metricsToken: e.METRICS_TOKEN ?? null,
    retentionSweepMs: e.RETENTION_SWEEP_MS,
    databaseUrl: e.DATABASE_URL ?? null,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL ?? null,
    instanceId: e.INSTANCE_ID ?? `${os.hostname().replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 40)}-${process.pid}-${randomBytes(3).toString('hex')}`,
    smtp: smtpFromEnv(e, e.PUBLIC_URL),
    defaultLanguage: e.DEFAULT_LANGUAGE,
    limits,
  };
}
