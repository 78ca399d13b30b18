import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root (server/src/config -> ../../..), used for repo-relative defaults. */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const DEV_SESSION_SECRET = 'palma-development-secret-do-not-use-in-production';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .min(0.01)
      .max(24 * 90)
      .default(12),
    COOKIE_SECURE: bool.optional(),
    TRUST_PROXY: bool.default(false),
    SEED_DEMO: bool.optional(),
    CLIENT_DIST: z.string().optional(),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Palma <no-reply@palma.localhost>'),
    REMINDER_DAYS: z
      .string()
      .regex(/^\d{1,3}(,\d{1,3})*$/, 'must be comma-separated whole days, e.g. 14,7,1')
      .default('14,7,1'),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required when NODE_ENV=production',
      });
    }
  });

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  isProduction: boolean;
  host: string;
  port: number;
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'embedded'; dataDir: string };
  redisUrl: string | null;
  session: { secret: string; ttlMs: number; cookieName: string; cookieSecure: boolean };
  trustProxy: boolean;
  seedDemo: boolean;
  clientDist: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** Where people reach Palma (links in certificates and emails). */
  publicUrl: string;
  /** SMTP for the email outbox; null: emails are written to the log instead. */
  mail: { smtpUrl: string | null; from: string };
  /** Days before a campaign's due date at which people who have not completed are reminded. */
  reminderDays: number[];
  /** When set, the code-first schema is written here on boot (schema:generate). */
  schemaFile: string | null;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Resolves a user-given path against the directory `npm` was invoked from. */
function resolveUserPath(path: string, env: NodeJS.ProcessEnv): string {
  if (path === 'memory://' || isAbsolute(path)) return path;
  return resolve(env.INIT_CWD ?? process.cwd(), path);
}

/** Validates the environment once at boot; a bad value fails fast with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (FOO= in a compose file) means "not set".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const database: AppConfig['database'] = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
    : { kind: 'embedded', dataDir: resolveUserPath(e.DATA_DIR ?? resolve(repoRoot, '.palma-data'), env) };
  const isProduction = e.NODE_ENV === 'production';
  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    host: e.HOST,
    port: e.PORT,
    database,
    redisUrl: e.REDIS_URL ?? null,
    session: {
      secret: e.SESSION_SECRET ?? DEV_SESSION_SECRET,
      ttlMs: e.SESSION_TTL_HOURS * 3600_000,
      cookieName: 'palma_session',
      cookieSecure: e.COOKIE_SECURE ?? isProduction,
    },
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO ?? database.kind === 'embedded',
    clientDist: e.CLIENT_DIST ? resolveUserPath(e.CLIENT_DIST, env) : resolve(repoRoot, 'client/dist'),
    logLevel: e.LOG_LEVEL,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    reminderDays: [...new Set(e.REMINDER_DAYS.split(',').map(Number))].sort((a, b) => a - b),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    schemaFile: null,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
