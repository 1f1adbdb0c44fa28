import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { HttpProblem } from '../http/problems.ts';
import { MAIL_JOB } from './jobs.mail.ts';
import { announceJob } from './jobs.ts';
import type { JobStatus } from './jobs.tables.ts';

export const JOB_STATUSES: readonly JobStatus[] = ['failed', 'pending', 'running', 'done'];

export interface JobCount {
  status: JobStatus;
  kind: string;
  count: number;
}

/**
 * A job as admins see it: never its payload, which may hold personal data (a mail's address and
 * text); for a mail, only its subject.
 */
export interface JobSummary {
  id: string;
  kind: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  subject: string | null;
  runAt: Date;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** Jobs are the instance's plumbing: only admins see or touch them. */
function requireAdmin(principal: Principal | null): void {
  if (!principal?.isAdmin) throw new HttpProblem('forbidden');
}

export async function countJobs(db: Db, principal: Principal | null): Promise<JobCount[]> {
  requireAdmin(principal);
  const rows = await db
    .selectFrom('jobs')
    .select(['status', 'kind', (eb) => eb.fn.countAll<string>().as('count')])
    .groupBy(['status', 'kind'])
    .orderBy('kind')
    .orderBy('status')
    .execute();
  return rows.map((row) => ({ status: row.status, kind: row.kind, count: Number(row.count) }));
}

const summaryColumns = [
  'id',
  'kind',
  'status',
  'attempts',
  'max_attempts',
  'last_error',
  'run_at',
  'created_at',
  'updated_at',
  'finished_at',
] as const;

type SummaryRow = {
  id: string;
  kind: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  run_at: Date;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  subject: string | null;
};

const toSummary = (row: SummaryRow): JobSummary => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  attempts: row.attempts,
  maxAttempts: row.max_attempts,
  lastError: row.last_error,
  subject: row.subject,
  runAt: row.run_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  finishedAt: row.finished_at,
});

/** The jobs of one status, the most recently changed first. */
export async function listJobs(
  db: Db,
  principal: Principal | null,
  status: JobStatus,
  limit = 100,
): Promise<JobSummary[]> {
  requireAdmin(principal);
  const rows = await db
    .selectFrom('jobs')
    .select([
      ...summaryColumns,
      sql<string | null>`CASE WHEN kind = ${MAIL_JOB} THEN payload->>'subject' END`.as('subject'),
    ])
    .where('status', '=', status)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

/** Every failed job (for `puente jobs:failed`, run by whoever runs the instance). */
export async function listFailedJobs(db: Db): Promise<JobSummary[]> {
  const rows = await db
    .selectFrom('jobs')
    .select([
      ...summaryColumns,
      sql<string | null>`CASE WHEN kind = ${MAIL_JOB} THEN payload->>'subject' END`.as('subject'),
    ])
    .where('status', '=', 'failed')
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toSummary);
}

/**
 * Gives a failed job one more attempt, now: back to pending, its attempts kept and its maximum
 * raised by one. Null when there is no failed job with this id.
 */
export async function retryJob(
  db: Db,
  principal: Principal | null,
  id: string,
  now = new Date(),
): Promise<JobSummary | null> {
  requireAdmin(principal);
  const row = await db
    .updateTable('jobs')
    .set({
      status: 'pending',
      run_at: now,
      updated_at: now,
      max_attempts: sql<number>`greatest(max_attempts, attempts) + 1`,
    })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returning([
      ...summaryColumns,
      sql<string | null>`CASE WHEN kind = ${MAIL_JOB} THEN payload->>'subject' END`.as('subject'),
    ])
    .executeTakeFirst();
  if (!row) return null;
  announceJob(row.kind);
  return toSummary(row);
}

/** Deletes a failed job (its work will not be done). False when there is no failed job with this id. */
export async function discardJob(db: Db, principal: Principal | null, id: string): Promise<boolean> {
  requireAdmin(principal);
  const result = await db
    .deleteFrom('jobs')
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
