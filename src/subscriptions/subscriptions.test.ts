import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase } from '../../test/support/database.ts';
import {
  buildApiToken,
  buildCooperationItem,
  buildNetwork,
  buildOrganisation,
  buildSession,
  buildUser,
} from '../../test/support/factories.ts';
import { buildSubscription, buildUpdatePost } from '../../test/support/fixtures.subscriptions.ts';
import { subscriptionNewsFor } from './index.ts';

let ctx: TestContext;
before(async () => {
  ctx = await buildTestApp();
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

async function signedIn(locale: 'fr' | 'es' | 'en' | 'pt' = 'en') {
  const user = await buildUser(ctx.database.db, { locale });
  const agent = new Agent(ctx.app);
  agent.cookies.set('puente_session', await buildSession(ctx.database.db, user.id));
  return { user, agent };
}

async function withToken() {
  const user = await buildUser(ctx.database.db);
  const agent = new Agent(ctx.app);
  agent.bearer = (await buildApiToken(ctx.database.db, user.id)).token;
  return { user, agent };
}

const subscriptionsOf = (userId: string) =>
  ctx.database.db.selectFrom('subscriptions').selectAll().where('user_id', '=', userId).execute();

describe('GET /{lang}/subscriptions', () => {
  it('asks the public to sign in', async () => {
    const response = await new Agent(ctx.app).get('/en/subscriptions');
    assert.equal(response.statusCode, 401);
  });

  it('lists my subscriptions with a link back to each search, and my digest setting', async () => {
    const { user, agent } = await signedIn('es');
    await buildSubscription(ctx.database.db, {
      userId: user.id,
      name: 'Trata en Centroamérica',
      filters: { q: 'trata', region: ['013'] },
    });
    const page = await agent.get('/es/subscriptions');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Trata en Centroamérica/);
    assert.match(page.body, /href="\/es\/practices\?q=trata&amp;region=013"/);
    assert.match(page.body, /Palabras: trata · Regiones: Centroamérica/);
    assert.match(page.body, /id="frequency-weekly" name="frequency" value="weekly" checked/);
  });
});

describe('POST /{lang}/subscriptions', () => {
  it('subscribes to the search of a list page (its query string), named from its words when unnamed', async () => {
    const { user, agent } = await signedIn();
    const response = await agent.postForm('/en/subscriptions', {
      source: 'offers',
      query: 'q=training&country=MX&country=GT&page=3',
      name: '',
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/en/subscriptions?notice=created');
    const [row] = await subscriptionsOf(user.id);
    assert.equal(row?.source, 'offers');
    assert.deepEqual(row?.filters, { q: 'training', country: ['MX', 'GT'] }, 'paging is not a filter');
    assert.equal(row?.name, 'Cooperation offers: “training”');
    const settings = await ctx.database.db
      .selectFrom('digest_settings')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.equal(settings.frequency, 'weekly', 'the first subscription turns weekly digests on');
  });

  it('follows feed posts by category, country and network from its form', async () => {
    const { user, agent } = await signedIn();
    const response = await agent.postForm('/en/subscriptions', {
      source: 'updates',
      name: 'Routes in Central America',
      category: ['migration-routes', 'return'],
      country: ['GT', 'HN'],
    });
    assert.equal(response.statusCode, 303);
    const [row] = await subscriptionsOf(user.id);
    assert.deepEqual(row?.filters, { category: ['migration-routes', 'return'], country: ['GT', 'HN'] });
    // The feed's own list page may show "Subscribe to this search": its query string is what counts.
    await agent.postForm('/en/subscriptions', {
      source: 'updates',
      query: 'category=funding&network=perco&q=x',
    });
    const fromFeedPage = (await subscriptionsOf(user.id)).find((s) => s.id !== row?.id);
    assert.deepEqual(fromFeedPage?.filters, { category: ['funding'], network: ['perco'] });
  });

  it('re-renders the form with a localized message beside the field for a name too long or a bad filter, saving nothing', async () => {
    const { user, agent } = await signedIn('fr');
    const long = await agent.postForm('/fr/subscriptions', { source: 'updates', name: 'x'.repeat(201) });
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /Le nom a au plus 200 caractères/);
    assert.match(long.body, /id="field-name-error"/);
    const bad = await agent.postForm('/fr/subscriptions', { source: 'practices', query: 'country=Mexico' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Un des filtres n’est pas valable/);
    const unknown = await agent.postForm('/fr/subscriptions', { source: 'meetings' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Choisissez ce que vous voulez suivre/);
    assert.equal((await subscriptionsOf(user.id)).length, 0);
  });
});

describe('a subscription’s page', () => {
  it('renames and deletes my subscription', async () => {
    const { user, agent } = await signedIn();
    const id = await buildSubscription(ctx.database.db, { userId: user.id, name: 'Old name' });
    assert.equal((await agent.get(`/en/subscriptions/${id}`)).statusCode, 200);
    const empty = await agent.postForm(`/en/subscriptions/${id}`, { name: '  ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Give the subscription a name/);
    const renamed = await agent.postForm(`/en/subscriptions/${id}`, { name: 'New name' });
    assert.equal(renamed.statusCode, 303);
    assert.equal((await subscriptionsOf(user.id))[0]?.name, 'New name');
    const deleted = await agent.postForm(`/en/subscriptions/${id}/delete`, {});
    assert.equal(deleted.statusCode, 303);
    assert.equal((await subscriptionsOf(user.id)).length, 0);
  });

  it('is not found for anyone but its owner, who keeps it', async () => {
    const owner = await signedIn();
    const id = await buildSubscription(ctx.database.db, { userId: owner.user.id });
    const { agent } = await signedIn();
    assert.equal((await agent.get(`/en/subscriptions/${id}`)).statusCode, 404);
    assert.equal((await agent.postForm(`/en/subscriptions/${id}`, { name: 'Mine now' })).statusCode, 404);
    assert.equal((await agent.postForm(`/en/subscriptions/${id}/delete`, {})).statusCode, 404);
    assert.equal((await subscriptionsOf(owner.user.id))[0]?.name, 'A saved search');
    assert.equal((await agent.postForm('/en/subscriptions/not-a-uuid', { name: 'x' })).statusCode, 404);
  });

  it('sets the digest frequency, and refuses a value that is not one', async () => {
    const { user, agent } = await signedIn('es');
    assert.equal((await agent.postForm('/es/subscriptions/digest', { frequency: 'daily' })).statusCode, 303);
    const bad = await agent.postForm('/es/subscriptions/digest', { frequency: 'hourly' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Elija cada día, cada semana o nunca/);
    const settings = await ctx.database.db
      .selectFrom('digest_settings')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.equal(settings.frequency, 'daily');
  });
});

describe('"Subscribe to this search" on list pages', () => {
  it('posts the page’s search when signed in, and offers to sign in otherwise', async () => {
    const { agent } = await signedIn();
    const practices = await agent.get('/en/practices?q=trata&country=MX&page=2');
    assert.equal(practices.statusCode, 200);
    assert.match(practices.body, /name="query" value="q=trata&amp;country=MX"/);
    const offers = await agent.get('/en/offers?country=GT');
    assert.match(offers.body, /name="source" value="offers"/);
    assert.match(offers.body, /name="query" value="country=GT"/);
    const anonymous = await new Agent(ctx.app).get('/en/demands?country=GT');
    assert.match(anonymous.body, /href="\/en\/login\?next=%2Fen%2Fdemands%3Fcountry%3DGT"/);
  });
});

describe('/api/v1/subscriptions', () => {
  it('creates, lists, renames and deletes my subscriptions', async () => {
    const { agent } = await withToken();
    const created = await agent.json('POST', '/api/v1/subscriptions', {
      source: 'practices',
      filters: { q: 'trata', country: ['MX'] },
    });
    assert.equal(created.statusCode, 201);
    const body = created.json();
    assert.equal(body.url, 'http://localhost:3000/en/practices?q=trata&country=MX');
    const list = await agent.json('GET', '/api/v1/subscriptions');
    assert.deepEqual(
      list.json().items.map((item: { id: string }) => item.id),
      [body.id],
    );
    const renamed = await agent.json('PUT', `/api/v1/subscriptions/${body.id}`, { name: 'Trata' });
    assert.equal(renamed.json().name, 'Trata');
    assert.equal((await agent.json('DELETE', `/api/v1/subscriptions/${body.id}`)).statusCode, 204);
    assert.equal((await agent.json('GET', `/api/v1/subscriptions/${body.id}`)).statusCode, 404);
  });

  it('answers a problem naming the field for bad input', async () => {
    const { agent } = await withToken();
    const response = await agent.json('POST', '/api/v1/subscriptions', {
      source: 'offers',
      filters: { region: ['Central America'] },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.headers['content-type'] as string, /problem\+json/);
    assert.equal(response.json().errors[0].field, 'filters');
    const unknownSource = await agent.json('POST', '/api/v1/subscriptions', { source: 'nothing' });
    assert.equal(unknownSource.statusCode, 400);
  });

  it('gets and sets my digest frequency', async () => {
    const { agent } = await withToken();
    assert.deepEqual((await agent.json('GET', '/api/v1/subscriptions/digest')).json(), {
      frequency: 'weekly',
      lastSentAt: null,
    });
    const set = await agent.json('PUT', '/api/v1/subscriptions/digest', { frequency: 'never' });
    assert.equal(set.json().frequency, 'never');
    assert.equal(
      (await agent.json('PUT', '/api/v1/subscriptions/digest', { frequency: 'hourly' })).statusCode,
      400,
    );
  });

  it('never shows or changes someone else’s subscription', async () => {
    const owner = await buildUser(ctx.database.db);
    const id = await buildSubscription(ctx.database.db, { userId: owner.id });
    const { agent } = await withToken();
    assert.equal((await agent.json('GET', `/api/v1/subscriptions/${id}`)).statusCode, 404);
    assert.equal((await agent.json('PUT', `/api/v1/subscriptions/${id}`, { name: 'x' })).statusCode, 404);
    assert.equal((await agent.json('DELETE', `/api/v1/subscriptions/${id}`)).statusCode, 404);
    assert.equal((await subscriptionsOf(owner.id)).length, 1);
  });
});

describe('subscriptionNewsFor (the dashboard)', () => {
  it('gives the newest items of my subscriptions that I may see, each once', async () => {
    const db = ctx.database.db;
    const network = await buildNetwork(db);
    const organisation = await buildOrganisation(db);
    const user = await buildUser(db, { locale: 'en' });
    await buildSubscription(db, { userId: user.id, source: 'updates', name: 'All posts' });
    await buildSubscription(db, {
      userId: user.id,
      source: 'updates',
      name: 'Routes',
      filters: { category: ['migration-routes'] },
    });
    await buildSubscription(db, { userId: user.id, source: 'demands', name: 'Demands' });
    await buildUpdatePost(db, { networkId: network.id, title: 'Public route news' });
    await buildUpdatePost(db, { networkId: network.id, title: 'Members only', visibility: 'network' });
    await buildCooperationItem(db, {
      side: 'demand',
      networkId: network.id,
      organisationId: organisation.id,
      title: { en: 'A demand' },
    });
    const news = await subscriptionNewsFor(db, user.id, { limit: 10 });
    const titles = news.map((item) => item.title);
    assert.ok(titles.includes('Public route news'));
    assert.ok(titles.includes('A demand'));
    assert.ok(!titles.includes('Members only'));
    assert.equal(titles.filter((title) => title === 'Public route news').length, 1);
    assert.match(news.find((item) => item.title === 'A demand')!.path, /^\/en\/demands\/[0-9a-f-]{36}$/);
  });
});
