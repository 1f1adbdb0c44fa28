import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/schema.ts';
import { closeTestDatabase, testDatabase } from '../../test/support/database.ts';
import { backoffSeconds, claimDueJobs, enqueueJob, runDueJobs, type JobDefinition } from './jobs.ts';
import type { Mailer } from '../mail/mailer.ts';
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
});
