import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/schema.ts';
import { closeTestDatabase, testDatabase } from '../../test/support/database.ts';
import {
  backoffSeconds,
  claimDueJobs,
  completeJob,
  enqueueJob,
  runDueJobs,
  type JobDefinition,
} from './jobs.ts';
import type { Mailer } from '../mail/mailer.ts';
import { startJobRunner } from './jobs.runner.ts';
import type { Config } from '../config.ts';

let db: Db;
before(async () => {
  db = (await testDatabase()).db;
});
after(closeTestDatabase);

const quietLog = { info: () => {}, error: () => {} };
const context = () => ({ db, mailer: {} as Mailer, config: {} as Config, log: quietLog });

describe('the jobs queue', () => {
  it('creates a job with an idempotency key once, however often it is enqueued', async () => {
    const first = await enqueueJob(db, 'test.once', { n: 1 }, { key: 'once:1' });
    const second = await enqueueJob(db, 'test.once', { n: 2 }, { key: 'once:1' });
    assert.equal(first.created, true);
    assert.equal(second.created, false);
    assert.equal(second.id, first.id);
  });

  it('gives each due job to one claimer only', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 6; i++) ids.add((await enqueueJob(db, 'test.claim', { i })).id);
    const now = new Date(Date.now() + 1000);
    const [a, b] = await Promise.all([claimDueJobs(db, 'a', now, 4), claimDueJobs(db, 'b', now, 4)]);
    const claimed = [...a, ...b].map((job) => job.id).filter((id) => ids.has(id));
    assert.equal(new Set(claimed).size, claimed.length);
  });

  it('retries a failing job after a back-off, and marks it failed after its last attempt', async () => {
    let calls = 0;
    const flaky: JobDefinition = {
      kind: 'test.flaky',
      run: async () => {
        calls++;
        throw new Error('smtp down for someone@example.org');
      },
    };
    const { id } = await enqueueJob(db, 'test.flaky', {}, { maxAttempts: 2 });
    let now = new Date(Date.now() + 5000);
    await runDueJobs({ ...context(), now: () => now }, [flaky], { workerId: 'w', limit: 100 });
    let row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.match(row.last_error ?? '', /smtp down for <address>/);
    assert.ok(row.run_at.getTime() >= now.getTime() + backoffSeconds(1) * 1000 - 1);
    now = new Date(row.run_at.getTime() + 1);
    await runDueJobs({ ...context(), now: () => now }, [flaky], { workerId: 'w', limit: 100 });
    row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'failed');
    assert.equal(calls, 2);
  });

  it('waits 30 s before the second attempt, then twice as long each time, at most an hour', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(backoffSeconds),
      [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600],
    );
  });

  it('lets another worker take over a job whose worker crashed, once its lease has run out', async () => {
    const ran: string[] = [];
    const lease: JobDefinition = { kind: 'test.lease', run: async () => void ran.push('b') };
    const { id } = await enqueueJob(db, 'test.lease', {});
    const start = new Date(Date.now() + 1000);
    const [crashed] = await claimDueJobs(db, 'crashed', start, 10, ['test.lease']);
    assert.equal(crashed?.id, id, 'the first worker claims it, then dies without a word');

    const soon = new Date(start.getTime() + 299_000);
    const before = await runDueJobs({ ...context(), now: () => soon }, [lease], { workerId: 'b' });
    assert.equal(before.claimed, 0, 'the lease (5 minutes) still holds');

    const later = new Date(start.getTime() + 301_000);
    const after = await runDueJobs({ ...context(), now: () => later }, [lease], { workerId: 'b' });
    assert.deepEqual([after.claimed, after.done, ran], [1, 1, ['b']]);

    await completeJob(db, id, 'crashed', later); // the first worker wakes up: it no longer holds the job
    const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'done');
    assert.equal(row.locked_by, 'b', 'a done job names the worker that did it');
    assert.equal(row.attempts, 2);
  });

  it('leaves a job of a kind it has no handler for to an instance that has one', async () => {
    const { id } = await enqueueJob(db, 'test.from-a-newer-version', { n: 1 });
    const known: JobDefinition = { kind: 'test.known', run: async () => {} };
    const now = new Date(Date.now() + 1000);
    const counts = await runDueJobs({ ...context(), now: () => now }, [known], { workerId: 'old' });
    assert.equal(counts.claimed, 0);
    const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.attempts, row.locked_by], ['pending', 0, null]);
    const newer: JobDefinition = { kind: 'test.from-a-newer-version', run: async () => {} };
    assert.equal((await runDueJobs({ ...context(), now: () => now }, [newer], { workerId: 'new' })).done, 1);
  });

  it('keeps email addresses out of the error it stores', async () => {
    const failing: JobDefinition = {
      kind: 'test.addresses',
      run: async () => {
        throw Object.assign(new Error('550 mailbox unavailable: ana.perez@example.org'), {
          code: 'EENVELOPE',
        });
      },
    };
    const { id } = await enqueueJob(db, 'test.addresses', { to: 'ana.perez@example.org' });
    const now = new Date(Date.now() + 1000);
    await runDueJobs({ ...context(), now: () => now }, [failing], { workerId: 'w' });
    const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.last_error, 'Error [EENVELOPE] 550 mailbox unavailable: <address>');
  });

  it('runs a job enqueued in this process at once, and on stop waits for the job under way', async () => {
    let finished = false;
    const slow: JobDefinition = {
      kind: 'test.slow',
      run: async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        finished = true;
      },
    };
    const runner = startJobRunner({ ...context(), definitions: [slow], schedules: [], pollSeconds: 3600 });
    const { id } = await enqueueJob(db, 'test.slow', {});
    await new Promise((resolve) => setTimeout(resolve, 100)); // the nudge has started it
    await runner.stop();
    assert.equal(finished, true);
    const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'done');
  });
});
