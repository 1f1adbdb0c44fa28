import assert from 'node:assert/strict';
import net, { type AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import { readConfig, type Config } from '../config.ts';
import type { Db } from '../db/schema.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../test/support/database.ts';
import { buildActors, buildMatch, buildOrganisation } from '../../test/support/factories.ts';
import { startSmtpServer, type TestSmtpServer } from '../../test/support/smtp.ts';
import {
  createQueuedMailer,
  enqueueMail,
  housekeepingSchedule,
  MAIL_JOB,
  mailJobs,
  MATCH_REMINDERS_JOB,
  PURGE_JOB,
  UPKEEP_JOB,
} from './jobs.mail.ts';
import { startJobRunner } from './jobs.runner.ts';
import { runDueJobs } from './jobs.ts';

let db: Db;
let smtp: TestSmtpServer;
let config: Config;
const quietLog = { info: () => {}, error: () => {} };

before(async () => {
  db = (await testDatabase()).db;
  smtp = await startSmtpServer();
  config = readConfig({ PUENTE_BASE_URL: 'http://localhost:3000', SMTP_URL: smtp.url, LOG_LEVEL: 'silent' });
});
beforeEach(async () => {
  await resetDatabase(db);
  smtp.messages.length = 0;
});
after(async () => {
  await smtp.close();
  await closeTestDatabase();
});

const smtpMailer = (url = smtp.url) =>
  createMailer({ smtpUrl: url, from: config.mailFrom, outboxDir: '/nonexistent' });
const jobsOf = (kind: string) =>
  db.selectFrom('jobs').selectAll().where('kind', '=', kind).orderBy('created_at').execute();

/** A loopback port with nothing listening on it: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The SMTP server coming back on `port`: a TCP relay to the test's SMTP server. */
async function smtpBackOn(port: number): Promise<net.Server> {
  const target = Number(new URL(smtp.url).port);
  const relay = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
  return relay;
}

describe('mail through the jobs queue', () => {
  it('delays mail while the SMTP server is down, then delivers each message exactly once', async () => {
    const port = await closedPort();
    const down = smtpMailer(`smtp://127.0.0.1:${port}`);
    const requests = createQueuedMailer(db);
    for (let i = 1; i <= 5; i++)
      await requests.send({
        to: `person${i}@example.org`,
        subject: `Puente: message ${i}`,
        text: `Text ${i}`,
      });
    const run = (mailer: Mailer, at: Date) =>
      runDueJobs({ db, mailer, config, log: quietLog, now: () => at }, mailJobs, {
        workerId: 'w',
        limit: 100,
      });

    let now = new Date(Date.now() + 1000);
    assert.deepEqual(await run(down, now), { claimed: 5, done: 0, retried: 5, failed: 0 });
    let jobs = await jobsOf(MAIL_JOB);
    assert.ok(jobs.every((job) => job.status === 'pending' && job.attempts === 1));
    assert.match(jobs[0]!.last_error ?? '', /ECONNREFUSED/);
    assert.ok(
      jobs.every((job) => !/person\d@|Text \d/.test(job.last_error ?? '')),
      'neither the address nor the text in the error',
    );
    assert.equal((await run(down, now)).claimed, 0, 'not again before the back-off (30 s)');

    now = new Date(now.getTime() + 31_000);
    assert.equal((await run(down, now)).retried, 5, 'still down at the second attempt');

    const relay = await smtpBackOn(port);
    try {
      now = new Date(now.getTime() + 61_000);
      assert.deepEqual(await run(down, now), { claimed: 5, done: 5, retried: 0, failed: 0 });
      now = new Date(now.getTime() + 3_600_000);
      assert.equal((await run(down, now)).claimed, 0, 'nothing left to send');
    } finally {
      await new Promise<void>((resolve) => relay.close(() => resolve()));
      down.close();
    }
    assert.deepEqual(
      smtp.messages.map((mail) => mail.subject).sort(),
      [1, 2, 3, 4, 5].map((i) => `Puente: message ${i}`),
      'every message once, none lost, none twice',
    );
    jobs = await jobsOf(MAIL_JOB);
    assert.ok(jobs.every((job) => job.status === 'done' && job.attempts === 3));
    assert.deepEqual(
      jobs.map((job) => job.payload).sort((a, b) => String(a.subject).localeCompare(String(b.subject))),
      [1, 2, 3, 4, 5].map((i) => ({ subject: `Puente: message ${i}` })),
      'once delivered, only the subject is kept: no address, no text (a reset link…)',
    );
  });

  it('queues a mail with a key once, however often it is asked for', async () => {
    const message = { to: 'ana@example.org', subject: 'Puente: once', text: 'Once' };
    await enqueueMail(db, message, { key: 'mail:once' });
    await enqueueMail(db, message, { key: 'mail:once' });
    assert.equal((await jobsOf(MAIL_JOB)).length, 1);
  });

  it('queues a mail in a transaction only if the transaction commits', async () => {
    await db
      .transaction()
      .execute(async (tx) => {
        await enqueueMail(tx, { to: 'ana@example.org', subject: 'Puente: rolled back', text: '…' });
        throw new Error('the change fails');
      })
      .catch(() => {});
    assert.equal((await jobsOf(MAIL_JOB)).length, 0);
  });

  it('delivers a mail queued by a request within about a second, through the runner', async () => {
    const mailer = smtpMailer();
    const runner = startJobRunner({
      db,
      mailer,
      config,
      log: quietLog,
      definitions: mailJobs,
      schedules: [],
      pollSeconds: 3600, // only the nudge of the enqueue can make it run
    });
    try {
      const started = Date.now();
      await createQueuedMailer(db).send({ to: 'ana@example.org', subject: 'Puente: fast', text: 'Fast' });
      const mail = await smtp.waitFor((m) => m.subject === 'Puente: fast', 1500);
      assert.deepEqual(mail.to, ['ana@example.org']);
      assert.ok(Date.now() - started < 1500);
      await db.transaction().execute(async (tx) => {
        await enqueueMail(tx, { to: 'ana@example.org', subject: 'Puente: in a transaction', text: '…' });
      });
      await smtp.waitFor((m) => m.subject === 'Puente: in a transaction', 2500);
    } finally {
      await runner.stop();
      mailer.close();
    }
    assert.equal(smtp.messages.length, 2);
  });
});

describe('hourly housekeeping', () => {
  it('is enqueued once per hour however many instances sweep', async () => {
    const now = new Date('2026-11-25T10:17:00Z');
    const sweep = () => housekeepingSchedule.run({ db, mailer: smtpMailer(), config, now, log: quietLog });
    await Promise.all([sweep(), sweep(), sweep()]);
    const keys = (
      await db.selectFrom('jobs').select('idempotency_key').orderBy('idempotency_key').execute()
    ).map((row) => row.idempotency_key);
    assert.deepEqual(keys, ['matches.remind:2026-11-25T10', 'purge:2026-11-25T10', 'upkeep:2026-11-25T10']);
  });

  it("runs the database's upkeep: the statistics catch up after many rows are written", async () => {
    await sql`INSERT INTO practice_lexicon (word) SELECT 'upkeep' || n FROM generate_series(1, 500) n`.execute(
      db,
    );
    await sql`SELECT pg_stat_force_next_flush()`.execute(db);
    await db.insertInto('jobs').values({ kind: UPKEEP_JOB, idempotency_key: 'upkeep:test' }).execute();
    const ran = await runDueJobs({ db, mailer: smtpMailer(), config, log: quietLog }, mailJobs, {
      workerId: 'w',
    });
    assert.equal(ran.done, 1);
    const { rows } = await sql<{ analyzed: boolean }>`
      SELECT last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL AS analyzed
      FROM pg_stat_user_tables WHERE relname = 'practice_lexicon'`.execute(db);
    assert.equal(rows[0]!.analyzed, true);
  });

  it('deletes done jobs after 30 days, and keeps failed ones for an admin', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 31 * 86_400_000);
    await db
      .insertInto('jobs')
      .values([
        { kind: 'old.done', status: 'done', finished_at: old, idempotency_key: 'old' },
        { kind: 'recent.done', status: 'done', finished_at: new Date(now.getTime() - 86_400_000) },
        { kind: 'old.failed', status: 'failed', attempts: 8, updated_at: old },
      ])
      .execute();
    await db.insertInto('jobs').values({ kind: PURGE_JOB, idempotency_key: 'purge:test' }).execute();
    await runDueJobs({ db, mailer: smtpMailer(), config, log: quietLog }, mailJobs, { workerId: 'w' });
    const kinds = (await db.selectFrom('jobs').select('kind').orderBy('kind').execute()).map(
      (row) => row.kind,
    );
    assert.deepEqual(kinds, ['housekeeping.purge', 'old.failed', 'recent.done']);
  });

  it('reminds of matches without a move through queued mail', async () => {
    const actors = await buildActors(db);
    const third = await buildOrganisation(db);
    const match = await buildMatch(db, {
      networkId: actors.network.id,
      demandOrganisationId: actors.owningOrganisation.id,
      offerOrganisationId: third.id,
    });
    await db
      .insertInto('focal_points')
      .values({ organisation_id: third.id, name: 'Third', email: 'third@example.org' })
      .execute();
    await db
      .updateTable('cooperation_matches')
      .set({ last_moved_at: new Date(Date.now() - 40 * 86_400_000) })
      .where('id', '=', match.id)
      .execute();
    await db.insertInto('jobs').values({ kind: MATCH_REMINDERS_JOB }).execute();
    const context = { db, mailer: smtpMailer(), config, log: quietLog };
    await runDueJobs(context, mailJobs, { workerId: 'w' }); // the sweep queues one mail per recipient
    assert.ok((await jobsOf(MAIL_JOB)).length >= 1);
    await runDueJobs(context, mailJobs, { workerId: 'w' });
    const mail = await smtp.waitFor((m) => m.to.includes('third@example.org'));
    assert.match(mail.subject, /^Puente: no move for 30 days: /);
  });
});
