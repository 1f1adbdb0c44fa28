import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import {
  buildActors,
  buildCooperationItem,
  buildMatch,
  buildOrganisation,
} from '../../test/support/factories.ts';
import { buildActionItem, buildRecordMeeting } from '../../test/support/fixtures.meetings-record.ts';
import { buildMemberships, buildQuestion } from '../../test/support/fixtures.questions.ts';
import { buildSubscription, buildUpdatePost } from '../../test/support/fixtures.subscriptions.ts';

const DAY = 86_400_000;
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

const as = (session: string) => {
  const agent = new Agent(ctx.app);
  agent.cookies.set('puente_session', session);
  return agent;
};

/** Something in each section for focalOwn: a meeting, an action item, an offer, a demand, a match, a question, a post. */
async function fillEverySection() {
  const db = ctx.database.db;
  const network = fixtures.network.id;
  const own = fixtures.owningOrganisation.id;
  await buildMemberships(db, network, [own, fixtures.otherOrganisation.id]);
  const meeting = await buildRecordMeeting(db, {
    networkId: network,
    title: { en: 'Bimonthly call of the working group' },
    startsAt: new Date(Date.now() + 10 * DAY),
  });
  await buildActionItem(db, {
    meetingId: meeting,
    ownerOrganisationId: own,
    title: 'Send the route map',
    dueOn: '2020-01-31',
  });
  await buildCooperationItem(db, {
    side: 'offer',
    networkId: network,
    organisationId: own,
    title: { en: 'Training of border officials' },
  });
  await buildCooperationItem(db, {
    side: 'demand',
    networkId: network,
    organisationId: own,
    title: { en: 'Data on assisted returns' },
  });
  const third = await buildOrganisation(db, { name: { en: 'Third society' } });
  await buildMatch(db, { networkId: network, demandOrganisationId: own, offerOrganisationId: third.id });
  await buildQuestion(db, {
    networkId: network,
    organisationId: fixtures.otherOrganisation.id,
    title: { en: 'Is there a humanitarian visa?' },
  });
  await buildSubscription(db, {
    userId: fixtures.actors.focalOwn.userId!,
    source: 'updates',
    name: 'Routes',
  });
  await buildUpdatePost(db, { networkId: network, title: 'Nueva ruta por el Darién', language: 'es' });
}

describe('GET /{lang}/dashboard', () => {
  it('asks to sign in first', async () => {
    const response = await new Agent(ctx.app).get('/en/dashboard');
    assert.equal(response.statusCode, 401);
  });

  it('shows each section with its items and a link to its full list', async () => {
    await fillEverySection();
    const page = await as(fixtures.actors.focalOwn.sessionCookie!).get('/en/dashboard');
    assert.equal(page.statusCode, 200);
    for (const text of [
      'Bimonthly call of the working group',
      'Send the route map',
      'Overdue',
      'Training of border officials',
      'Data on assisted returns',
      'Is there a humanitarian visa?',
      'Nueva ruta por el Darién',
    ])
      assert.ok(page.body.includes(text), text);
    assert.match(page.body, /<span lang="es">Nueva ruta por el Darién<\/span>/);
    for (const href of [
      '/en/meetings',
      '/en/actions',
      '/en/questions?status=open',
      '/en/matches',
      '/en/subscriptions',
    ])
      assert.ok(page.body.includes(`href="${href}"`), href);
    assert.match(page.body, /Proposed · offer by/);
  });

  it('says politely that there is nothing, section by section', async () => {
    const page = await as(fixtures.actors.member.sessionCookie!).get('/fr/dashboard');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Aucune réunion à venir/);
    assert.match(page.body, /Aucune action en cours/);
    assert.match(page.body, /Votre compte n’est rattaché à aucune organisation/);
    assert.match(page.body, /Rien de nouveau ces deux dernières semaines/);
  });

  it('leaves out a question once the organisation has answered it', async () => {
    await fillEverySection();
    const question = (
      await ctx.database.db.selectFrom('network_questions').select('id').executeTakeFirstOrThrow()
    ).id;
    const agent = new Agent(ctx.app);
    agent.bearer = fixtures.actors.focalOwn.apiToken;
    const answered = await agent.json('POST', `/api/v1/questions/${question}/answers`, {
      values: [{ item: 1, value: 'yes' }],
    });
    assert.equal(answered.statusCode, 201);
    const page = await as(fixtures.actors.focalOwn.sessionCookie!).get('/en/dashboard');
    assert.ok(!page.body.includes('Is there a humanitarian visa?'));
    assert.match(page.body, /No question awaits your answer/);
  });
});

describe('GET /api/v1/dashboard', () => {
  it('answers the same sections as JSON', async () => {
    await fillEverySection();
    const agent = new Agent(ctx.app);
    agent.bearer = fixtures.actors.focalOwn.apiToken;
    const response = await agent.get('/api/v1/dashboard');
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.deepEqual(Object.fromEntries(Object.entries(body).map(([k, v]) => [k, (v as unknown[]).length])), {
      meetings: 1,
      actionItems: 1,
      offers: 1,
      demands: 2,
      matches: 1,
      questions: 1,
      news: 1,
    });
    assert.match(body.questions[0].url, /^http:\/\/localhost:3000\/en\/questions\//);
  });
});
