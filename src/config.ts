import path from 'node:path';

/**
 * Every setting Puente reads, validated once at start-up. A bad value is reported as one
 * line naming the setting and the expected form; `main.ts` and `cli.ts` turn it into exit code 2.
 */
export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  bodyLimit: number;
  /** The largest attachment of a practice, in bytes (the whole file is held in memory and in one bytea). */
  attachmentLimit: number;
  /** Read again by src/practices/practices.languages.ts, which the schemas need at import time. */
  contentLanguages: string[];
  loadDemo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionDays: number;
  passwordResetMinutes: number;
  invitationDays: number;
  loginAttemptsPerAccount: number;
  loginAttemptsPerAddress: number;
  writesPerMinute: number;
  signInRequestsPerMinute: number;
  trustProxy: boolean;
  secret: string | null;
  /** Days without a move after which a live match reminds its secretariat and parties (and again after as many). */
  matchReminderDays: number;
  /**
   * The start of the IATI organisation reference under which each network reports its cooperation
   * records (`{prefix}-{network slug}`); set it to the network's registered identifier prefix.
   */
  iatiOrgPrefix: string;
  /** Whether this instance runs background jobs (`PUENTE_JOBS=off` for a web-only instance). */
  jobsEnabled: boolean;
  /** Seconds between two looks at the jobs queue (a job enqueued by this instance is run at once). */
  jobsPollSeconds: number;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    readonly expected: string,
    readonly got: string,
  ) {
    super(`Invalid setting ${setting}: expected ${expected} (got ${JSON.stringify(got)})`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `an integer between ${min} and ${max}`, raw);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const normalized = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(normalized)) return true;
  if (['0', 'false', 'no', 'off'].includes(normalized)) return false;
  throw new ConfigError(name, 'true or false', raw);
}

/** Extra languages of practices' content, beyond fr, es, en and pt: "ht,ar". */
function languageList(env: Env, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  const codes = raw.split(',').map((code) => code.trim().toLowerCase());
  if (codes.some((code) => !/^[a-z]{2,3}$/.test(code)))
    throw new ConfigError(name, 'ISO 639 language codes separated by commas, e.g. "ht,ar"', raw);
  return codes;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `a URL starting with ${protocols.join(' or ')}`, redact(raw));
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `a URL starting with ${protocols.join(' or ')}`, redact(raw));
  }
  return raw;
}

/** A connection string may carry a password: never echo it back. */
function redact(raw: string): string {
  return raw.replace(/\/\/[^@/]*@/, '//***@');
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new ConfigError(name, `one of ${allowed.join(', ')}`, raw);
  return raw as T;
}

export function readConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST && env.HOST.trim() !== '' ? env.HOST.trim() : '127.0.0.1';
  const baseUrl = (url(env, 'PUENTE_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(
    /\/$/,
    '',
  );
  const secret = env.PUENTE_SECRET && env.PUENTE_SECRET !== '' ? env.PUENTE_SECRET : null;
  if (secret !== null && secret.length < 32) {
    throw new ConfigError('PUENTE_SECRET', 'a random string of at least 32 characters', '(hidden)');
  }
  const mailFrom =
    env.MAIL_FROM && env.MAIL_FROM.trim() !== '' ? env.MAIL_FROM.trim() : 'Puente <no-reply@localhost>';
  if (!/<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$/.test(mailFrom)) {
    throw new ConfigError('MAIL_FROM', 'an email address, optionally as "Name <address>"', mailFrom);
  }
  return {
    port,
    host,
    baseUrl,
    dataDir: path.resolve(
      cwd,
      env.PUENTE_DATA_DIR && env.PUENTE_DATA_DIR !== '' ? env.PUENTE_DATA_DIR : 'data',
    ),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom,
    bodyLimit: integer(env, 'PUENTE_BODY_LIMIT', 1_048_576, 1024, 1_073_741_824),
    attachmentLimit: integer(env, 'PUENTE_ATTACHMENT_LIMIT', 10_485_760, 1024, 104_857_600),
    contentLanguages: languageList(env, 'PUENTE_CONTENT_LANGUAGES'),
    loadDemo: boolean(env, 'PUENTE_DEMO', true),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', [
      'fatal',
      'error',
      'warn',
      'info',
      'debug',
      'trace',
      'silent',
    ] as const),
    sessionDays: integer(env, 'PUENTE_SESSION_DAYS', 30, 1, 365),
    passwordResetMinutes: integer(env, 'PUENTE_PASSWORD_RESET_MINUTES', 60, 5, 10_080),
    invitationDays: integer(env, 'PUENTE_INVITATION_DAYS', 7, 1, 90),
    loginAttemptsPerAccount: integer(env, 'PUENTE_LOGIN_ATTEMPTS_PER_ACCOUNT', 5, 1, 1000),
    loginAttemptsPerAddress: integer(env, 'PUENTE_LOGIN_ATTEMPTS_PER_ADDRESS', 20, 1, 100_000),
    writesPerMinute: integer(env, 'PUENTE_WRITES_PER_MINUTE', 120, 1, 1_000_000),
    signInRequestsPerMinute: integer(env, 'PUENTE_SIGN_IN_REQUESTS_PER_MINUTE', 20, 1, 1_000_000),
    trustProxy: boolean(env, 'PUENTE_TRUST_PROXY', false),
    secret,
    matchReminderDays: integer(env, 'PUENTE_MATCH_REMINDER_DAYS', 30, 1, 365),
    iatiOrgPrefix: iatiPrefix(env, 'PUENTE_IATI_ORG_PREFIX'),
    jobsEnabled: boolean(env, 'PUENTE_JOBS', true),
    jobsPollSeconds: integer(env, 'PUENTE_JOBS_POLL_SECONDS', 5, 1, 3600),
  };
}

/** An IATI organisation identifier prefix: letters, digits and hyphens ("XM-DAC-41122", "PUENTE"). */
function iatiPrefix(env: Env, name: string): string {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return 'PUENTE';
  if (!/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(raw.trim()))
    throw new ConfigError(name, 'letters, digits and hyphens, e.g. "XM-DAC-41122"', raw);
  return raw.trim();
}

/** Reads the configuration or ends the process with one line and exit code 2. */
export function readConfigOrExit(env: Env = process.env): Config {
  try {
    return readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`puente: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
