import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { instanceSecret } from './db/instance.ts';
import { migrateToLatest } from './db/migrate.ts';
import { purgeExpired } from './accounts/index.ts';
import { loadDemoOnFirstStart, type DemoAccount } from './demo/index.ts';
import { buildApp, loggerOptions } from './http/app.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';

export interface RunningPuente {
  app: FastifyInstance;
  database: DatabaseHandle;
  mailer: Mailer;
  demoAccounts: DemoAccount[] | null;
  timings: { openMs: number; migrateMs: number; demoMs: number; listenMs: number };
  close(): Promise<void>;
}

/** Opens (and creates) the database, migrates it, loads the demo on first start, builds the app. */
export async function startPuente(
  config: Config,
  options: { listen?: boolean } = {},
): Promise<RunningPuente> {
  const t0 = performance.now();
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const t1 = performance.now();
  await migrateToLatest(database.db as never);
  const t2 = performance.now();
  const demoAccounts = config.loadDemo ? await loadDemoOnFirstStart(database.db) : null;
  const t3 = performance.now();
  const secret = await instanceSecret(database.db, config.secret);
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: path.join(config.dataDir, 'outbox'),
  });
  const app = await buildApp({ config, db: database.db, mailer, secret }, loggerOptions(config));
  if (options.listen !== false) await app.listen({ port: config.port, host: config.host });
  else await app.ready();
  const t4 = performance.now();
  // Housekeeping until the jobs table arrives: expired sessions and old throttling records.
  const purge = () =>
    purgeExpired(database.db).catch((error: unknown) => app.log.error({ err: error }, 'purge failed'));
  void purge();
  const purgeTimer = setInterval(purge, 60 * 60 * 1000).unref();
  return {
    app,
    database,
    mailer,
    demoAccounts,
    timings: { openMs: t1 - t0, migrateMs: t2 - t1, demoMs: t3 - t2, listenMs: t4 - t3 },
    async close() {
      clearInterval(purgeTimer);
      await app.close();
      mailer.close();
      await database.close();
    },
  };
}
