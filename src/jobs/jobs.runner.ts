import type { Config } from '../config.ts';
import type { Db } from '../db/schema.ts';
import type { Mailer } from '../mail/mailer.ts';
import {
  defaultWorkerId,
  describeError,
  type JobDefinition,
  type JobLog,
  type JobSchedule,
  onJobEnqueued,
  runDueJobs,
} from './jobs.ts';

export interface JobRunnerOptions {
  db: Db;
  /** The real mailer (SMTP, or the outbox folder): jobs deliver, they do not queue again. */
  mailer: Mailer;
  config: Config;
  log: JobLog;
  definitions: readonly JobDefinition[];
  schedules: readonly JobSchedule[];
  pollSeconds: number;
  workerId?: string;
  /** Jobs claimed at a time (default 10): a small batch spreads work across instances. */
  batchSize?: number;
}

export interface JobRunner {
  readonly workerId: string;
  /** Look for due jobs now (and once more a second later: a job enqueued in a transaction). */
  nudge(): void;
  /** One pass: the schedules whose interval has passed, then every due job until none is left. */
  runOnce(): Promise<{ done: number; retried: number; failed: number }>;
  /** Stops polling and waits for the pass under way. */
  stop(): Promise<void>;
}

/** Batches in a row without a pause, at most: a queue that keeps refilling yields to the poll timer. */
const MAX_BATCHES_PER_PASS = 1000;

type RunnerBasics = Pick<JobRunnerOptions, 'db' | 'mailer' | 'config' | 'log' | 'definitions' | 'batchSize'>;

/** Runs each schedule that `isDue` lets through; a failing schedule is logged, the others run. */
async function runSchedules(
  options: RunnerBasics & { schedules: readonly JobSchedule[] },
  isDue: (schedule: JobSchedule, now: number) => boolean,
): Promise<void> {
  for (const schedule of options.schedules) {
    const now = Date.now();
    if (!isDue(schedule, now)) continue;
    try {
      await schedule.run({
        db: options.db,
        mailer: options.mailer,
        config: options.config,
        now: new Date(now),
        log: options.log,
      });
    } catch (error) {
      options.log.error({ schedule: schedule.name, err: describeError(error) }, 'job schedule failed');
    }
  }
}

/** Runs batches of due jobs until none is left (jobs retried later are not due). */
async function drainDueJobs(options: RunnerBasics, workerId: string, stopped: () => boolean = () => false) {
  const totals = { done: 0, retried: 0, failed: 0 };
  for (let batch = 0; batch < MAX_BATCHES_PER_PASS && !stopped(); batch++) {
    const counts = await runDueJobs(
      { db: options.db, mailer: options.mailer, config: options.config, log: options.log },
      options.definitions,
      { workerId, limit: options.batchSize ?? 10 },
    );
    totals.done += counts.done;
    totals.retried += counts.retried;
    totals.failed += counts.failed;
    if (counts.claimed === 0) break;
  }
  return totals;
}

/**
 * One pass for cron (`puente jobs:run`): every schedule now, then every due job. Safe beside
 * running instances: schedules enqueue with idempotency keys, and jobs are claimed.
 */
export async function runJobsOnce(
  options: RunnerBasics & { schedules: readonly JobSchedule[]; workerId?: string },
): Promise<{ done: number; retried: number; failed: number }> {
  await runSchedules(options, () => true);
  return drainDueJobs(options, options.workerId ?? defaultWorkerId);
}

/**
 * Runs this instance's share of the background work: every `pollSeconds`, and soon after a job is
 * enqueued in this process. Several instances (or a `puente jobs:run` from cron) may run at once:
 * schedules only enqueue jobs with idempotency keys, and each job is claimed by one of them.
 */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const workerId = options.workerId ?? defaultWorkerId;
  const lastRun = new Map<string, number>();
  const kinds = new Set(options.definitions.map((definition) => definition.kind));
  let stopped = false;
  let pass: Promise<{ done: number; retried: number; failed: number }> | null = null;
  let again = false;
  const timers = new Set<NodeJS.Timeout>();

  function runOnce() {
    if (pass) {
      again = true;
      return pass;
    }
    pass = (async () => {
      const totals = { done: 0, retried: 0, failed: 0 };
      do {
        again = false;
        try {
          await runSchedules(options, (schedule, now) => {
            const last = lastRun.get(schedule.name);
            if (last !== undefined && now - last < schedule.everyMinutes * 60_000) return false;
            lastRun.set(schedule.name, now);
            return true;
          });
          const counts = await drainDueJobs(options, workerId, () => stopped);
          totals.done += counts.done;
          totals.retried += counts.retried;
          totals.failed += counts.failed;
        } catch (error) {
          // The database may be restarting: the next poll tries again.
          options.log.error({ err: describeError(error) }, 'jobs pass failed');
        }
      } while (again && !stopped);
      return totals;
    })().finally(() => {
      pass = null;
    });
    return pass;
  }

  function later(ms: number) {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopped) void runOnce();
    }, ms);
    timer.unref();
    timers.add(timer);
  }

  function nudge() {
    later(5);
    later(1000);
  }

  const unsubscribe = onJobEnqueued((kind) => {
    if (kinds.has(kind)) nudge();
  });
  const poll = setInterval(() => void runOnce(), options.pollSeconds * 1000);
  poll.unref();
  later(0);

  return {
    workerId,
    nudge,
    runOnce,
    async stop() {
      stopped = true;
      unsubscribe();
      clearInterval(poll);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await pass?.catch(() => {});
    },
  };
}
