import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Db, Executor } from '../db/schema.ts';
import type { Mailer } from '../mail/mailer.ts';

/** What a job's handler gets: the database, the real (SMTP) mailer, the settings and the time. */
export interface JobContext {
  db: Db;
  mailer: Mailer;
  config: Config;
  now: Date;
  log: JobLog;
}

/** The subset of pino's logger that jobs use; never log personal data. */
export interface JobLog {
  info(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export type JobPayload = Record<string, unknown>;

/** A kind of job and its handler. A handler that throws is retried with back-off. */
export interface JobDefinition<P extends JobPayload = JobPayload> {
  kind: string;
  run(payload: P, context: JobContext): Promise<void>;
  /**
   * The attempts this kind deserves, for whoever enqueues it (the row's `max_attempts` decides;
   * the table's default is 8: about an hour of back-off).
   */
  maxAttempts?: number;
  /**
   * What of the payload to keep once the job is done (default: all of it). A mail keeps its subject
   * only: its address and text (a password-reset link…) need not outlive the delivery.
   */
  keepWhenDone?(payload: P): JobPayload;
}

/**
 * A periodic sweep, run by every instance every `everyMinutes`: it only enqueues jobs, with
 * idempotency keys (e.g. `digest:daily:<user>:2026-11-25`), so that several instances sweeping at
 * once still create each job once.
 */
export interface JobSchedule {
  name: string;
  everyMinutes: number;
  run(context: JobContext): Promise<void>;
}

export function defineJob<P extends JobPayload>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

export interface EnqueueOptions {
  /** A job with the same key is created once: later enqueues return the existing job. */
  key?: string;
  /** Not before this instant (default: now). */
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * In-process listeners told of each new job (the runner of this process, so that a mail enqueued
 * by a request goes out within milliseconds instead of at the next poll). A job enqueued inside a
 * transaction is only visible after its commit: the runner also polls, and looks again shortly
 * after a nudge.
 */
const enqueueListeners = new Set<(kind: string) => void>();

/** Calls `listener` with the kind of each job this process enqueues; returns the unsubscribe function. */
export function onJobEnqueued(listener: (kind: string) => void): () => void {
  enqueueListeners.add(listener);
  return () => enqueueListeners.delete(listener);
}

/** Tells this process's runner that a job of `kind` is due now (enqueued, or retried by an admin). */
export function announceJob(kind: string): void {
  for (const listener of enqueueListeners) listener(kind);
}

/**
 * Adds a job, inside the caller's transaction when given one (the job exists if and only if the
 * change that asked for it was committed). Returns whether this call created it.
 */
export async function enqueueJob(
  executor: Executor,
  kind: string,
  payload: JobPayload,
  options: EnqueueOptions = {},
): Promise<{ id: string; created: boolean }> {
  const inserted = await executor
    .insertInto('jobs')
    .values({
      kind,
      payload: JSON.stringify(payload),
      idempotency_key: options.key ?? null,
      run_at: options.runAt ?? new Date(),
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) {
    announceJob(kind);
    return { id: inserted.id, created: true };
  }
  const existing = await executor
    .selectFrom('jobs')
    .select('id')
    .where('idempotency_key', '=', options.key!)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: JobPayload;
  attempts: number;
  maxAttempts: number;
}

/** How long a claimed job is held before another worker may take it over (a crashed instance). */
const LEASE_SECONDS = 300;

/**
 * Claims up to `limit` due jobs for `workerId`: pending ones whose time has come, and running ones
 * whose lease ran out (their worker crashed or hung). `FOR UPDATE SKIP LOCKED` makes concurrent
 * claims take disjoint rows. With `kinds`, only jobs of those kinds: an instance never takes a job
 * it has no handler for (one of a newer version, during a rolling upgrade, waits for that version).
 */
export async function claimDueJobs(
  db: Db,
  workerId: string,
  now: Date,
  limit: number,
  kinds?: readonly string[],
): Promise<ClaimedJob[]> {
  if (kinds && kinds.length === 0) return [];
  const ofKinds = kinds ? sql`AND kind = ANY(${[...kinds]}::text[])` : sql``;
  const rows = await sql<{
    id: string;
    kind: string;
    payload: JobPayload;
    attempts: number;
    max_attempts: number;
  }>`
    UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${workerId},
      locked_until = ${now}::timestamptz + make_interval(secs => ${LEASE_SECONDS}), updated_at = ${now}
    WHERE id IN (
      SELECT id FROM jobs
      WHERE ((status = 'pending' AND run_at <= ${now}) OR (status = 'running' AND locked_until < ${now}))
        ${ofKinds}
      ORDER BY run_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, payload, attempts, max_attempts`.execute(db);
  return rows.rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as JobPayload) : row.payload,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
  }));
}

/** Seconds to wait before attempt `attempts + 1`: 30 s, 1, 2, 4, 8… minutes, at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Marks a job done, if `workerId` still holds it (a worker whose lease ran out and was taken over
 * records nothing). `locked_by` stays on a done job: it names the instance that did it.
 */
export async function completeJob(
  db: Db,
  id: string,
  workerId: string,
  now: Date,
  keptPayload?: JobPayload,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: 'done',
      finished_at: now,
      updated_at: now,
      locked_until: null,
      last_error: null,
      ...(keptPayload ? { payload: JSON.stringify(keptPayload) } : {}),
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/** Records a failure: retried after the back-off, or failed for good after the last attempt. */
export async function failJob(
  db: Db,
  job: ClaimedJob,
  workerId: string,
  now: Date,
  error: unknown,
): Promise<'retry' | 'failed'> {
  const outcome = job.attempts >= job.maxAttempts ? 'failed' : 'retry';
  await db
    .updateTable('jobs')
    .set({
      status: outcome === 'failed' ? 'failed' : 'pending',
      run_at: new Date(now.getTime() + backoffSeconds(job.attempts) * 1000),
      last_error: describeError(error),
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .execute();
  return outcome;
}

/** An error as stored on the job: its type, code and message, with email addresses masked. */
export function describeError(error: unknown): string {
  const record = error as { name?: unknown; code?: unknown; message?: unknown } | null;
  const parts = [
    typeof record?.name === 'string' ? record.name : 'Error',
    typeof record?.code === 'string' || typeof record?.code === 'number' ? `[${record.code}]` : '',
    typeof record?.message === 'string' ? record.message : String(error),
  ];
  return parts
    .filter(Boolean)
    .join(' ')
    .replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '<address>')
    .slice(0, 2000);
}

/**
 * Runs one batch of due jobs: claims up to `limit` of the kinds in `definitions`, runs each with
 * its handler, records the outcome. Jobs of other kinds are left for an instance that knows them.
 * `claimed` is 0 when nothing was due: a runner drains the queue by calling this until then.
 */
export async function runDueJobs(
  context: Omit<JobContext, 'now'> & { now?: () => Date },
  definitions: readonly JobDefinition[],
  options: { workerId?: string; limit?: number } = {},
): Promise<{ claimed: number; done: number; retried: number; failed: number }> {
  const clock = context.now ?? (() => new Date());
  const workerId = options.workerId ?? defaultWorkerId;
  const byKind = new Map(definitions.map((definition) => [definition.kind, definition]));
  const claimed = await claimDueJobs(context.db, workerId, clock(), options.limit ?? 20, [...byKind.keys()]);
  const counts = { claimed: claimed.length, done: 0, retried: 0, failed: 0 };
  for (const job of claimed) {
    const definition = byKind.get(job.kind)!;
    try {
      await definition.run(job.payload, { ...context, now: clock() });
      await completeJob(context.db, job.id, workerId, clock(), definition.keepWhenDone?.(job.payload));
      counts.done++;
    } catch (error) {
      const outcome = await failJob(context.db, job, workerId, clock(), error);
      counts[outcome === 'failed' ? 'failed' : 'retried']++;
      context.log.error(
        { job: job.id, kind: job.kind, attempt: job.attempts, outcome, err: describeError(error) },
        'job failed',
      );
    }
  }
  return counts;
}

/** This process, as named on the jobs it holds. */
export const defaultWorkerId = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
