import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import {
  type ActorName,
  buildActors,
  buildCooperationItem,
  buildMatch,
  buildOrganisation,
} from '../../test/support/factories.ts';

let ctx: TestContext;
let fixtures: Awaited<ReturnType<typeof buildActors>>;
const today = () => new Date().toISOString().slice(0, 10);

before(async () => {
  ctx = await buildTestApp();
});
beforeEach(async () => {
  await resetDatabase(ctx.database.db);
  ctx.smtp.messages.length = 0;
  fixtures = await buildActors(ctx.database.db);
  const db = ctx.database.db;
  // The focal points of the two organisations: focalOwn reads French, focalOther Spanish, and
  // Ana (owning organisation) has no account, so she reads the instance's default language.
  const users = await db.selectFrom('users').select(['id', 'email', 'name']).execute();
  const user = (name: string) => users.find((u) => u.name === name)!;
  await db.updateTable('users').set({ locale: 'fr' }).where('id', '=', user('focalOwn').id).execute();
  await db.updateTable('users').set({ locale: 'es' }).where('id', '=', user('focalOther').id).execute();
  await db
    .insertInto('focal_points')
    .values([
      {
        organisation_id: fixtures.owningOrganisation.id,
        user_id: user('focalOwn').id,
        name: 'Own',
        email: user('focalOwn').email,
      },
      {
        organisation_id: fixtures.owningOrganisation.id,
        user_id: null,
        name: 'Ana',
        email: 'ana@example.org',
      },
      { organisation_id: fixtures.owningOrganisation.id, user_id: null, name: 'No email', email: null },
      {
        organisation_id: fixtures.otherOrganisation.id,
        user_id: user('focalOther').id,
        name: 'Other',
        email: user('focalOther').email,
      },
    ])
    .execute();
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

function as(name: ActorName): Agent {
  const agent = new Agent(ctx.app);
  const cookie = fixtures.actors[name].sessionCookie;
  if (cookie) agent.cookies.set('puente_session', cookie);
  return agent;
}
function api(name: ActorName): Agent {
  const agent = new Agent(ctx.app);
  agent.bearer = fixtures.actors[name].apiToken;
  return agent;
}
async function emailOf(name: ActorName) {
  const row = await ctx.database.db
    .selectFrom('users')
    .select('email')
    .where('id', '=', fixtures.actors[name].userId!)
    .executeTakeFirstOrThrow();
  return row.email;
}

/** A demand of the owning organisation and an offer of the other one, open, in the matrix network. */
async function pair(overrides: { demandStatus?: 'closed'; offerOrganisationId?: string } = {}) {
  const demand = await buildCooperationItem(ctx.database.db, {
    side: 'demand',
    networkId: fixtures.network.id,
    organisationId: fixtures.owningOrganisation.id,
    title: { en: 'Training of border officials', es: 'Formación de agentes fronterizos' },
    ...(overrides.demandStatus ? { status: overrides.demandStatus } : {}),
  });
  const offer = await buildCooperationItem(ctx.database.db, {
    side: 'offer',
    networkId: fixtures.network.id,
    organisationId: overrides.offerOrganisationId ?? fixtures.otherOrganisation.id,
    title: { en: 'Counter-trafficking workshop', es: 'Taller contra la trata' },
  });
  return { demand, offer };
}

async function itemStatus(id: string) {
  const row = await ctx.database.db
    .selectFrom('cooperation_items')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.status;
}

async function propose(name: ActorName, demandId: string, offerId: string) {
  const response = await as(name).postForm('/en/matches', {
    demandId,
    offerId,
    note: 'Both work on trafficking.',
  });
  assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  return /\/en\/matches\/([0-9a-f-]{36})/.exec(response.headers.location as string)![1]!;
}

async function move(name: ActorName, id: string, body: Record<string, unknown>) {
  const current = await api(name).get(`/api/v1/matches/${id}`);
  const version = (JSON.parse(current.body) as { version: number }).version;
  return api(name).json('POST', `/api/v1/matches/${id}/moves`, { occurredOn: today(), version, ...body });
}

function errorNextTo(html: string, field: string): string | null {
  return new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1] ?? null;
}

describe('facilitation from proposal to agreement', () => {
  it('proposes, tells both organisations by email in their language, moves through the stages and marks the items matched', async () => {
    const { demand, offer } = await pair();
    const id = await propose('secretariat', demand.id, offer.id);
    assert.equal(await itemStatus(demand.id), 'in-discussion');
    assert.equal(await itemStatus(offer.id), 'in-discussion');

    const ownEmail = await emailOf('focalOwn');
    const own = await ctx.smtp.waitFor((m) => m.to.includes(ownEmail));
    assert.match(
      own.subject,
      /^Puente : mise en relation proposée : Formación de agentes fronterizos ↔ Taller contra la trata$/,
    );
    assert.match(own.text, new RegExp(`http://localhost:3000/fr/matches/${id}`));
    assert.ok(
      own.html && own.html.includes(`href="http://localhost:3000/fr/matches/${id}"`),
      'an HTML part with the link',
    );
    const other = await ctx.smtp.waitFor((m) => m.subject.startsWith('Puente: emparejamiento propuesto'));
    assert.equal(
      other.subject,
      'Puente: emparejamiento propuesto: Formación de agentes fronterizos ↔ Taller contra la trata',
    );
    const ana = await ctx.smtp.waitFor((m) => m.to.includes('ana@example.org'));
    assert.match(
      ana.subject,
      /^Puente: match proposed:/,
      'a focal point without account reads the default language',
    );
    assert.equal(ctx.smtp.messages.length, 3, 'one mail per focal point with an email');

    const page = await as('focalOwn').get(`/en/matches/${id}?done=proposed`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The match is proposed/);
    assert.match(page.body, /Both work on trafficking\./, 'the proposal’s note is in the timeline');

    // The demand's focal point records the contact: only the other party is told.
    ctx.smtp.messages.length = 0;
    const contacted = await as('focalOwn').postForm(`/en/matches/${id}/move`, {
      stage: 'contacted',
      occurredOn: today(),
      note: 'Call with the offering team',
      version: '1',
    });
    assert.equal(contacted.statusCode, 303);
    const told = await ctx.smtp.waitFor(() => true);
    assert.deepEqual(told.to, [await emailOf('focalOther')]);
    assert.match(told.text, /de «Propuesto» a «Contacto establecido»/);
    assert.equal(ctx.smtp.messages.length, 1);

    // Forward moves may skip stages; the agreement signed makes both items matched.
    assert.equal((await move('focalOther', id, { stage: 'agreement-signed' })).statusCode, 201);
    assert.equal(await itemStatus(demand.id), 'matched');
    assert.equal(await itemStatus(offer.id), 'matched');
    const signed = await as('secretariat').get(`/en/matches/${id}`);
    assert.match(
      signed.body,
      new RegExp(`href="/en/cooperation/new\\?match=${id}"[^>]*>Record this cooperation<`),
    );
    const detail = JSON.parse((await api('secretariat').get(`/api/v1/matches/${id}`)).body);
    assert.deepEqual(
      detail.moves.map((m: { toStage: string }) => m.toStage),
      ['proposed', 'contacted', 'agreement-signed'],
    );
    assert.equal(detail.moves[1].note, 'Call with the offering team');
    assert.equal(detail.moves[1].author.name, 'focalOwn');
  });

  it('drops a match with a reason: items go back to open unless another match of theirs is live', async () => {
    const { demand, offer } = await pair();
    const second = await buildCooperationItem(ctx.database.db, {
      side: 'offer',
      networkId: fixtures.network.id,
      organisationId: fixtures.otherOrganisation.id,
    });
    const first = await propose('secretariat', demand.id, offer.id);
    await propose('secretariat', demand.id, second.id);
    const dropped = await move('secretariat', first, { stage: 'dropped', reason: 'No budget this year' });
    assert.equal(dropped.statusCode, 201);
    assert.equal(JSON.parse(dropped.body).droppedReason, 'No budget this year');
    assert.equal(await itemStatus(offer.id), 'open');
    assert.equal(await itemStatus(demand.id), 'in-discussion', 'its other match is live');
    // A dropped match is final unless reopened with a reason.
    const reopenBare = await move('secretariat', first, { stage: 'contacted' });
    assert.equal(reopenBare.statusCode, 400);
    assert.equal(JSON.parse(reopenBare.body).errors[0].field, 'reason');
    assert.equal(
      (await move('secretariat', first, { stage: 'contacted', reason: 'Funding found' })).statusCode,
      201,
    );
    assert.equal(await itemStatus(offer.id), 'in-discussion');
  });
});

describe('bad input', () => {
  it('refuses the same pair twice, an organisation with itself, a closed item, naming the field', async () => {
    const { demand, offer } = await pair();
    await propose('secretariat', demand.id, offer.id);
    const twice = await as('secretariat').postForm('/en/matches', { demandId: demand.id, offerId: offer.id });
    assert.equal(twice.statusCode, 400);
    assert.equal(errorNextTo(twice.body, 'offerId'), 'This offer is already matched with this demand.');

    const own = await pair({ offerOrganisationId: fixtures.owningOrganisation.id });
    const self = await api('secretariat').json('POST', '/api/v1/matches', {
      demandId: own.demand.id,
      offerId: own.offer.id,
    });
    assert.equal(self.statusCode, 400);
    assert.equal(JSON.parse(self.body).errors[0].field, 'offerId');

    const closed = await pair({ demandStatus: 'closed' });
    const refused = await as('secretariat').postForm('/es/matches', {
      demandId: closed.demand.id,
      offerId: closed.offer.id,
    });
    assert.equal(refused.statusCode, 400);
    assert.equal(errorNextTo(refused.body, 'demandId'), 'Esta demanda está cerrada.');
    const unknown = await as('secretariat').postForm('/en/matches', { demandId: 'nope', offerId: offer.id });
    assert.equal(unknown.statusCode, 400);
    assert.ok(errorNextTo(unknown.body, 'demandId'));
    assert.equal(
      (await ctx.database.db.selectFrom('cooperation_matches').select('id').execute()).length,
      1,
      'nothing else was saved',
    );
  });

  it('refuses a move backwards or a drop without reason, a future date, a date before the previous move, an unknown stage', async () => {
    const { demand, offer } = await pair();
    const id = await propose('secretariat', demand.id, offer.id);
    assert.equal((await move('secretariat', id, { stage: 'meeting-held' })).statusCode, 201);
    const field = async (body: Record<string, unknown>) => {
      const response = await move('secretariat', id, body);
      assert.equal(response.statusCode, 400, response.body);
      return JSON.parse(response.body).errors.map((e: { field: string }) => e.field);
    };
    assert.deepEqual(await field({ stage: 'contacted' }), ['reason']);
    assert.deepEqual(await field({ stage: 'dropped' }), ['reason']);
    assert.deepEqual(await field({ stage: 'under-way', occurredOn: '2999-01-01' }), ['occurredOn']);
    assert.deepEqual(await field({ stage: 'under-way', occurredOn: '2001-01-01' }), ['occurredOn']);
    assert.deepEqual(await field({ stage: 'teleported' }), ['stage']);
    assert.deepEqual(await field({ stage: 'meeting-held' }), ['stage']);

    const page = await as('secretariat').postForm(`/fr/matches/${id}/move`, {
      stage: 'contacted',
      occurredOn: today(),
      version: '2',
    });
    assert.equal(page.statusCode, 400);
    assert.equal(errorNextTo(page.body, 'reason'), 'Revenir à une étape précédente demande une raison.');
    const unknownStage = await as('secretariat').postForm(`/en/matches/${id}/move`, {
      stage: 'teleported',
      occurredOn: today(),
      version: '2',
    });
    assert.equal(unknownStage.statusCode, 400);
    assert.ok(errorNextTo(unknownStage.body, 'stage'));
    const back = await move('secretariat', id, { stage: 'contacted', reason: 'The meeting was postponed' });
    assert.equal(back.statusCode, 201);
    assert.equal(JSON.parse(back.body).stage, 'contacted');
  });

  it('answers a stale version with a conflict, keeping what was typed', async () => {
    const { demand, offer } = await pair();
    const id = await propose('secretariat', demand.id, offer.id);
    assert.equal((await move('focalOwn', id, { stage: 'contacted' })).statusCode, 201);
    const stale = await api('secretariat').json('POST', `/api/v1/matches/${id}/moves`, {
      stage: 'meeting-held',
      occurredOn: today(),
      version: 1,
    });
    assert.equal(stale.statusCode, 409);
    const page = await as('secretariat').postForm(`/en/matches/${id}/move`, {
      stage: 'meeting-held',
      occurredOn: today(),
      note: 'My careful minutes',
      version: '1',
    });
    assert.equal(page.statusCode, 409);
    assert.match(page.body, /Someone moved it meanwhile/);
    assert.match(page.body, /My careful minutes/);
    assert.match(page.body, /name="version" value="2"/);
  });
});

describe('who sees and moves a match', () => {
  it('answers the public 401, another member 403, each party and the secretariat 200', async () => {
    const third = await buildOrganisation(ctx.database.db);
    const { id } = await buildMatch(ctx.database.db, {
      networkId: fixtures.network.id,
      demandOrganisationId: fixtures.owningOrganisation.id,
      offerOrganisationId: third.id,
    });
    assert.equal((await as('public').get(`/en/matches/${id}`)).statusCode, 401);
    assert.equal((await as('member').get(`/en/matches/${id}`)).statusCode, 403);
    assert.equal((await as('focalOther').get(`/en/matches/${id}`)).statusCode, 403);
    assert.equal((await api('focalOther').get(`/api/v1/matches/${id}`)).statusCode, 403);
    assert.equal((await api('public').get(`/api/v1/matches/${id}`)).statusCode, 401);
    for (const name of ['focalOwn', 'secretariat', 'admin'] as const) {
      assert.equal((await as(name).get(`/en/matches/${id}`)).statusCode, 200, name);
      assert.equal((await api(name).get(`/api/v1/matches/${id}`)).statusCode, 200, name);
    }
    const refused = await api('focalOther').json('POST', `/api/v1/matches/${id}/moves`, {
      stage: 'contacted',
      occurredOn: today(),
      version: 1,
    });
    assert.equal(refused.statusCode, 403);
    assert.equal((await as('public').get('/en/matches')).statusCode, 401);
  });

  it('shows on the board and in the exports only the matches the caller facilitates', async () => {
    const third = await buildOrganisation(ctx.database.db);
    const mine = await buildMatch(ctx.database.db, {
      networkId: fixtures.network.id,
      demandOrganisationId: fixtures.owningOrganisation.id,
      offerOrganisationId: third.id,
    });
    const theirs = await buildMatch(ctx.database.db, {
      networkId: fixtures.network.id,
      demandOrganisationId: fixtures.otherOrganisation.id,
      offerOrganisationId: third.id,
    });
    const board = await as('focalOwn').get('/en/matches');
    assert.equal(board.statusCode, 200);
    assert.ok(board.body.includes(`/en/matches/${mine.id}`));
    assert.ok(!board.body.includes(`/en/matches/${theirs.id}`));
    assert.match(board.body, /<h2 id="stage-proposed">Proposed \(1\)<\/h2>/);
    const all = await as('secretariat').get(`/en/matches?organisation=${third.id}`);
    assert.ok(all.body.includes(mine.id) && all.body.includes(theirs.id));
    const filtered = await as('secretariat').get(`/en/matches?item=${mine.offer.id}`);
    assert.ok(filtered.body.includes(mine.id) && !filtered.body.includes(theirs.id));
    const member = await as('member').get('/en/matches');
    assert.equal(member.statusCode, 200);
    assert.match(member.body, /No matches\./);

    const csv = await api('focalOwn').get('/api/v1/exports/matches.csv');
    assert.equal(csv.statusCode, 200);
    const lines = csv.body.trim().split('\r\n');
    assert.ok(lines[0]!.startsWith('id,url,network,stage,demand_id'));
    assert.ok(lines[1]!.startsWith('#meta +id,#meta +url,#group +code,#status +code'));
    assert.equal(lines.length, 3);
    assert.ok(lines[2]!.startsWith(mine.id));
    const json = JSON.parse((await api('secretariat').get('/api/v1/exports/matches.json')).body);
    assert.equal(json.length, 2);
    assert.equal((await api('public').get('/api/v1/exports/matches.json')).statusCode, 401);
    const list = JSON.parse((await api('focalOther').get('/api/v1/matches')).body);
    assert.deepEqual(
      list.map((m: { id: string }) => m.id),
      [theirs.id],
    );
  });
});
