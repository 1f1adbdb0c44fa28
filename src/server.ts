import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import type { DemoAccount } from './demo/index.ts';
import type { Mailer } from './mail/mailer.ts';

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
  // The embedded database starts (WASM compile, data folder) while the app's modules load:
  // on a later start these are the two slow parts, and they overlap.
  const opening = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const modules = Promise.all([
    import('./db/migrate.ts'),
    import('./db/instance.ts'),
    import('./demo/index.ts'),
    import('./accounts/index.ts'),
    import('./http/app.ts'),
    import('./mail/mailer.ts'),
  ]);
  const [
    database,
    [
      { migrateToLatest },
      { instanceSecret },
      { loadDemoOnFirstStart },
      { purgeExpired },
      { buildApp, loggerOptions },
      { createMailer },
    ],
  ] = await Promise.all([
    opening,
    modules.catch(async (error: unknown) => (await opening.then((db) => db.close()), Promise.reject(error))),
  ]);
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
  // Matches without a move for PUENTE_MATCH_REMINDER_DAYS: swept hourly (a minute after start, then
  // every hour); each match is claimed atomically, so several instances may all run this.
  const remind = () =>
    import('./cooperation/cooperation.matches.reminders.ts')
      .then(({ sendStaleMatchReminders }) =>
        sendStaleMatchReminders(database.db, mailer, new Date(), config.matchReminderDays, {
          baseUrl: config.baseUrl,
          onMailError: (error) => app.log.error({ err: error }, 'match reminder not delivered'),
        }),
      )
      .catch((error: unknown) => app.log.error({ err: error }, 'match reminders failed'));
  const firstReminder = setTimeout(remind, 60 * 1000).unref();
  const reminderTimer = setInterval(remind, 60 * 60 * 1000).unref();
  return {
    app,
    database,
    mailer,
    demoAccounts,
    timings: { openMs: t1 - t0, migrateMs: t2 - t1, demoMs: t3 - t2, listenMs: t4 - t3 },
    async close() {
      clearInterval(purgeTimer);
      clearTimeout(firstReminder);
      clearInterval(reminderTimer);
      await app.close();
      mailer.close();
      await database.close();
    },
  };
}
