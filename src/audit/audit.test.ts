import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordAudit } from './index.ts';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase } from '../../test/support/database.ts';
import { buildActors } from '../../test/support/factories.ts';

let ctx: TestContext;
let fixtures: Awaited<ReturnType<typeof buildActors>>;
before(async () => {
  ctx = await buildTestApp();
  fixtures = await buildActors(ctx.database.db);
  await recordAudit(ctx.database.db, {
    actorUserId: fixtures.actors.secretariat.userId,
    action: 'focal-point.update',
    subjectType: 'focal-point',
    subjectId: 'fp-1',
    details: { fields: ['email', 'phone'] },
  });
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

describe('GET /{lang}/admin/audit', () => {
  it('shows admins who changed what, naming fields, newest first', async () => {
    const agent = new Agent(ctx.app);
    agent.cookies.set('puente_session', fixtures.actors.admin.sessionCookie!);
    const page = await agent.get('/pt/admin/audit');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Registo de auditoria/);
    assert.match(page.body, /focal-point\.update/);
    assert.match(page.body, /secretariat/);
    assert.match(page.body, /email/);
  });

  it('is refused to the secretariat and to the public', async () => {
    const agent = new Agent(ctx.app);
    agent.cookies.set('puente_session', fixtures.actors.secretariat.sessionCookie!);
    assert.equal((await agent.get('/en/admin/audit')).statusCode, 403);
    assert.equal((await new Agent(ctx.app).get('/en/admin/audit')).statusCode, 401);
  });
});

describe('GET /api/v1/audit', () => {
  it('lists entries for an admin token, filtered by subject', async () => {
    const response = await ctx.app.inject({
      url: '/api/v1/audit?subjectType=focal-point&subjectId=fp-1',
      headers: { authorization: `Bearer ${fixtures.actors.admin.apiToken}` },
    });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.items.length, 1);
    assert.deepEqual(body.items[0].details, { fields: ['email', 'phone'] });
    const member = await ctx.app.inject({
      url: '/api/v1/audit',
      headers: { authorization: `Bearer ${fixtures.actors.member.apiToken}` },
    });
    assert.equal(member.statusCode, 403);
  });
});
