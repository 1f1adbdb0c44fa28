import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { buildActors, buildNetwork, buildOrganisation } from '../../test/support/factories.ts';
import type { Db } from '../db/schema.ts';
import type { OrganisationInput } from './directory.schemas.ts';

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
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

type Who = 'public' | 'member' | 'focalOwn' | 'focalOther' | 'secretariat' | 'admin';

/** A browser signed in as one of the matrix's callers. */
function browser(who: Who): Agent {
  const agent = new Agent(ctx.app);
  const cookie = world.actors[who].sessionCookie;
  if (cookie) agent.cookies.set('puente_session', cookie);
  return agent;
}

/** An API client with the caller's bearer token. */
function client(who: Who): Agent {
  const agent = new Agent(ctx.app);
  agent.bearer = world.actors[who].apiToken;
  return agent;
}

/** An organisation with every public field, made through the API as the secretariat would. */
async function buildFullOrganisation(overrides: Partial<OrganisationInput> = {}) {
  const body: OrganisationInput = {
    name: { es: 'Cruz Roja Mexicana', en: 'Mexican Red Cross' },
    acronym: { es: 'CRM' },
    stakeholderGroup: 'red-cross-red-crescent',
    headquartersCountry: 'MX',
    countriesServed: ['MX', 'GT'],
    thematicAreas: ['counter-trafficking'],
    website: 'https://www.cruzrojamexicana.org.mx',
    description: { es: 'Sociedad Nacional de la Cruz Roja en México.' },
    ...overrides,
  };
  const response = await client('secretariat').json('POST', '/api/v1/organisations', body);
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as { id: string; version: number };
}

async function count(): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function join(networkId: string, organisationId: string) {
  await db
    .insertInto('network_memberships')
    .values({ network_id: networkId, organisation_id: organisationId, role: 'member' })
    .execute();
}

const formOf = (fields: Record<string, string | string[]>) => ({
  stakeholderGroup: 'civil-society',
  headquartersCountry: 'PE',
  ...fields,
});

describe('GET /{lang}/organisations', () => {
  it('lists organisations with their total, stakeholder group and headquarters country in the page language', async () => {
    await buildFullOrganisation();
    const page = await browser('public').get('/fr/organisations');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Mexican Red Cross|Cruz Roja Mexicana/);
    assert.match(page.body, /3 organisations/); // the matrix's two and this one
    assert.match(page.body, /Croix-Rouge|Mouvement/i); // stakeholder group label in French
    assert.match(page.body, /Mexique/);
  });

  it('marks a name shown in another language than the page’s', async () => {
    await buildOrganisation(db, { name: { es: 'Sin Fronteras IAP' } });
    const page = await browser('public').get('/en/organisations?q=fronteras');
    assert.match(page.body, /<span lang="es">Sin Fronteras IAP<\/span> <span class="lang-badge"/);
  });

  it('filters by each facet, combines facets, and counts values per facet', async () => {
    const network = await buildNetwork(db, { slug: 'perco', name: { en: 'PERCO' } });
    const mx = await buildFullOrganisation();
    await buildFullOrganisation({
      name: { en: 'Andean Migrants Union' },
      acronym: {},
      stakeholderGroup: 'trade-unions',
      headquartersCountry: 'PE',
      countriesServed: ['PE'],
      thematicAreas: ['labour-migration'],
    });
    await join(network.id, mx.id);
    const api = client('public');
    const ids = async (query: string) =>
      ((await api.get(`/api/v1/organisations?${query}`)).json().items as { id: string }[]).map((i) => i.id);
    assert.deepEqual(await ids('group=red-cross-red-crescent'), [mx.id]);
    assert.deepEqual(await ids('country=GT'), [mx.id]);
    assert.deepEqual(await ids('region=013'), [mx.id]); // Central America
    assert.deepEqual(await ids('area=counter-trafficking'), [mx.id]);
    assert.deepEqual(await ids('network=perco'), [mx.id]);
    assert.equal((await ids('group=trade-unions&group=red-cross-red-crescent')).length, 2);
    assert.deepEqual(await ids('group=trade-unions&country=MX'), []);
    const facets = (await api.get('/api/v1/organisations?country=PE')).json().facets;
    assert.deepEqual(
      facets.group.find((g: { value: string }) => g.value === 'trade-unions'),
      { value: 'trade-unions', count: 1 },
    );
    const page = await browser('public').get('/es/organisations?group=trade-unions&country=PE');
    assert.match(page.body, /Andean Migrants Union/);
    assert.doesNotMatch(page.body, /Cruz Roja Mexicana/);
    assert.match(page.body, /name="group" value="trade-unions" checked/);
    assert.match(page.body, /Quitar el filtro/);
  });

  it('finds "México" when searching for "mexico" (accents do not matter)', async () => {
    await buildOrganisation(db, { name: { es: 'Instituto Nacional de Migración de México' } });
    const page = await browser('public').get('/es/organisations?q=mexico');
    assert.match(page.body, /Instituto Nacional de Migración de México/);
    const none = await browser('public').get('/es/organisations?q=zzzz');
    assert.match(none.body, /Ninguna organización corresponde/);
  });

  it('pages 20 at a time, with links that keep the filters', async () => {
    for (let i = 0; i < 23; i++) await buildOrganisation(db, { name: { en: `Paged organisation ${i}` } });
    const first = await browser('public').get('/en/organisations?q=paged');
    assert.match(first.body, /23 organisations/);
    assert.equal((first.body.match(/>Paged organisation/g) ?? []).length, 20);
    assert.match(first.body, /href="\/en\/organisations\?q=paged&amp;page=2" rel="next"/);
    const second = await browser('public').get('/en/organisations?q=paged&page=2');
    assert.equal((second.body.match(/>Paged organisation/g) ?? []).length, 3);
    const api = (await client('public').get('/api/v1/organisations?q=paged&page=2&pageSize=10')).json();
    assert.equal(api.total, 23);
    assert.equal(api.items.length, 10);
  });

  it('offers the secretariat, and only the secretariat, a link to add an organisation', async () => {
    assert.match((await browser('secretariat').get('/en/organisations')).body, /organisations\/new/);
    assert.doesNotMatch((await browser('member').get('/en/organisations')).body, /organisations\/new/);
  });
});

describe('GET /{lang}/organisations/{id}', () => {
  async function withFocalPoint() {
    const { id } = await buildFullOrganisation();
    await db
      .insertInto('focal_points')
      .values({ organisation_id: id, name: 'Ana Focal', email: 'ana@example.org', languages: ['es'] })
      .execute();
    return id;
  }

  it('shows the public every public field but not the focal points', async () => {
    const id = await withFocalPoint();
    const page = await browser('public').get(`/en/organisations/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Mexican Red Cross/);
    assert.match(page.body, /CRM/);
    assert.match(page.body, /Guatemala/);
    assert.match(page.body, /href="https:\/\/www.cruzrojamexicana.org.mx" rel="noopener noreferrer"/);
    assert.doesNotMatch(page.body, /Ana Focal|ana@example\.org/);
    assert.match(page.body, /visible to network members/);
    const api = (await client('public').get(`/api/v1/organisations/${id}`)).json();
    assert.equal(api.focalPoints, null);
  });

  it('shows the focal points to a member', async () => {
    const id = await withFocalPoint();
    const page = await browser('member').get(`/en/organisations/${id}`);
    assert.match(page.body, /Ana Focal/);
    assert.match(page.body, /mailto:ana@example.org/);
    const api = (await client('member').get(`/api/v1/organisations/${id}`)).json();
    assert.equal(api.focalPoints[0].email, 'ana@example.org');
  });

  it('carries schema.org JSON-LD, escaped so that no text can close the script element', async () => {
    const { id } = await buildFullOrganisation({ description: { en: '</script><script>alert(1)</script>' } });
    const network = await buildNetwork(db, { slug: 'apmn', name: { en: 'Asia Pacific Migration Network' } });
    await join(network.id, id);
    const page = await browser('public').get(`/en/organisations/${id}`);
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.body)?.[1];
    assert.ok(json, 'JSON-LD present');
    assert.doesNotMatch(json, /</);
    const data = JSON.parse(json);
    assert.equal(data['@type'], 'Organization');
    assert.equal(data.name, 'Mexican Red Cross');
    assert.ok(data.alternateName.includes('Cruz Roja Mexicana'));
    assert.equal(data.url, 'https://www.cruzrojamexicana.org.mx');
    assert.equal(data.address.addressCountry, 'MX');
    assert.equal(data.areaServed.length, 2);
    assert.equal(data.memberOf[0].name, 'Asia Pacific Migration Network');
    assert.equal(data.description, '</script><script>alert(1)</script>');
  });

  it('lists relationships in both directions with their kind', async () => {
    const { id } = await buildFullOrganisation();
    const donor = await buildOrganisation(db, { name: { en: 'Generous Donor' } });
    await db
      .insertInto('organisation_relationships')
      .values({ organisation_id: donor.id, related_organisation_id: id, kind: 'donor' })
      .execute();
    const page = await browser('public').get(`/en/organisations/${id}`);
    assert.match(page.body, /Generous Donor/);
    assert.match(page.body, /from the other organisation to this one/);
    const other = await browser('public').get(`/en/organisations/${donor.id}`);
    assert.match(other.body, /from this organisation to the other/);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    assert.equal((await browser('public').get(`/en/organisations/${crypto.randomUUID()}`)).statusCode, 404);
    assert.equal((await browser('public').get('/en/organisations/not-an-id')).statusCode, 404);
    assert.equal(
      (await client('public').get(`/api/v1/organisations/${crypto.randomUUID()}`)).statusCode,
      404,
    );
  });
});

describe('creating an organisation', () => {
  it('lets the secretariat create one with the form, then shows it', async () => {
    const response = await browser('secretariat').postForm(
      '/en/organisations/new',
      formOf({
        'name.es': 'Red Peruana de Migración',
        countriesServed: ['PE', 'BO'],
        thematicAreas: ['labour-migration', 'migrants-human-rights'],
        website: 'https://example.org',
      }),
    );
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const page = await browser('public').get(response.headers.location as string);
    assert.match(page.body, /Red Peruana de Migración/);
    assert.match(page.body, /Bolivia/);
  });

  it('lets the secretariat create one with the API (201, id and version)', async () => {
    const created = await buildFullOrganisation();
    assert.equal(created.version, 1);
    assert.equal(await count(), 3);
  });

  it('refuses a member (403) and the public (401), on the page and in the API', async () => {
    const before = await count();
    assert.equal((await browser('member').get('/en/organisations/new')).statusCode, 403);
    assert.equal((await browser('public').get('/en/organisations/new')).statusCode, 401);
    assert.equal(
      (await browser('member').postForm('/en/organisations/new', formOf({ 'name.en': 'X' }))).statusCode,
      403,
    );
    const body = { name: { en: 'X' }, stakeholderGroup: 'civil-society' };
    assert.equal((await client('member').json('POST', '/api/v1/organisations', body)).statusCode, 403);
    assert.equal((await client('public').json('POST', '/api/v1/organisations', body)).statusCode, 401);
    assert.equal(await count(), before);
  });

  it('warns of likely duplicates in the same country, then saves once told it is a different one', async () => {
    await buildFullOrganisation({ name: { es: 'Cruz Roja Mexicana' }, acronym: {} });
    const agent = browser('secretariat');
    const fields = formOf({ 'name.es': 'Cruz Roja Mexicana', headquartersCountry: 'MX' });
    const warned = await agent.postForm('/es/organisations/new', fields);
    assert.equal(warned.statusCode, 200);
    assert.match(warned.body, /Posibles duplicados/);
    assert.match(warned.body, /name="confirmDistinct"/);
    assert.equal(await count(), 3);
    const saved = await agent.postForm('/es/organisations/new', { ...fields, confirmDistinct: '1' });
    assert.equal(saved.statusCode, 303);
    assert.equal(await count(), 4);
  });

  const badInputs: [string, Record<string, string | string[]>, string, RegExp][] = [
    ['an unknown country code', { headquartersCountry: 'ZZ' }, 'headquartersCountry', /ZZ/],
    ['a website that is not a URL', { website: 'not a url' }, 'website', /website/],
    ['no name in any language', { 'name.en': '' }, 'name.fr', /nom/i],
    ['an unknown thematic area', { thematicAreas: ['flying'] }, 'thematicAreas', /thematicAreas/],
  ];
  for (const [label, fields, field, message] of badInputs) {
    it(`refuses ${label} with a localized message beside the field (400), saving nothing`, async () => {
      const before = await count();
      const response = await browser('secretariat').postForm(
        '/fr/organisations/new',
        formOf({ 'name.en': 'Valid name', confirmDistinct: '1', ...fields }),
      );
      assert.equal(response.statusCode, 400);
      const error = new RegExp(`id="field-${field.replace('.', '\\.')}-error">([^<]*)<`).exec(
        response.body,
      )?.[1];
      assert.ok(error, `an error beside ${field}`);
      assert.match(error, message);
      assert.equal(await count(), before);
    });
  }

  it('refuses wrong types, unknown codes and NUL characters in the API with a problem naming the field', async () => {
    const api = client('secretariat');
    const before = await count();
    const wrongType = await api.json(
      'POST',
      '/api/v1/organisations',
      { name: { en: 42 }, stakeholderGroup: 'civil-society' },
      { 'accept-language': 'es' },
    );
    assert.equal(wrongType.statusCode, 400);
    assert.equal(wrongType.json().errors[0].field, 'name.en');
    const country = await api.json('POST', '/api/v1/organisations', {
      name: { en: 'X' },
      stakeholderGroup: 'civil-society',
      countriesServed: ['MX', 'XX'],
    });
    assert.equal(country.statusCode, 400);
    assert.equal(country.json().errors[0].field, 'countriesServed.1');
    const nul = await api.json('POST', '/api/v1/organisations', {
      name: { en: 'A\u0000B' },
      stakeholderGroup: 'civil-society',
    });
    assert.equal(nul.statusCode, 400);
    assert.match(nul.json().errors[0].field, /name/);
    const hostile = await api.json('POST', '/api/v1/organisations', {
      name: { en: '<script>alert(1)</script>' },
      stakeholderGroup: 'civil-society',
    });
    assert.equal(hostile.statusCode, 201);
    const page = await browser('public').get(`/en/organisations/${hostile.json().id}`);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.equal(await count(), before + 1);
  });
});

describe('editing an organisation', () => {
  it('lets its own focal point edit it', async () => {
    const id = world.owningOrganisation.id;
    const agent = browser('focalOwn');
    const form = await agent.get(`/en/organisations/${id}/edit`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="version" value="1"/);
    const saved = await agent.postForm(
      `/en/organisations/${id}/edit`,
      formOf({ 'name.en': 'Owning organisation, renamed', version: '1' }),
    );
    assert.equal(saved.statusCode, 303);
    assert.match((await agent.get(`/en/organisations/${id}`)).body, /Owning organisation, renamed/);
  });

  it('refuses a focal point of another organisation (403), on the page and in the API', async () => {
    const id = world.owningOrganisation.id;
    assert.equal((await browser('focalOther').get(`/en/organisations/${id}/edit`)).statusCode, 403);
    const posted = await browser('focalOther').postForm(
      `/en/organisations/${id}/edit`,
      formOf({ 'name.en': 'Hijacked', version: '1' }),
    );
    assert.equal(posted.statusCode, 403);
    const put = await client('focalOther').json('PUT', `/api/v1/organisations/${id}`, {
      name: { en: 'Hijacked' },
      stakeholderGroup: 'civil-society',
      version: 1,
    });
    assert.equal(put.statusCode, 403);
    const row = await db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row.name, { en: 'Owning organisation' });
  });

  it('shows a conflict page (409) with both versions when two edits start from the same version', async () => {
    const id = world.owningOrganisation.id;
    const first = await browser('focalOwn').postForm(
      `/en/organisations/${id}/edit`,
      formOf({ 'name.en': 'First editor’s name', version: '1' }),
    );
    assert.equal(first.statusCode, 303);
    const second = await browser('secretariat').postForm(
      `/en/organisations/${id}/edit`,
      formOf({ 'name.en': 'Second editor’s name', version: '1' }),
    );
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /First editor’s name/); // the saved version
    assert.match(second.body, /value="Second editor’s name"/); // the user's values, kept in the form
    assert.match(second.body, /name="version" value="2"/); // carrying the new version
    const row = await db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row.name, { en: 'First editor’s name' });
  });

  it('answers a stale API update with 409 problem+json carrying the current record', async () => {
    const { id } = await buildFullOrganisation();
    const body = { name: { en: 'One' }, stakeholderGroup: 'civil-society', version: 1 };
    assert.equal(
      (await client('secretariat').json('PUT', `/api/v1/organisations/${id}`, body)).statusCode,
      200,
    );
    const stale = await client('admin').json('PUT', `/api/v1/organisations/${id}`, {
      ...body,
      name: { en: 'Two' },
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(stale.json().current.name.en, 'One');
    assert.equal(stale.json().current.version, 2);
  });

  it('answers 404 for an organisation that does not exist', async () => {
    const missing = crypto.randomUUID();
    assert.equal((await browser('secretariat').get(`/en/organisations/${missing}/edit`)).statusCode, 404);
    const put = await client('secretariat').json('PUT', `/api/v1/organisations/${missing}`, {
      name: { en: 'X' },
      stakeholderGroup: 'civil-society',
      version: 1,
    });
    assert.equal(put.statusCode, 404);
  });
});

describe('deleting an organisation', () => {
  it('lets the secretariat delete one with the page and the API; refuses a focal point', async () => {
    const a = await buildFullOrganisation();
    const b = await buildFullOrganisation({ name: { en: 'Second one' } });
    assert.equal(
      (await browser('focalOwn').postForm(`/en/organisations/${a.id}/delete`, {})).statusCode,
      403,
    );
    const page = await browser('secretariat').postForm(`/en/organisations/${a.id}/delete`, {});
    assert.equal(page.statusCode, 303);
    assert.equal(
      (await client('secretariat').json('DELETE', `/api/v1/organisations/${b.id}`)).statusCode,
      204,
    );
    assert.equal(
      (await client('secretariat').json('DELETE', `/api/v1/organisations/${b.id}`)).statusCode,
      404,
    );
    assert.equal(await count(), 2);
  });
});

describe('POST /{lang}/organisations/{id}/focal-points', () => {
  it('adds a focal point to one’s own organisation and records it in the audit log', async () => {
    const id = world.owningOrganisation.id;
    const response = await browser('focalOwn').postForm(`/en/organisations/${id}/focal-points`, {
      name: 'Luis Punto',
      email: 'luis@example.org',
      languages: 'es en',
    });
    assert.equal(response.statusCode, 303);
    assert.match((await browser('member').get(`/en/organisations/${id}`)).body, /luis@example.org/);
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'focal-point.create')
      .execute();
    assert.equal(audit.length, 1);
  });

  it('refuses an email that is not one, with a message beside the field, saving nothing', async () => {
    const id = world.owningOrganisation.id;
    const response = await browser('focalOwn').postForm(`/pt/organisations/${id}/focal-points`, {
      name: 'Luis Punto',
      email: 'not an email',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="field-email-error">[^<]*email/);
    const rows = await db.selectFrom('focal_points').select('id').execute();
    assert.equal(rows.length, 0);
  });

  it('refuses a focal point of another organisation (403)', async () => {
    const response = await browser('focalOther').postForm(
      `/en/organisations/${world.owningOrganisation.id}/focal-points`,
      { name: 'Intruder' },
    );
    assert.equal(response.statusCode, 403);
  });
});
