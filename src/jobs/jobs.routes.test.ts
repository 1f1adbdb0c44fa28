import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { type ActorName, buildActors } from '../../test/support/factories.ts';
import { buildFailedJob } from '../../test/support/fixtures.jobs.ts';
import { enqueueJob } from './jobs.ts';

let ctx: TestContext;
let fixtures: Awaited<ReturnType<typeof buildActors>>;

before(async () => {
  ctx = await buildTestApp();
});
beforeEach(async () => {
  await resetDatabase(ctx.database.db);
  fixtures = await buildActors(ctx.database.db);
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

function as(name: ActorName, api = false): Agent {
  const agent = new Agent(ctx.app);
  const actor = fixtures.actors[name];
  if (api) agent.bearer = actor.apiToken;
  else if (actor.sessionCookie) agent.cookies.set('puente_session', actor.sessionCookie);
  return agent;
}

const jobRow = (id: string) =>
  ctx.database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();

/** The job once it has left the `running` state (the mail arrives just before the job is marked done). */
async function settled(id: string) {
  for (let i = 0; i < 50; i++) {
    const row = await jobRow(id);
    if (row?.status !== 'running' && row?.status !== 'pending') return row;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return jobRow(id);
}

describe('GET /{lang}/admin/jobs', () => {
  it('shows admins the counts by kind and status, and the failed jobs with their error, never their content', async () => {
    await buildFailedJob(ctx.database.db, { subject: 'Puente: invitation to RICOMI' });
    await buildFailedJob(ctx.database.db, { kind: 'digest.send', attempts: 8 });
    await enqueueJob(ctx.database.db, 'digest.send', {}, { runAt: new Date(Date.now() + 3_600_000) });
    const page = await as('admin').get('/en/admin/jobs');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1[^>]*>Background jobs<\/h1>/);
    assert.match(page.body, /<caption>Jobs by kind and status<\/caption>/);
    assert.match(page.body, /Subject: Puente: invitation to RICOMI/);
    assert.match(page.body, /ECONNREFUSED/);
    assert.match(page.body, /3 \/ 3/);
    assert.match(page.body, /Failed \(2\)/);
    assert.match(page.body, /Pending \(1\)/);
    assert.doesNotMatch(page.body, /someone@example\.org|secret text/, 'no address, no text of a mail');
    assert.equal(page.body.match(/>Retry</g)?.length, 2);
    assert.equal(page.body.match(/>Discard</g)?.length, 2);
  });

  it('lists the jobs of another status, in each language', async () => {
    await enqueueJob(ctx.database.db, 'digest.send', {});
    const page = await as('admin').get('/es/admin/jobs?status=pending');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Tareas en segundo plano/);
    assert.match(page.body, /digest\.send/);
    assert.doesNotMatch(page.body, />Reintentar</, 'only failed jobs can be retried');
    const empty = await as('admin').get('/pt/admin/jobs?status=running');
    assert.match(empty.body, /Nenhuma tarefa em curso\./);
  });

  it('is refused to anyone but an admin', async () => {
    assert.equal((await as('public').get('/en/admin/jobs')).statusCode, 401);
    for (const name of ['member', 'focalOwn', 'secretariat'] as const)
      assert.equal((await as(name).get('/en/admin/jobs')).statusCode, 403, name);
  });

  it('answers an unknown status with a 400, not a 500', async () => {
    assert.equal((await as('admin').get('/en/admin/jobs?status=lost')).statusCode, 400);
  });
});

describe('POST /{lang}/admin/jobs/:id/retry and /discard', () => {
  it('retries a failed mail now, keeping its attempts and allowing one more; it is delivered', async () => {
    const id = await buildFailedJob(ctx.database.db, { subject: 'Puente: retried mail', attempts: 30 });
    await ctx.database.db
      .updateTable('jobs')
      .set({
        payload: JSON.stringify({ to: 'ana@example.org', subject: 'Puente: retried mail', text: 'Hello' }),
      })
      .where('id', '=', id)
      .execute();
    const admin = as('admin');
    const response = await admin.postForm(`/fr/admin/jobs/${id}/retry`, {});
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/fr/admin/jobs?done=retried');
    const mail = await ctx.smtp.waitFor((m) => m.subject === 'Puente: retried mail');
    assert.deepEqual(mail.to, ['ana@example.org']);
    const row = await settled(id);
    assert.deepEqual([row?.status, row?.attempts, row?.max_attempts], ['done', 31, 31]);
    const page = await admin.get('/fr/admin/jobs?done=retried');
    assert.match(page.body, /role="status">La tâche est relancée/);
  });

  it('discards a failed job, with a notice', async () => {
    const id = await buildFailedJob(ctx.database.db);
    const admin = as('admin');
    const response = await admin.postForm(`/en/admin/jobs/${id}/discard`, {});
    assert.equal(response.headers.location, '/en/admin/jobs?done=discarded');
    assert.equal(await jobRow(id), undefined);
    assert.match((await admin.get('/en/admin/jobs?done=discarded')).body, /The job is discarded\./);
  });

  it('answers 404 for a job that is not failed or does not exist, and changes nothing', async () => {
    const { id } = await enqueueJob(ctx.database.db, 'digest.send', {});
    const admin = as('admin');
    assert.equal((await admin.postForm(`/en/admin/jobs/${id}/retry`, {})).statusCode, 404);
    assert.equal((await admin.postForm(`/en/admin/jobs/${id}/discard`, {})).statusCode, 404);
    assert.equal((await jobRow(id))?.status, 'pending');
    const unknown = '00000000-0000-4000-8000-000000000000';
    assert.equal((await admin.postForm(`/en/admin/jobs/${unknown}/retry`, {})).statusCode, 404);
  });

  it('is refused to the secretariat, and to a form without its CSRF token', async () => {
    const id = await buildFailedJob(ctx.database.db);
    assert.equal((await as('secretariat').postForm(`/en/admin/jobs/${id}/retry`, {})).statusCode, 403);
    assert.equal(
      (await as('admin').postForm(`/en/admin/jobs/${id}/discard`, {}, { csrf: false })).statusCode,
      403,
    );
    assert.equal((await jobRow(id))?.status, 'failed');
  });
});

describe('GET /api/v1/jobs', () => {
  it('gives admins the counts and the jobs of a status, with a mail’s subject only', async () => {
    const id = await buildFailedJob(ctx.database.db, { subject: 'Puente: API' });
    await enqueueJob(ctx.database.db, 'digest.send', {});
    const response = await as('admin', true).get('/api/v1/jobs');
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.deepEqual(body.counts, [
      { status: 'pending', kind: 'digest.send', count: 1 },
      { status: 'failed', kind: 'mail.send', count: 1 },
    ]);
    assert.equal(body.items.length, 1);
    assert.equal(body.items[0].id, id);
    assert.equal(body.items[0].subject, 'Puente: API');
    assert.equal(body.items[0].payload, undefined);
    assert.doesNotMatch(response.body, /someone@example\.org/);
    const pending = (await as('admin', true).get('/api/v1/jobs?status=pending')).json();
    assert.deepEqual(
      pending.items.map((item: { kind: string; subject: string | null }) => [item.kind, item.subject]),
      [['digest.send', null]],
    );
  });

  it('refuses a bad status with a problem naming the field, and non-admins', async () => {
    const bad = await as('admin', true).get('/api/v1/jobs?status=lost');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.headers['content-type'] as string, /application\/problem\+json/);
    assert.match(bad.body, /status/);
    assert.equal((await as('secretariat', true).get('/api/v1/jobs')).statusCode, 403);
  });
});

describe('POST /api/v1/jobs/:id/retry', () => {
  it('puts a failed job back in the queue and answers it', async () => {
    const id = await buildFailedJob(ctx.database.db, { kind: 'digest.send', attempts: 8 });
    const response = await as('admin', true).json('POST', `/api/v1/jobs/${id}/retry`);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(
      [response.json().status, response.json().attempts, response.json().maxAttempts],
      ['pending', 8, 9],
    );
    const again = await as('admin', true).json('POST', `/api/v1/jobs/${id}/retry`);
    assert.equal(again.statusCode, 404, 'it is no longer failed');
  });

  it('is in the OpenAPI document', async () => {
    const document = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    assert.ok(document.paths['/api/v1/jobs'].get);
    assert.ok(document.paths['/api/v1/jobs/{id}/retry'].post);
  });
});
