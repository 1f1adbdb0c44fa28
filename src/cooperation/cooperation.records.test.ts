import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import {
  buildActors,
  buildCooperationRecord,
  buildMatch,
  buildNetwork,
  buildOrganisation,
  buildPractice,
} from '../../test/support/factories.ts';
import type { Db } from '../db/schema.ts';
import { findPractice, findVersion } from '../practices/index.ts';
import { findRecord } from './cooperation.repository.ts';

let ctx: TestContext;
let db: Db;
let world: Awaited<ReturnType<typeof buildActors>>;
/** A member organisation of the network that none of the callers belongs to. */
let thirdId: string;

type Who = 'public' | 'member' | 'focalOwn' | 'focalOther' | 'secretariat' | 'admin';

before(async () => {
  ctx = await buildTestApp();
  db = ctx.database.db;
});
beforeEach(async () => {
  await resetDatabase(db);
  world = await buildActors(db);
  thirdId = (await buildOrganisation(db, { name: { es: 'Tercera organización' } })).id;
  await db
    .insertInto('network_memberships')
    .values([
      { network_id: world.network.id, organisation_id: world.owningOrganisation.id },
      { network_id: world.network.id, organisation_id: world.otherOrganisation.id },
      { network_id: world.network.id, organisation_id: thirdId },
    ])
    .execute();
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

function api(who: Who): Agent {
  const agent = new Agent(ctx.app);
  agent.bearer = world.actors[who].apiToken;
  return agent;
}

function browser(who: Who): Agent {
  const agent = new Agent(ctx.app);
  const cookie = world.actors[who].sessionCookie;
  if (cookie) agent.cookies.set('puente_session', cookie);
  return agent;
}

function newRecord(overrides: Record<string, unknown> = {}) {
  return {
    network: world.network.slug,
    originalLanguage: 'es',
    title: { es: 'Taller regional sobre trata de personas', en: 'Regional workshop on trafficking' },
    summary: { es: 'Formación de funcionarios de frontera.' },
    activities: { es: 'Dos talleres de tres días en Tapachula.' },
    results: { es: '40 funcionarios formados.' },
    resources: { es: 'Expertos de la organización oferente.' },
    modality: 'south-south',
    parties: [
      { organisationId: world.owningOrganisation.id, role: 'provider' },
      { organisationId: thirdId, role: 'beneficiary' },
    ],
    thematicAreas: ['counter-trafficking'],
    gcmObjectives: ['10'],
    countries: ['MX', 'GT'],
    startsOn: '2025-03-01',
    endsOn: '2025-09-30',
    budgetAmount: 12500.5,
    budgetCurrency: 'USD',
    status: 'under-way',
    ...overrides,
  };
}

const record = (status: 'planned' | 'under-way' | 'completed' = 'under-way') =>
  buildCooperationRecord(db, {
    networkId: world.network.id,
    providerId: world.owningOrganisation.id,
    beneficiaryId: thirdId,
    status,
  });

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

describe('POST /api/v1/cooperation', () => {
  it('records a cooperation of the focal point’s organisation, with its parties and linked practices', async () => {
    const practice = await buildPractice(db, {
      organisationId: world.owningOrganisation.id,
      networkId: world.network.id,
      published: true,
    });
    const response = await api('focalOwn').json(
      'POST',
      '/api/v1/cooperation',
      newRecord({ practiceIds: [practice.id] }),
    );
    assert.equal(response.statusCode, 201, response.body);
    const { id } = response.json();
    const view = (await api('focalOwn').get(`/api/v1/cooperation/${id}`)).json();
    assert.equal(view.modality, 'south-south');
    assert.deepEqual(
      view.parties.map((p: { role: string }) => p.role),
      ['provider', 'beneficiary'],
    );
    assert.deepEqual(view.practiceIds, [practice.id]);
    assert.equal(view.budgetAmount, 12500.5);
    assert.equal(view.version, 1);
  });

  it('lets the secretariat record a cooperation between any members', async () => {
    const response = await api('secretariat').json('POST', '/api/v1/cooperation', newRecord());
    assert.equal(response.statusCode, 201, response.body);
  });

  it('refuses a focal point whose organisation is not a party (403), and members without an organisation', async () => {
    assert.equal((await api('focalOther').json('POST', '/api/v1/cooperation', newRecord())).statusCode, 403);
    assert.equal((await api('member').json('POST', '/api/v1/cooperation', newRecord())).statusCode, 403);
    assert.equal((await api('public').json('POST', '/api/v1/cooperation', newRecord())).statusCode, 401);
  });

  const badInputs: [string, Record<string, unknown>, string][] = [
    ['a period that ends before it starts', { startsOn: '2025-09-30', endsOn: '2025-03-01' }, 'endsOn'],
    ['a negative budget', { budgetAmount: -1 }, 'budgetAmount'],
    ['a budget without its currency', { budgetCurrency: null }, 'budgetCurrency'],
    ['an unknown thematic area', { thematicAreas: ['astrology'] }, 'thematicAreas.0'],
    ['an unknown GCM objective', { gcmObjectives: ['99'] }, 'gcmObjectives.0'],
    ['an unknown country', { countries: ['MX', 'XX'] }, 'countries.1'],
    ['an unknown modality', { modality: 'telepathic' }, 'modality'],
    ['no title in the original language', { originalLanguage: 'fr' }, 'title.fr'],
    ['an unknown network', { network: 'no-such-network' }, 'network'],
  ];
  for (const [what, overrides, field] of badInputs) {
    it(`rejects ${what}, naming the field, and saves nothing`, async () => {
      const response = await api('secretariat').json('POST', '/api/v1/cooperation', newRecord(overrides));
      assert.equal(response.statusCode, 400, response.body);
      assert.ok(fieldsOf(response.json()).includes(field), response.body);
      assert.equal((await db.selectFrom('cooperation_records').select('id').execute()).length, 0);
    });
  }

  it('rejects no parties, and a party that is not a member of the network', async () => {
    const none = await api('secretariat').json('POST', '/api/v1/cooperation', newRecord({ parties: [] }));
    assert.deepEqual(fieldsOf(none.json()), ['parties']);
    const outsider = (await buildOrganisation(db)).id;
    const response = await api('secretariat').json(
      'POST',
      '/api/v1/cooperation',
      newRecord({ parties: [{ organisationId: outsider, role: 'funder' }] }),
    );
    assert.equal(response.statusCode, 400);
    assert.deepEqual(fieldsOf(response.json()), ['parties.0']);
    assert.match(response.json().errors[0].message, /not a member of the network/);
  });

  it('rejects a practice that does not exist or is not published', async () => {
    const draft = await buildPractice(db, {
      organisationId: world.owningOrganisation.id,
      networkId: world.network.id,
    });
    const response = await api('secretariat').json(
      'POST',
      '/api/v1/cooperation',
      newRecord({ practiceIds: [draft.id, '00000000-0000-4000-8000-000000000000'] }),
    );
    assert.equal(response.statusCode, 400);
    const messages = response.json().errors.map((e: { message: string }) => e.message);
    assert.deepEqual(fieldsOf(response.json()), ['practiceIds.0', 'practiceIds.1']);
    assert.match(messages.join(' '), /published/);
    assert.match(messages.join(' '), /does not exist/);
  });

  it('answers in the caller’s language', async () => {
    const response = await api('secretariat').json(
      'POST',
      '/api/v1/cooperation',
      newRecord({ budgetAmount: -5 }),
      {
        'accept-language': 'es',
      },
    );
    assert.match(response.json().errors[0].message, /presupuesto no puede ser negativo/);
  });
});

describe('records from a match', () => {
  async function agreedMatch(stage: 'agreement-signed' | 'contacted' = 'agreement-signed') {
    const match = await buildMatch(db, {
      networkId: world.network.id,
      demandOrganisationId: thirdId,
      offerOrganisationId: world.owningOrganisation.id,
    });
    await db.updateTable('cooperation_matches').set({ stage }).where('id', '=', match.id).execute();
    return match;
  }

  it('prefills the form from a match at agreement signed: parties, title, areas, objectives, countries', async () => {
    const match = await agreedMatch();
    const page = await browser('focalOwn').get(`/en/cooperation/new?match=${match.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`name="matchId" value="${match.id}"`));
    assert.match(page.body, new RegExp(`value="${match.demand.title.en}"`));
    assert.match(page.body, /<option value="counter-trafficking"|value="counter-trafficking" checked/);
    // The offer's organisation provides, the demand's benefits.
    const selected = [...page.body.matchAll(/<option value="([0-9a-f-]{36})" selected/g)].map((m) => m[1]);
    assert.deepEqual(selected, [world.owningOrganisation.id, thirdId]);
  });

  it('refuses a match that is not yet agreed, and records a match only once', async () => {
    const early = await agreedMatch('contacted');
    const notAgreed = await api('focalOwn').json(
      'POST',
      '/api/v1/cooperation',
      newRecord({ matchId: early.id }),
    );
    assert.deepEqual(fieldsOf(notAgreed.json()), ['matchId']);
    const match = await agreedMatch();
    const first = await api('focalOwn').json('POST', '/api/v1/cooperation', newRecord({ matchId: match.id }));
    assert.equal(first.statusCode, 201, first.body);
    const second = await api('focalOwn').json(
      'POST',
      '/api/v1/cooperation',
      newRecord({ matchId: match.id }),
    );
    assert.equal(second.statusCode, 400);
    assert.match(second.json().errors[0].message, /already has its cooperation record/);
    const again = await browser('focalOwn').get(`/en/cooperation/new?match=${match.id}`);
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, `/en/cooperation/${first.json().id}`);
  });

  it('links the match on the record’s page for those who may facilitate it only', async () => {
    const match = await agreedMatch();
    const { id } = (
      await api('focalOwn').json(
        'POST',
        '/api/v1/cooperation',
        newRecord({ matchId: match.id, status: 'completed' }),
      )
    ).json();
    assert.match(
      (await browser('focalOwn').get(`/en/cooperation/${id}`)).body,
      new RegExp(`/en/matches/${match.id}`),
    );
    assert.doesNotMatch((await browser('public').get(`/en/cooperation/${id}`)).body, /\/en\/matches\//);
    assert.doesNotMatch((await browser('focalOther').get(`/en/cooperation/${id}`)).body, /\/en\/matches\//);
  });
});

describe('who sees which records', () => {
  it('shows the public completed records only; members of the network see the rest', async () => {
    const underWay = await record('under-way');
    const completed = await record('completed');
    const ids = async (who: Who) =>
      ((await api(who).get('/api/v1/cooperation')).json().items as { id: string }[]).map((r) => r.id).sort();
    assert.deepEqual(await ids('public'), [completed]);
    assert.deepEqual(await ids('member'), [underWay, completed].sort());
    assert.deepEqual(await ids('admin'), [underWay, completed].sort());
    assert.equal((await api('public').get(`/api/v1/cooperation/${underWay}`)).statusCode, 401);
    assert.equal((await api('public').get(`/api/v1/cooperation/${completed}`)).statusCode, 200);
    assert.equal((await api('focalOther').get(`/api/v1/cooperation/${underWay}`)).statusCode, 200);
  });

  it('hides another network’s records under way from its non-members', async () => {
    const elsewhere = await buildNetwork(db);
    const id = await buildCooperationRecord(db, {
      networkId: elsewhere.id,
      providerId: thirdId,
      beneficiaryId: (await buildOrganisation(db)).id,
    });
    assert.equal((await api('member').get(`/api/v1/cooperation/${id}`)).statusCode, 403);
    assert.equal((await api('member').get('/api/v1/cooperation')).json().total, 0);
  });

  it('filters the list by status, modality, country, area, objective, organisation and network', async () => {
    const completed = await record('completed');
    await record('planned');
    const query = async (q: string) =>
      ((await api('member').get(`/api/v1/cooperation?${q}`)).json().items as { id: string }[]).map(
        (r) => r.id,
      );
    assert.deepEqual(await query('status=completed'), [completed]);
    assert.equal((await query('modality=bilateral')).length, 2);
    assert.equal((await query('modality=triangular')).length, 0);
    assert.equal((await query('country=GT')).length, 2);
    assert.equal((await query('country=FR')).length, 0);
    assert.equal((await query('area=counter-trafficking&objective=10')).length, 2);
    assert.equal((await query(`organisation=${thirdId}`)).length, 2);
    assert.equal((await query(`organisation=${world.otherOrganisation.id}`)).length, 0);
    assert.equal((await query(`network=${world.network.slug}&status=planned`)).length, 1);
  });

  it('exports what the caller may see as CSV with an HXL row, and as JSON', async () => {
    const completed = await record('completed');
    await record('under-way');
    const csv = await api('public').get('/api/v1/exports/cooperation.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const rows = parse(csv.body) as string[][];
    assert.equal(rows[1]![0], '#meta +id');
    assert.ok(rows[1]!.includes('#country +code +list'));
    assert.ok(rows[1]!.includes('#sector +code +list'));
    assert.ok(rows[1]!.includes('#date +start'));
    assert.ok(rows[1]!.some((tag) => tag.startsWith('#org')));
    assert.equal(rows.length, 3);
    assert.equal(rows[2]![0], completed);
    const json = await api('member').get('/api/v1/exports/cooperation.json');
    assert.equal(json.json().length, 2);
  });
});

describe('PUT /api/v1/cooperation/:id', () => {
  it('saves from the version read; a stale version is a conflict carrying the saved record', async () => {
    const id = await record();
    const first = await api('focalOwn').json('PUT', `/api/v1/cooperation/${id}`, {
      ...newRecord(),
      network: undefined,
      version: 1,
    });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().version, 2);
    const stale = await api('secretariat').json('PUT', `/api/v1/cooperation/${id}`, {
      ...newRecord({ status: 'completed' }),
      version: 1,
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().current.version, 2);
    assert.equal((await findRecord(db, id))!.status, 'under-way');
  });

  it('lets the parties and the secretariat manage a record; others get 403', async () => {
    const id = await record();
    const body = { ...newRecord(), version: 1 };
    assert.equal((await api('focalOther').json('PUT', `/api/v1/cooperation/${id}`, body)).statusCode, 403);
    assert.equal((await api('member').json('PUT', `/api/v1/cooperation/${id}`, body)).statusCode, 403);
    assert.equal((await api('secretariat').json('PUT', `/api/v1/cooperation/${id}`, body)).statusCode, 200);
  });

  it('keeps a focal point’s organisation among the parties', async () => {
    const id = await record();
    const response = await api('focalOwn').json('PUT', `/api/v1/cooperation/${id}`, {
      ...newRecord({ parties: [{ organisationId: thirdId, role: 'beneficiary' }] }),
      version: 1,
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(fieldsOf(response.json()), ['parties']);
  });
});

describe('a completed record turned into a practice draft', () => {
  it('creates a draft with the record’s texts, tags and actors, once', async () => {
    const created = await api('focalOwn').json(
      'POST',
      '/api/v1/cooperation',
      newRecord({
        status: 'completed',
        parties: [
          { organisationId: world.owningOrganisation.id, role: 'provider' },
          { organisationId: thirdId, role: 'beneficiary' },
          { organisationId: world.otherOrganisation.id, role: 'facilitator' },
        ],
      }),
    );
    const { id } = created.json();
    const first = await api('focalOwn').json('POST', `/api/v1/cooperation/${id}/practice`, {});
    assert.equal(first.statusCode, 201, first.body);
    const { practiceId } = first.json();
    const practice = (await findPractice(db, practiceId))!;
    assert.equal(practice.status, 'draft');
    assert.equal(practice.organisationId, world.owningOrganisation.id);
    assert.equal(practice.networkId, world.network.id);
    const content = (await findVersion(db, practice.workingVersionId!))!.content;
    assert.equal(content.originalLanguage, 'es');
    assert.deepEqual(content.title, newRecord().title);
    assert.deepEqual(content.description, { es: 'Dos talleres de tres días en Tapachula.' });
    assert.deepEqual(content.results, { es: '40 funcionarios formados.' });
    assert.match(
      content.resources.es!,
      /Expertos de la organización oferente\.\n\nPresupuesto: 12[.,\s\u00a0]?500,5 USD/,
    );
    assert.equal(content.modality, 'south-south');
    assert.equal(content.periodStart, '2025-03-01');
    assert.equal(content.periodEnd, '2025-09-30');
    assert.deepEqual(content.countries, ['MX', 'GT']);
    assert.deepEqual(content.thematicAreas, ['counter-trafficking']);
    assert.deepEqual(content.gcmObjectives, ['10']);
    assert.deepEqual(content.actors, [
      { organisationId: world.owningOrganisation.id, role: 'lead' },
      { organisationId: thirdId, role: 'beneficiary' },
      { organisationId: world.otherOrganisation.id, role: 'partner' },
    ]);
    assert.equal((await findRecord(db, id))!.practiceId, practiceId);

    const second = await api('focalOwn').json('POST', `/api/v1/cooperation/${id}/practice`, {});
    assert.equal(second.statusCode, 200);
    assert.deepEqual(second.json(), { practiceId, created: false });
    assert.equal((await db.selectFrom('practices').select('id').execute()).length, 1);
  });

  it('redirects the page to the draft’s edit page, the same on a second click', async () => {
    const id = await record('completed');
    const agent = browser('secretariat');
    const first = await agent.postForm(`/en/cooperation/${id}/practice`, {});
    assert.equal(first.statusCode, 303);
    assert.match(String(first.headers.location), /^\/en\/practices\/[0-9a-f-]{36}\/edit$/);
    const second = await agent.postForm(`/en/cooperation/${id}/practice`, {});
    assert.equal(second.headers.location, first.headers.location);
  });

  it('refuses a record not yet completed, and those who do not manage it', async () => {
    const id = await record('under-way');
    const response = await api('focalOwn').json('POST', `/api/v1/cooperation/${id}/practice`, {});
    assert.equal(response.statusCode, 400);
    assert.deepEqual(fieldsOf(response.json()), ['status']);
    const completed = await record('completed');
    assert.equal(
      (await api('focalOther').json('POST', `/api/v1/cooperation/${completed}/practice`, {})).statusCode,
      403,
    );
    assert.equal((await db.selectFrom('practices').select('id').execute()).length, 0);
  });
});

describe('the record pages', () => {
  it('lists records with their parties, and shows one with every field and the indicators slot', async () => {
    const id = await record('completed');
    const list = await browser('public').get('/fr/cooperation');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`/fr/cooperation/${id}`));
    assert.match(list.body, /Tercera organización/);
    const page = await browser('focalOwn').get(`/en/cooperation/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Bilateral/);
    assert.match(page.body, new RegExp(`/en/organisations/${thirdId}`));
    assert.match(page.body, new RegExp(`/en/indicators/new\\?record=${id}`));
    assert.match(page.body, new RegExp(`/en/networks/${world.network.slug}/indicators`));
    assert.match(page.body, /Turn into a practice draft/);
    // A name only in Spanish is marked as such on an English page.
    assert.match(page.body, /<span lang="es">Tercera organización<\/span>/);
  });

  it('creates a record from the form and re-renders errors next to their fields', async () => {
    const agent = browser('focalOwn');
    const form = await agent.get('/en/cooperation/new');
    assert.equal(form.statusCode, 200);
    const fields = {
      network: world.network.slug,
      originalLanguage: 'en',
      'title.en': 'Exchange visit on return counselling',
      modality: 'bilateral',
      status: 'planned',
      'party.0.organisation': world.owningOrganisation.id,
      'party.0.role': 'provider',
      'party.1.organisation': thirdId,
      'party.1.role': 'beneficiary',
      startsOn: '2026-05-01',
      endsOn: '2026-04-01',
      budgetAmount: '-20',
      budgetCurrency: 'eur',
      thematicAreas: ['assisted-voluntary-return'],
    };
    const bad = await agent.postForm('/en/cooperation', fields);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="field-endsOn-error"[^>]*>The period ends before it starts/);
    assert.match(bad.body, /id="field-budgetAmount-error"[^>]*>The budget cannot be negative/);
    assert.match(bad.body, /value="Exchange visit on return counselling"/);
    const notANumber = await agent.postForm('/en/cooperation', {
      ...fields,
      endsOn: '',
      budgetAmount: 'lots',
    });
    assert.match(notANumber.body, /id="field-budgetAmount-error"[^>]*>The budget must be a number/);
    const good = await agent.postForm('/en/cooperation', { ...fields, endsOn: '', budgetAmount: '1 500,25' });
    assert.equal(good.statusCode, 303, good.body);
    const id = /\/en\/cooperation\/([0-9a-f-]{36})\?notice=created/.exec(String(good.headers.location))![1]!;
    const saved = (await findRecord(db, id))!;
    assert.equal(saved.budgetAmount, 1500.25);
    assert.equal(saved.budgetCurrency, 'EUR');
    assert.equal(saved.status, 'planned');
  });

  it('shows a conflict page, keeping the user’s values, when someone saved meanwhile', async () => {
    const id = await record();
    const agent = browser('focalOwn');
    const edit = await agent.get(`/en/cooperation/${id}/edit`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /name="version" value="1"/);
    const body = {
      version: '1',
      originalLanguage: 'en',
      'title.en': 'My title',
      modality: 'bilateral',
      status: 'under-way',
      'party.0.organisation': world.owningOrganisation.id,
      'party.0.role': 'provider',
    };
    assert.equal(
      (await browser('secretariat').postForm(`/en/cooperation/${id}/edit`, { ...body, 'title.en': 'Theirs' }))
        .statusCode,
      303,
    );
    const conflict = await agent.postForm(`/en/cooperation/${id}/edit`, body);
    assert.equal(conflict.statusCode, 409);
    assert.match(conflict.body, /Someone changed this cooperation record meanwhile/);
    assert.match(conflict.body, /value="My title"/);
    assert.match(conflict.body, /name="version" value="2"/);
    assert.equal((await findRecord(db, id))!.title.en, 'Theirs');
  });

  it('refuses the edit form to those who do not manage the record', async () => {
    const id = await record();
    assert.equal((await browser('focalOther').get(`/en/cooperation/${id}/edit`)).statusCode, 403);
    assert.equal((await browser('public').get(`/en/cooperation/${id}/edit`)).statusCode, 401);
    assert.equal(
      (await browser('focalOwn').get(`/en/cooperation/${crypto.randomUUID()}/edit`)).statusCode,
      404,
    );
  });
});
