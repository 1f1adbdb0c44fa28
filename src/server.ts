import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import type { DemoAccount } from './demo/index.ts';
import type { JobRunner } from './jobs/jobs.runner.ts';
import type { Mailer } from './mail/mailer.ts';

export interface RunningPuente {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** The real mailer (SMTP or the outbox), used by the jobs; requests queue their mail. */
  mailer: Mailer;
  /** This instance's jobs runner, or null with `PUENTE_JOBS=off`. */
  jobs: JobRunner | null;
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
    import('./http/app.ts'),
    import('./mail/mailer.ts'),
    import('./jobs/jobs.runner.ts'),
    import('./jobs/jobs.catalogue.ts'),
    import('./jobs/jobs.mail.ts'),
  ]);
  const [
    database,
    [
      { migrateToLatest },
      { instanceSecret },
      { loadDemoOnFirstStart },
      { buildApp, loggerOptions },
      { createMailer },
      { startJobRunner },
      { JOBS, SCHEDULES },
      { createQueuedMailer },
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
  // Requests queue their mail (a `mail.send` job each); the jobs deliver it through `mailer`.
  const app = await buildApp(
    { config, db: database.db, mailer: createQueuedMailer(database.db), secret },
    loggerOptions(config),
  );
  if (options.listen !== false) await app.listen({ port: config.port, host: config.host });
  else await app.ready();
  const t4 = performance.now();
  // Background work (mail, housekeeping, digests, reminders): the schedules enqueue, the runner
  // claims; several instances share the queue. A web-only instance (PUENTE_JOBS=off) runs none.
  const jobs = config.jobsEnabled
    ? startJobRunner({
        db: database.db,
        mailer,
        config,
        log: app.log,
        definitions: JOBS,
        schedules: SCHEDULES,
        pollSeconds: config.jobsPollSeconds,
      })
    : null;
  return {
    app,
    database,
    mailer,
    jobs,
    demoAccounts,
    timings: { openMs: t1 - t0, migrateMs: t2 - t1, demoMs: t3 - t2, listenMs: t4 - t3 },
    async close() {
      await jobs?.stop();
      await app.close();
      mailer.close();
      await database.close();
    },
  };
}
