import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import {
  buildActors,
  buildCooperationItem,
  buildCooperationRecord,
  buildNetwork,
  buildOrganisation,
} from '../../test/support/factories.ts';
import type { Db } from '../db/schema.ts';
import { insertMatchRow } from './cooperation.repository.ts';
import { rankOffersForDemand } from './matching.ts';
import { HttpProblem } from '../http/problems.ts';

let ctx: TestContext;
let db: Db;
let world: Awaited<ReturnType<typeof buildActors>>;
let thirdId: string;

type Who = 'public' | 'member' | 'focalOwn' | 'focalOther' | 'secretariat' | 'admin';

function browser(who: Who): Agent {
  const agent = new Agent(ctx.app);
  const cookie = world.actors[who].sessionCookie;
  if (cookie) agent.cookies.set('puente_session', cookie);
  return agent;
}

function api(who: Who): Agent {
  const agent = new Agent(ctx.app);
  agent.bearer = world.actors[who].apiToken;
  return agent;
}

before(async () => {
  ctx = await buildTestApp();
  db = ctx.database.db;
});
beforeEach(async () => {
  await resetDatabase(db);
  world = await buildActors(db);
  thirdId = (await buildOrganisation(db, { name: { es: 'Migración Colombia' } })).id;
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

/** The owning organisation's Spanish demand on trafficking in Guatemala. */
function ownDemand(
  overrides: Parameters<typeof buildCooperationItem>[1] extends infer T ? Partial<T> : never = {},
) {
  return buildCooperationItem(db, {
    side: 'demand',
    networkId: world.network.id,
    organisationId: world.owningOrganisation.id,
    originalLanguage: 'es',
    title: { es: 'Identificación de víctimas de trata de personas en la frontera' },
    description: { es: 'Capacitación del personal de frontera para detectar víctimas de trata.' },
    kind: 'training',
    thematicAreas: ['counter-trafficking'],
    gcmObjectives: ['10'],
    countries: ['GT'],
    workingLanguages: ['es'],
    ...overrides,
  });
}

function offerOf(
  organisationId: string,
  overrides: Partial<Parameters<typeof buildCooperationItem>[1]> = {},
) {
  return buildCooperationItem(db, {
    side: 'offer',
    networkId: world.network.id,
    organisationId,
    ...overrides,
  });
}

/** A close offer (trafficking, Central America, Spanish) and a far one (remittances, Asia, English). */
async function twoOffers() {
  const close = await offerOf(world.otherOrganisation.id, {
    originalLanguage: 'en',
    title: { en: 'Training border officials to identify victims of human trafficking' },
    kind: 'training',
    thematicAreas: ['counter-trafficking'],
    gcmObjectives: ['10', '11'],
    countries: [],
    regions: ['013'],
    workingLanguages: ['en', 'es'],
  });
  const far = await offerOf(thirdId, {
    title: { en: 'Remittance cost comparison portal' },
    kind: 'data-or-tools',
    thematicAreas: ['labour-migration'],
    gcmObjectives: ['20'],
    countries: [],
    regions: ['143'],
    workingLanguages: ['en'],
  });
  return { close, far };
}

const offerIdsIn = (html: string) => [...html.matchAll(/name="offerId" value="([^"]+)"/g)].map((m) => m[1]);

describe('GET /{lang}/demands/:id/candidates', () => {
  it('ranks the open offers of other organisations, each with its score in words and a propose form', async () => {
    const demand = await ownDemand();
    const { close, far } = await twoOffers();
    const response = await browser('focalOwn').get(`/en/demands/${demand.id}/candidates`);
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.deepEqual(offerIdsIn(html), [close.id, far.id]);
    assert.match(
      html,
      /<h1[^>]*>Offers for “<span lang="es">Identificación de víctimas de trata de personas en la frontera<\/span>”<\/h1>/,
      'the demand’s title keeps its language',
    );
    assert.match(html, /shares 1 thematic area: Counter-trafficking/);
    assert.match(html, /the offer covers Guatemala/);
    assert.match(html, /both work in Spanish/);
    assert.match(html, /texts \d+% alike: [^<]*trafficking/);
    assert.match(html, /<form method="post" action="\/en\/matches"/);
    assert.match(html, new RegExp(`name="demandId" value="${demand.id}"`));
    assert.match(html, /name="_csrf" value="[^"]+"/);
    assert.match(html, /<caption>Why this score<\/caption>/);
  });

  it('speaks the page’s language', async () => {
    const demand = await ownDemand();
    await twoOffers();
    const html = (await browser('secretariat').get(`/es/demands/${demand.id}/candidates`)).body;
    assert.match(html, /comparte 1 área temática: Lucha contra la trata/);
    assert.match(html, /Proponer esta vinculación/);
    assert.match(html, /Ajustar las ponderaciones/, 'the secretariat is offered to tune the weights');
  });

  it('never proposes the organisation’s own offers, closed or matched offers, nor offers of another network', async () => {
    const demand = await ownDemand();
    const { close } = await twoOffers();
    await offerOf(world.owningOrganisation.id, { thematicAreas: ['counter-trafficking'] });
    await offerOf(world.otherOrganisation.id, { status: 'closed' });
    await offerOf(world.otherOrganisation.id, { status: 'matched' });
    const elsewhere = await buildNetwork(db);
    await buildCooperationItem(db, { side: 'offer', networkId: elsewhere.id, organisationId: thirdId });
    const html = (await browser('focalOwn').get(`/en/demands/${demand.id}/candidates`)).body;
    const ids = offerIdsIn(html);
    assert.equal(ids.length, 2);
    assert.ok(ids.includes(close.id));
  });

  it('refuses the public in the domain too, not only at the route', async () => {
    const demand = await ownDemand();
    await assert.rejects(
      rankOffersForDemand(db, null, demand.id),
      (error) => error instanceof HttpProblem && error.kind === 'forbidden',
    );
  });

  it('marks an offer already matched with the demand, linking to the match, instead of proposing it again', async () => {
    const demand = await ownDemand();
    const { close, far } = await twoOffers();
    const matchId = await insertMatchRow(db, {
      networkId: world.network.id,
      demandId: demand.id,
      offerId: close.id,
      score: null,
      explanation: [],
      proposedBy: null,
      occurredOn: '2026-01-05',
      note: null,
    });
    const html = (await browser('focalOwn').get(`/en/demands/${demand.id}/candidates`)).body;
    assert.deepEqual(offerIdsIn(html), [far.id]);
    assert.match(html, /Already matched \(stage: proposed\)/);
    assert.match(html, new RegExp(`href="/en/matches/${matchId}"`));
  });

  it('counts earlier cooperation between the two organisations', async () => {
    const demand = await ownDemand();
    const { close } = await twoOffers();
    await buildCooperationRecord(db, {
      networkId: world.network.id,
      providerId: world.otherOrganisation.id,
      beneficiaryId: world.owningOrganisation.id,
      status: 'completed',
    });
    const response = await api('focalOwn').get(`/api/v1/demands/${demand.id}/candidates`);
    const body = response.json();
    const candidate = body.candidates.find((c: { id: string }) => c.id === close.id);
    assert.ok(candidate.parts.some((part: { component: string }) => part.component === 'history'));
    assert.match(candidate.explanation, /cooperated before \(a cooperation record\)/);
  });

  it('shows network-only offers to the members of the network', async () => {
    const demand = await ownDemand();
    const hidden = await offerOf(world.otherOrganisation.id, { visibility: 'network' });
    const html = (await browser('focalOwn').get(`/en/demands/${demand.id}/candidates`)).body;
    assert.ok(offerIdsIn(html).includes(hidden.id), 'members see the network’s offers');
  });

  it('refuses callers who may not facilitate for the demand: 401 for the public, 403 for others', async () => {
    const demand = await ownDemand();
    assert.equal((await browser('public').get(`/en/demands/${demand.id}/candidates`)).statusCode, 401);
    assert.equal((await browser('member').get(`/en/demands/${demand.id}/candidates`)).statusCode, 403);
    assert.equal((await browser('focalOther').get(`/en/demands/${demand.id}/candidates`)).statusCode, 403);
    assert.equal((await browser('admin').get(`/en/demands/${demand.id}/candidates`)).statusCode, 200);
  });

  it('answers 404 for an unknown id, or an offer’s id on the demands’ page', async () => {
    const { close } = await twoOffers();
    const agent = browser('secretariat');
    assert.equal(
      (await agent.get(`/en/demands/00000000-0000-4000-8000-000000000000/candidates`)).statusCode,
      404,
    );
    assert.equal((await agent.get(`/en/demands/${close.id}/candidates`)).statusCode, 404);
    assert.equal((await agent.get(`/en/demands/not-a-uuid/candidates`)).statusCode, 400);
  });

  it('says so when the demand is closed', async () => {
    const demand = await ownDemand({ status: 'closed' });
    await twoOffers();
    const html = (await browser('focalOwn').get(`/en/demands/${demand.id}/candidates`)).body;
    assert.match(html, /neither open nor in discussion/);
    assert.deepEqual(offerIdsIn(html), []);
  });
});

describe('GET /{lang}/offers/:id/candidates', () => {
  it('ranks the demands an offer could meet, for the offer’s focal point', async () => {
    const offer = await offerOf(world.owningOrganisation.id, {
      title: { en: 'Training on identifying victims of human trafficking' },
      thematicAreas: ['counter-trafficking'],
      regions: ['013'],
      countries: [],
      workingLanguages: ['es'],
    });
    const close = await buildCooperationItem(db, {
      side: 'demand',
      networkId: world.network.id,
      organisationId: world.otherOrganisation.id,
      title: { es: 'Atención a víctimas de trata' },
      countries: ['HN'],
    });
    const far = await buildCooperationItem(db, {
      side: 'demand',
      networkId: world.network.id,
      organisationId: thirdId,
      title: { fr: 'Envois de fonds' },
      thematicAreas: ['labour-migration'],
      gcmObjectives: ['20'],
      countries: ['KZ'],
      workingLanguages: ['ru'],
      kind: 'funding',
    });
    const response = await browser('focalOwn').get(`/en/offers/${offer.id}/candidates`);
    assert.equal(response.statusCode, 200);
    const demandIds = [...response.body.matchAll(/name="demandId" value="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(demandIds, [close.id, far.id]);
    assert.match(response.body, /Demands for “Training on identifying victims of human trafficking”/);
    assert.equal((await browser('focalOther').get(`/en/offers/${offer.id}/candidates`)).statusCode, 403);
  });
});

describe('GET /api/v1/demands/:id/candidates', () => {
  it('answers the ranking with parts and the explanation in the caller’s language', async () => {
    const demand = await ownDemand();
    const { close, far } = await twoOffers();
    const response = await api('secretariat').get(`/api/v1/demands/${demand.id}/candidates?limit=1`, {
      'accept-language': 'fr',
    });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.total, 2);
    assert.deepEqual(
      body.candidates.map((c: { id: string }) => c.id),
      [close.id],
    );
    assert.ok(body.candidates[0].score > 0);
    assert.match(body.candidates[0].explanation, /partage 1 domaine thématique : Lutte contre la traite/);
    assert.equal(body.customWeights, false);
    void far;
  });

  it('refuses a focal point of another organisation', async () => {
    const demand = await ownDemand();
    assert.equal((await api('focalOther').get(`/api/v1/demands/${demand.id}/candidates`)).statusCode, 403);
  });
});

describe('/{lang}/networks/:slug/matching: the weights', () => {
  it('shows the secretariat the weights, what each component means and an example in words', async () => {
    const response = await browser('secretariat').get(`/en/networks/${world.network.slug}/matching`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /This network uses the default weights/);
    assert.match(response.body, /<label for="field-text">Similar texts<\/label>/);
    assert.match(response.body, /shares 2 thematic areas: Counter-trafficking, Labour migration/);
    assert.match(response.body, /Reset to the defaults/);
  });

  it('refuses other callers', async () => {
    const url = `/en/networks/${world.network.slug}/matching`;
    assert.equal((await browser('public').get(url)).statusCode, 401);
    assert.equal((await browser('focalOwn').get(url)).statusCode, 403);
  });

  it('re-renders the form with the error next to the field, and saves nothing, on a bad weight', async () => {
    const agent = browser('secretariat');
    const response = await agent.postForm(`/en/networks/${world.network.slug}/matching`, {
      areas: '12',
      objectives: '2',
      geography: '2',
      language: '2',
      kind: 'a lot',
      period: '1',
      text: '4',
      history: '1',
      action: 'save',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="field-areas-error">Thematic areas: enter a number from 0 to 10\./);
    assert.match(response.body, /id="field-kind-error">Kind of cooperation: enter a number from 0 to 10\./);
    assert.match(response.body, /value="a lot"/, 'what was typed stays in the form');
    assert.equal(await db.selectFrom('matching_weights').selectAll().executeTakeFirst(), undefined);
  });

  it('saves weights that change the ranking, then resets them to the defaults', async () => {
    const demand = await ownDemand();
    const { close, far } = await twoOffers();
    const agent = browser('secretariat');
    // Only the period counts, and only the far offer is dated to overlap.
    await db
      .updateTable('cooperation_items')
      .set({ starts_on: '2026-01-01', ends_on: '2026-12-31' })
      .where('id', 'in', [demand.id, far.id])
      .execute();
    const saved = await agent.postForm(`/en/networks/${world.network.slug}/matching`, {
      areas: '0',
      objectives: '0',
      geography: '0',
      language: '0',
      kind: '0',
      period: '10',
      text: '0',
      history: '0',
      action: 'save',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/en/networks/${world.network.slug}/matching?saved=1`);
    const page = await agent.get(`/en/demands/${demand.id}/candidates`);
    assert.deepEqual(offerIdsIn(page.body), [far.id, close.id]);
    assert.match(page.body, /Weights chosen by the network's secretariat/);

    const reset = await agent.postForm(`/en/networks/${world.network.slug}/matching`, { action: 'reset' });
    assert.equal(reset.statusCode, 303);
    assert.deepEqual(offerIdsIn((await agent.get(`/en/demands/${demand.id}/candidates`)).body), [
      close.id,
      far.id,
    ]);
  });
});

describe('/api/v1/networks/:slug/matching-weights', () => {
  it('shows members the weights and the defaults', async () => {
    const response = await api('member').get(`/api/v1/networks/${world.network.slug}/matching-weights`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().custom, false);
    assert.equal(response.json().weights.text, response.json().defaults.text);
  });

  it('lets the secretariat set them; a component left out keeps its default', async () => {
    const url = `/api/v1/networks/${world.network.slug}/matching-weights`;
    const response = await api('secretariat').json('PUT', url, { areas: 6, text: 0.5 });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().weights.areas, 6);
    assert.equal(response.json().weights.text, 0.5);
    assert.equal(response.json().weights.kind, response.json().defaults.kind);
    assert.equal((await api('member').get(url)).json().custom, true);
  });

  it('refuses an unknown component or a weight out of range, naming each, in the caller’s language', async () => {
    const url = `/api/v1/networks/${world.network.slug}/matching-weights`;
    const response = await api('secretariat').json(
      'PUT',
      url,
      { popularity: 3, areas: 11 },
      { 'accept-language': 'es' },
    );
    assert.equal(response.statusCode, 400);
    const errors = response.json().errors as { field: string; message: string }[];
    assert.deepEqual(
      errors.map((e) => e.field),
      ['popularity', 'areas'],
    );
    assert.match(errors[0]!.message, /Componente desconocido: «popularity»/);
    const text = await api('secretariat').json('PUT', url, { areas: 'three' });
    assert.equal(text.statusCode, 400);
  });

  it('refuses a focal point', async () => {
    const url = `/api/v1/networks/${world.network.slug}/matching-weights`;
    assert.equal((await api('focalOwn').json('PUT', url, { areas: 1 })).statusCode, 403);
  });
});
