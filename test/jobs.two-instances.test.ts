// Two real Puente processes on one PostgreSQL server share the jobs queue: every job is done
// exactly once, and both do some of the work. Needs a PostgreSQL server: DATABASE_URL_TEST (as
// `npm test` sets it; `scripts/test-postgres.sh start` gives one). Without it the test is skipped
// with the reason; under CI=true that is a failure.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { type DatabaseHandle, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { enqueueMail } from '../src/jobs/jobs.mail.ts';
import { buildActors } from './support/factories.ts';
import { buildActionItem, buildRecordMeeting } from './support/fixtures.meetings-record.ts';
import { buildSubscription, buildUpdatePost } from './support/fixtures.subscriptions.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ADMIN_URL = process.env.DATABASE_URL_TEST;
const MAILS = 60;
const missing = ADMIN_URL
  ? null
  : 'needs a PostgreSQL server: DATABASE_URL_TEST (scripts/test-postgres.sh start)';
if (missing) {
  if (process.env.CI === 'true') throw new Error(`${missing} (CI=true: this test must run, not skip)`);
  console.log(`SKIP: two Puente instances: ${missing}`);
}

const databaseName = `puente_jobs_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
const children: ChildProcess[] = [];
let handle: DatabaseHandle | undefined;
let smtp: Awaited<ReturnType<typeof startSlowSmtp>> | undefined;
let dataDir: string | undefined;

/**
 * What makes the other domains' jobs due when the instances sweep at start: a daily digest (a
 * subscription to the feed, a new post, a time zone where 07:00 has passed today), an action
 * item due today, and an invitation to a meeting in two days without an answer. Returns the
 * address each of them must reach, once.
 */
async function seedDueWork(db: DatabaseHandle['db']) {
  const { actors, network } = await buildActors(db);
  const emailOf = async (userId: string | null) =>
    (await db.selectFrom('users').select('email').where('id', '=', userId!).executeTakeFirstOrThrow()).email;
  // UTC+offset where it is now about noon: the daily digest is due, whatever the hour here.
  const offset = 12 - new Date().getUTCHours();
  const zone = offset === 0 ? 'UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  await db.updateTable('users').set({ time_zone: zone }).where('id', '=', actors.focalOwn.userId!).execute();
  await buildSubscription(db, { userId: actors.focalOwn.userId!, source: 'updates', frequency: 'daily' });
  await buildUpdatePost(db, {
    networkId: network.id,
    title: 'New route through the Darién',
    publishedAt: new Date(Date.now() - 3_600_000),
  });

  const past = await buildRecordMeeting(db, { networkId: network.id });
  await buildActionItem(db, {
    meetingId: past,
    ownerUserId: actors.member.userId,
    dueOn: new Date().toISOString().slice(0, 10),
  });

  const next = await buildRecordMeeting(db, {
    networkId: network.id,
    startsAt: new Date(Date.now() + 2 * 86_400_000),
  });
  await db
    .insertInto('meeting_invitations')
    .values({ meeting_id: next, user_id: actors.focalOther.userId })
    .execute();

  return {
    digest: await emailOf(actors.focalOwn.userId),
    actionItem: await emailOf(actors.member.userId),
    rsvp: await emailOf(actors.focalOther.userId),
  };
}

/** An SMTP server that takes ~20 ms per message, as a real one does, so that both instances get work. */
async function startSlowSmtp() {
  const subjects: string[] = [];
  const recipients: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      recipients.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
      simpleParser(stream).then(
        (mail) => {
          subjects.push(mail.subject ?? '');
          setTimeout(callback, 20);
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, subjects, recipients, port: (server.server.address() as AddressInfo).port };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts `node --import tsx src/main.ts` and resolves once it is listening. */
async function startInstance(databaseUrl: string, smtpPort: number): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      PUENTE_JOBS: 'on',
      PUENTE_JOBS_POLL_SECONDS: '1',
      PUENTE_DEMO: 'false',
      PUENTE_DATA_DIR: dataDir,
      PUENTE_SECRET: 'two-instances-test-secret-0123456789abcdef',
      PORT: String(port),
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance not ready in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Puente is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance exited with ${code}:\n${output}`));
    });
  });
  return child;
}

async function stopInstance(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

// Last resort if the test process ends abruptly: no Puente left running.
process.once('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('two Puente instances on one PostgreSQL server', { skip: missing ?? false }, () => {
  before(async () => {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    await admin.end();
    const url = new URL(ADMIN_URL!);
    url.pathname = `/${databaseName}`;
    handle = await openDatabase({ dataDir: null, databaseUrl: url.toString(), poolSize: 2 });
    await migrateToLatest(handle.db as never);
    smtp = await startSlowSmtp();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'puente-two-instances-'));
  });

  after(async () => {
    await Promise.all(children.map(stopInstance));
    await handle?.close();
    if (smtp) await new Promise<void>((resolve) => smtp!.server.close(() => resolve()));
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (ADMIN_URL) {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('does every job exactly once, and both instances share the work', { timeout: 180_000 }, async () => {
    const db = handle!.db;
    const once = await seedDueWork(db);
    const url = new URL(ADMIN_URL!);
    url.pathname = `/${databaseName}`;
    const [first, second] = await Promise.all([
      startInstance(url.toString(), smtp!.port),
      startInstance(url.toString(), smtp!.port),
    ]);

    // Mail queued by "requests" elsewhere: the instances find it by polling the shared queue.
    for (let i = 0; i < MAILS; i++)
      await enqueueMail(db, {
        to: `person${i}@example.org`,
        subject: `Puente: message ${i}`,
        text: `Message ${i}`,
      });

    const deadline = Date.now() + 120_000;
    for (;;) {
      const left = await db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('status', 'in', ['pending', 'running'])
        .where('run_at', '<=', new Date())
        .executeTakeFirstOrThrow();
      if (Number(left.n) === 0 && smtp!.subjects.length >= MAILS + 3) break;
      if (Date.now() > deadline) assert.fail(`${left.n} job(s) still due after two minutes`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a duplicate would arrive by now

    const expected = Array.from({ length: MAILS }, (_, i) => `Puente: message ${i}`).sort();
    const queued = smtp!.subjects.filter((subject) => subject.startsWith('Puente: message '));
    assert.deepEqual(queued.sort(), expected, 'each queued mail arrived exactly once');
    const times = (address: string) => smtp!.recipients.filter((to) => to === address).length;
    assert.equal(times(once.digest), 1, 'the daily digest, once');
    assert.equal(times(once.actionItem), 1, 'the action item reminder, once');
    assert.equal(times(once.rsvp), 1, 'the RSVP reminder, once');
    assert.equal(smtp!.recipients.length, MAILS + 3, 'and nothing else');

    const jobs = await db
      .selectFrom('jobs')
      .select(['kind', 'status', 'locked_by', 'idempotency_key'])
      .execute();
    assert.ok(
      jobs.every((job) => job.status === 'done'),
      jobs
        .filter((job) => job.status !== 'done')
        .map((job) => `${job.kind} ${job.status}`)
        .join(', '),
    );
    for (const kind of ['subscriptions.digest', 'meetings.action-item-reminder', 'meetings.rsvp-reminder'])
      assert.equal(jobs.filter((job) => job.kind === kind).length, 1, `one ${kind} job`);
    const mails = jobs.filter((job) => job.kind === 'mail.send');
    assert.equal(mails.length, MAILS);
    assert.ok(mails.every((job) => job.status === 'done'));
    const pids = new Set(mails.map((job) => Number(job.locked_by?.split('-')[0])));
    assert.deepEqual(
      [...pids].sort(),
      [first!.pid, second!.pid].sort(),
      'both instances did some of the work (a done job names its worker)',
    );
    // Both instances swept the hourly housekeeping at start: each of its jobs exists once.
    const purges = jobs.filter((job) => job.kind === 'housekeeping.purge');
    assert.equal(new Set(purges.map((job) => job.idempotency_key)).size, purges.length);
    assert.ok(purges.length >= 1 && purges.every((job) => job.status === 'done'));
  });
});
