import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { buildActors, buildPractice } from '../../test/support/factories.ts';
import type { Db } from '../db/schema.ts';

let ctx: TestContext;
let db: Db;
let world: Awaited<ReturnType<typeof buildActors>>;

before(async () => {
  ctx = await buildTestApp();
  db = ctx.database.db;
});
beforeEach(async () => {
  await resetDatabase(db);
  world = await buildActors(db);
  await db
    .insertInto('network_memberships')
    .values({ network_id: world.network.id, organisation_id: world.owningOrganisation.id })
    .execute();
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

type Who = 'public' | 'member' | 'focalOwn' | 'focalOther' | 'secretariat' | 'admin';

function client(who: Who): Agent {
  const agent = new Agent(ctx.app);
  agent.bearer = world.actors[who].apiToken;
  return agent;
}

const owner = () => ({ organisationId: world.owningOrganisation.id, networkId: world.network.id });

function newPractice(overrides: Record<string, unknown> = {}) {
  return {
    network: world.network.slug,
    organisationId: world.owningOrganisation.id,
    originalLanguage: 'fr',
    title: { fr: 'Accueil des mineurs non accompagnés dans les gares' },
    summary: { fr: 'Des équipes mobiles de la Croix-Rouge orientent les enfants vers la protection.' },
    countries: ['FR', 'IT'],
    gcmObjectives: ['7'],
    ...overrides,
  };
}

describe('GET /api/v1/practices', () => {
  it('searches published practices with highlighted snippets and facet counts', async () => {
    const published = await buildPractice(db, {
      ...owner(),
      published: true,
      content: {
        originalLanguage: 'es',
        title: { es: 'Red de albergues para víctimas de trata' },
        summary: { es: 'Atención a víctimas de trata de personas en la frontera sur.' },
        countries: ['MX'],
      },
    });
    await buildPractice(db, {
      ...owner(),
      content: { title: { en: 'An unpublished draft about trafficking' } },
    });
    const response = await client('public').get('/api/v1/practices?q=trafficking');
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.total, 1, 'the draft is not searchable');
    assert.equal(body.items[0].id, published.id);
    assert.equal(body.items[0].titleLanguage, 'es');
    assert.ok(body.items[0].snippet.includes('\u0002trata\u0003'), body.items[0].snippet);
    assert.deepEqual(body.facets.country, [{ value: 'MX', count: 1 }]);
    assert.equal(body.totalIsLowerBound, false);
  });

  it('never fails on a hostile query, and names the field of a query over 10,000 characters', async () => {
    for (const q of ['!&|:*()<>\'"', '<script>alert(1)</script>', 'a'.repeat(10_000)]) {
      const response = await client('public').get(`/api/v1/practices?q=${encodeURIComponent(q)}`);
      assert.equal(response.statusCode, 200, q.slice(0, 20));
    }
    const tooLong = await client('public').get(`/api/v1/practices?q=${'a'.repeat(10_001)}`);
    assert.equal(tooLong.statusCode, 400);
    assert.equal(tooLong.json().errors[0].field, 'q');
  });
});

describe('POST /api/v1/practices', () => {
  it('drafts a practice for the focal point’s organisation (201), private until published', async () => {
    const response = await client('focalOwn').json('POST', '/api/v1/practices', newPractice());
    assert.equal(response.statusCode, 201, response.body);
    const { id } = response.json();
    assert.equal((await client('public').get(`/api/v1/practices/${id}`)).statusCode, 404);
    const own = await client('focalOwn').get(`/api/v1/practices/${id}`);
    assert.equal(own.json().status, 'draft');
    assert.equal(own.json().translation.fr, 'original');
  });

  it('answers a problem naming the field for a title over 300 characters and an unknown objective', async () => {
    const long = await client('focalOwn').json(
      'POST',
      '/api/v1/practices',
      newPractice({ title: { fr: 'x'.repeat(301) } }),
    );
    assert.equal(long.statusCode, 400);
    assert.equal(long.json().errors[0].field, 'title.fr');
    const unknown = await client('focalOwn').json(
      'POST',
      '/api/v1/practices',
      newPractice({ gcmObjectives: ['99'] }),
    );
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().errors[0].field, 'gcmObjectives.0');
    assert.equal((await db.selectFrom('practices').select('id').execute()).length, 0);
  });

  it('refuses the public (401), a member without organisation (403) and another organisation’s focal point (403)', async () => {
    assert.equal((await client('public').json('POST', '/api/v1/practices', newPractice())).statusCode, 401);
    assert.equal((await client('member').json('POST', '/api/v1/practices', newPractice())).statusCode, 403);
    assert.equal(
      (await client('focalOther').json('POST', '/api/v1/practices', newPractice())).statusCode,
      403,
    );
  });
});

describe('PUT /api/v1/practices/{id} and the workflow', () => {
  it('answers a stale version with 409 carrying the current practice, and changes nothing', async () => {
    const created = (await client('focalOwn').json('POST', '/api/v1/practices', newPractice())).json();
    const first = await client('focalOwn').json('PUT', `/api/v1/practices/${created.id}`, {
      ...newPractice(),
      title: { fr: 'Premier titre' },
      version: created.version,
    });
    assert.equal(first.statusCode, 200, first.body);
    const stale = await client('focalOwn').json('PUT', `/api/v1/practices/${created.id}`, {
      ...newPractice(),
      title: { fr: 'Second titre' },
      version: created.version,
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().current.content.title.fr, 'Premier titre');
  });

  it('lets the authors submit, but only the secretariat return or publish', async () => {
    const created = (await client('focalOwn').json('POST', '/api/v1/practices', newPractice())).json();
    const submitted = await client('focalOwn').json('POST', `/api/v1/practices/${created.id}/submit`, {
      version: created.version,
    });
    assert.equal(submitted.statusCode, 200, submitted.body);
    const version = submitted.json().version;
    assert.equal(
      (await client('focalOwn').json('POST', `/api/v1/practices/${created.id}/publish`, { version }))
        .statusCode,
      403,
    );
    const returned = await client('secretariat').json('POST', `/api/v1/practices/${created.id}/return`, {
      version,
      comment: 'Merci d’ajouter les résultats.',
    });
    assert.equal(returned.statusCode, 200, returned.body);
    const withoutComment = await client('secretariat').json(
      'POST',
      `/api/v1/practices/${created.id}/return`,
      {
        version: returned.json().version,
      },
    );
    assert.equal(withoutComment.statusCode, 400);
  });

  it('shows versions and a word diff between two published versions', async () => {
    const { id } = await buildPractice(db, {
      ...owner(),
      published: true,
      translatorId: world.actors.member.userId,
      content: { originalLanguage: 'en', title: { en: 'Peer exchange on border management' } },
    });
    const translated = await client('member').json('PUT', `/api/v1/practices/${id}/translations/es`, {
      title: 'Intercambio entre pares sobre gestión de fronteras',
    });
    assert.equal(translated.statusCode, 200, translated.body);
    const versions = (await client('public').get(`/api/v1/practices/${id}/versions`)).json();
    assert.deepEqual(
      versions.map((v: { number: number; kind: string }) => [v.number, v.kind]),
      [
        [2, 'translation'],
        [1, 'revision'],
      ],
    );
    const diff = (await client('public').get(`/api/v1/practices/${id}/diff?from=1&to=2`)).json();
    assert.equal(diff.changes[0].field, 'title');
    assert.equal(diff.changes[0].lang, 'es');
    assert.equal((await client('public').get(`/api/v1/practices/${id}/diff?from=1&to=9`)).statusCode, 404);
  });
});
