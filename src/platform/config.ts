import { z } from 'zod';

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    /** Set when behind a proxy that terminates TLS, so https and client addresses are known. */
    TRUST_PROXY: z.enum(['true', 'false']).default('false'),
    DATABASE_URL: z.string().url().optional(),
    /** Most connections each instance opens to the PostgreSQL server. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(3).max(200).default(10),
    DATA_DIR: z.string().default('./data'),
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default('Oversight <no-reply@oversight.invalid>'),
    PUBLIC_URL: z.string().url().default('http://localhost:3000'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DEMO: z.enum(['small', 'large', 'none']).default('small'),
    /** Apply pending migrations at start (development); false when a separate owner role runs `npm run migrate`. */
    MIGRATE_ON_START: z.enum(['true', 'false']).default('true'),
    /** Retention periods (docs/operations.md, "Retention"). */
    RETAIN_SIGN_IN_ATTEMPTS_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    RETAIN_ACCESS_AUDIT_YEARS: z.coerce.number().int().min(1).max(100).default(7),
    RETAIN_IMPORT_PROBLEMS_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    RETAIN_CLOSED_CASES_AGE: z.coerce.number().int().min(18).max(100).default(25),
    RETAIN_LOOKED_AFTER_CASES_AGE: z.coerce.number().int().min(18).max(120).default(75),
    UPLOAD_MAX_FILE_MB: z.coerce.number().int().min(1).max(4096).default(500),
    UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(200).default(40),
    UNZIP_MAX_ENTRIES: z.coerce.number().int().min(1).max(10_000).default(100),
    UNZIP_MAX_MB: z.coerce.number().int().min(1).max(65_536).default(2048),
    UNZIP_MAX_RATIO: z.coerce.number().int().min(2).max(10_000).default(100),
    SPREADSHEET_MAX_MB: z.coerce.number().int().min(1).max(1024).default(50),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      if (!env.DATABASE_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['DATABASE_URL'],
          message: 'DATABASE_URL is required in production',
        });
      }
      if (!env.SESSION_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['SESSION_SECRET'],
          message: 'SESSION_SECRET is required in production',
        });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  trustProxy: boolean;
  databaseUrl?: string;
  /** Most connections to the PostgreSQL server per instance (one is held for the instance's lock). */
  databasePoolSize: number;
  dataDir: string;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  smtpUrl?: string;
  mailFrom: string;
  publicUrl: string;
  logLevel: Env['LOG_LEVEL'];
  /** Which demo authority to load into an empty database; never in production. */
  demo: Env['DEMO'];
  /** Apply pending migrations at start; otherwise refuse to start while any is pending. */
  migrateOnStart: boolean;
  retention: RetentionSettings;
  /** What an upload may be: see UploadLimits. */
  uploads: UploadLimits;
}

/** How long records are kept before they are removed or anonymised (docs/operations.md, "Retention"). */
export interface RetentionSettings {
  signInAttemptsDays: number;
  accessAuditYears: number;
  /** Import problem lists (which quote the rejected values) are emptied after this many days. */
  importProblemsDays: number;
  /** A child whose records are all closed is due for removal from this birthday... */
  closedCasesAge: number;
  /** ...or from this one if they were ever looked after. */
  lookedAfterCasesAge: number;
}

/** The limits every upload is held to (README, configuration; docs/security.md). */
export interface UploadLimits {
  /** The largest single file, in bytes, as sent. */
  maxFileBytes: number;
  /** The most files in one form. */
  maxFiles: number;
  /** The most entries a zip may hold. */
  maxZipEntries: number;
  /** The most a zip may expand to, in bytes, all entries together. */
  maxExpandedBytes: number;
  /** The most a zip may expand per byte it takes (expanded size / compressed size). */
  maxRatio: number;
  /** The most an Excel or Word file (a zip read whole into memory) may expand to, in bytes. */
  maxDocumentBytes: number;
}

const MB = 1024 * 1024;

/** A fixed secret for development and tests only; production refuses to start without its own. */
const DEVELOPMENT_SECRET = 'oversight-development-secret-not-for-production-use';

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new ConfigError(`Oversight cannot start because its configuration is wrong:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    trustProxy: e.TRUST_PROXY === 'true',
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: e.DATA_DIR,
    sessionSecret: e.SESSION_SECRET ?? DEVELOPMENT_SECRET,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    demo: e.NODE_ENV === 'production' ? 'none' : e.DEMO,
    migrateOnStart: e.MIGRATE_ON_START === 'true',
    retention: {
      signInAttemptsDays: e.RETAIN_SIGN_IN_ATTEMPTS_DAYS,
      accessAuditYears: e.RETAIN_ACCESS_AUDIT_YEARS,
      importProblemsDays: e.RETAIN_IMPORT_PROBLEMS_DAYS,
      closedCasesAge: e.RETAIN_CLOSED_CASES_AGE,
      lookedAfterCasesAge: e.RETAIN_LOOKED_AFTER_CASES_AGE,
    },
    uploads: {
      maxFileBytes: e.UPLOAD_MAX_FILE_MB * MB,
      maxFiles: e.UPLOAD_MAX_FILES,
      maxZipEntries: e.UNZIP_MAX_ENTRIES,
      maxExpandedBytes: e.UNZIP_MAX_MB * MB,
      maxRatio: e.UNZIP_MAX_RATIO,
      maxDocumentBytes: e.SPREADSHEET_MAX_MB * MB,
    },
  };
}
