import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Config, readConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { buildApp } from '../../src/http/app.ts';
import { createQueuedMailer, sendMailJob } from '../../src/jobs/jobs.mail.ts';
import { startJobRunner, type JobRunner } from '../../src/jobs/jobs.runner.ts';
import { createMailer, type Mailer } from '../../src/mail/mailer.ts';
import { resetDatabase, testDatabase } from './database.ts';
import { startSmtpServer, type TestSmtpServer } from './smtp.ts';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-cookies-0123456789';

export interface TestContext {
  app: FastifyInstance;
  database: DatabaseHandle;
  smtp: TestSmtpServer;
  /** The real mailer to the test's SMTP server (what jobs use); the app's own queues its mail. */
  mailer: Mailer;
  /** The in-process runner of queued mail (`mail.send` jobs) only: tests run other jobs themselves. */
  jobs: JobRunner;
  config: Config;
  close(): Promise<void>;
}

/**
 * The app on the test database (reset first), with a real in-process SMTP server. Settings are
 * the real ones read from an environment, so tests exercise the same validation as production.
 */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await testDatabase();
  await resetDatabase(database.db);
  const smtp = await startSmtpServer();
  const config = readConfig({
    PUENTE_BASE_URL: 'http://localhost:3000',
    PUENTE_DEMO: 'false',
    LOG_LEVEL: 'silent',
    SMTP_URL: smtp.url,
    PUENTE_WRITES_PER_MINUTE: '100000',
    PUENTE_SIGN_IN_REQUESTS_PER_MINUTE: '100000',
    ...env,
  });
  const mailer = createMailer({ smtpUrl: smtp.url, from: config.mailFrom, outboxDir: '/nonexistent' });
  const app = await buildApp({
    config,
    db: database.db,
    mailer: createQueuedMailer(database.db),
    secret: TEST_SECRET,
  });
  await app.ready();
  const jobs = startJobRunner({
    db: database.db,
    mailer,
    config,
    log: { info: () => {}, error: () => {} },
    definitions: [sendMailJob],
    schedules: [],
    pollSeconds: 1,
  });
  return {
    app,
    database,
    smtp,
    mailer,
    jobs,
    config,
    async close() {
      await jobs.stop();
      await app.close();
      mailer.close();
      await smtp.close();
    },
  };
}

/** A browser-like client for `app.inject`: keeps cookies, fetches CSRF tokens, sends forms. */
export class Agent {
  readonly cookies = new Map<string, string>();
  bearer: string | null = null;
  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now()))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (this.cookies.size > 0 && headers.cookie === undefined) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    if (this.bearer && headers.authorization === undefined) headers.authorization = `Bearer ${this.bearer}`;
    const response = await this.app.inject({ ...options, headers });
    this.remember(response);
    return response;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }

  /** A CSRF token for this agent's cookie, read from a form page as a browser would. */
  async csrfToken(): Promise<string> {
    const page = await this.get('/en/password/forgot');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no CSRF token on the form page (status ${page.statusCode})`);
    return token;
  }

  /** Posts a urlencoded form, with a CSRF token unless `csrf: false`. */
  async postForm(url: string, fields: Record<string, string | string[]>, options: { csrf?: boolean } = {}) {
    const params = new URLSearchParams();
    if (options.csrf !== false) params.append('_csrf', await this.csrfToken());
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
    }
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: params.toString(),
    });
  }

  json(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    return this.request({
      method,
      url,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  }
}
