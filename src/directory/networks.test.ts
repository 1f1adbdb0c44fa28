import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import {
  buildActors,
  buildApiToken,
  buildNetwork,
  buildOrganisation,
  buildSession,
  buildUser,
} from '../../test/support/factories.ts';

let ctx: TestContext;
before(async () => {
  ctx = await buildTestApp();
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

type World = Awaited<ReturnType<typeof buildWorld>>;
let world: World;
beforeEach(async () => {
  await resetDatabase(ctx.database.db);
  world = await buildWorld();
});

/** The matrix network (PERCO-like), two members in Brazil/Peru and France, one also in another network. */
async function buildWorld() {
  const db = ctx.database.db;
  const fixtures = await buildActors(db);
  const network = fixtures.network;
  await db
    .updateTable('networks')
    .set({
      name: JSON.stringify({ en: 'Matrix network', es: 'Red matriz' }),
      kind: 'working-group',
      region: '019',
      year_founded: 1997,
      funding_status: 'unfunded',
      funding_note: JSON.stringify({ en: 'No core funding since 2019' }),
      funding_year: 2024,
      meeting_cadence: JSON.stringify({ en: 'Bimonthly teleconferences' }),
      countries: ['BR', 'PE'],
    })
    .where('id', '=', network.id)
    .execute();
  const redCross = await buildOrganisation(db, { name: { en: 'Brazilian Red Cross' } });
  const ngo = await buildOrganisation(db, { name: { en: 'Paris NGO' } });
  await db
    .updateTable('organisations')
    .set({ headquarters_country: 'BR', countries_served: ['BR', 'PE'] })
    .where('id', '=', redCross.id)
    .execute();
  await db
    .updateTable('organisations')
    .set({ headquarters_country: 'FR' })
    .where('id', '=', ngo.id)
    .execute();
  const other = await buildNetwork(db, { slug: 'americas-group', name: { en: 'Americas working group' } });
  await db
    .insertInto('network_memberships')
    .values([
      { network_id: network.id, organisation_id: redCross.id, role: 'coordinator', since: '2019-03-01' },
      { network_id: network.id, organisation_id: ngo.id, role: 'member', since: null },
      { network_id: other.id, organisation_id: redCross.id, role: 'observer', since: null },
    ])
    .execute();
  const otherSecretariat = await buildUser(db, { roles: [{ networkId: other.id, role: 'secretariat' }] });
  return {
    ...fixtures,
    redCross,
    ngo,
    other,
    otherSecretariat: {
      cookie: await buildSession(db, otherSecretariat.id),
      token: (await buildApiToken(db, otherSecretariat.id)).token,
    },
  };
}

function pageAgent(cookie: string | null) {
  const agent = new Agent(ctx.app);
  if (cookie) agent.cookies.set('puente_session', cookie);
  return agent;
}
function apiAgent(token: string | null) {
  const agent = new Agent(ctx.app);
  agent.bearer = token;
  return agent;
}
const secretariatPage = () => pageAgent(world.actors.secretariat.sessionCookie);
const secretariatApi = () => apiAgent(world.actors.secretariat.apiToken);

function validUpdate(version: number, overrides: Record<string, unknown> = {}) {
  return {
    slug: 'matrix-network',
    name: { en: 'Matrix network', fr: 'Réseau matrice' },
    kind: 'working-group',
    region: '019',
    yearFounded: 1997,
    fundingStatus: 'partly-funded',
    countries: ['BR', 'PE', 'MX'],
    version,
    ...overrides,
  };
}

async function currentVersion(): Promise<number> {
  const response = await apiAgent(null).get('/api/v1/networks/matrix-network');
  return response.json().version;
}

describe('GET /{lang}/networks', () => {
  it('lists the networks with kind, region, year founded, funding status and member count', async () => {
    const response = await pageAgent(null).get('/en/networks');
    assert.equal(response.statusCode, 200);
    const row =
      /<tr><td><a href="\/en\/networks\/matrix-network">[\s\S]*?<\/tr>/.exec(response.body)?.[0] ?? '';
    assert.match(row, /Matrix network/);
    assert.match(row, /Working group/);
    assert.match(row, /Americas/);
    assert.match(row, /1997/);
    assert.match(row, /Unfunded/);
    assert.match(row, /<td>2<\/td><\/tr>$/);
    assert.match(response.body, /href="\/en\/networks\/americas-group"/);
  });

  it('speaks each of the four languages', async () => {
    for (const [lang, text] of [
      ['fr', 'Sans financement'],
      ['es', 'Sin financiación'],
      ['pt', 'Sem financiamento'],
    ] as const) {
      const response = await pageAgent(null).get(`/${lang}/networks`);
      assert.equal(response.statusCode, 200);
      assert.ok(response.body.includes(text), lang);
    }
  });
});

describe('GET /{lang}/networks/{slug}', () => {
  it('shows the network, its members linked to their pages, with role and since-date', async () => {
    const response = await pageAgent(null).get('/en/networks/matrix-network');
    assert.equal(response.statusCode, 200);
    const body = response.body;
    assert.match(body, /<h1 class="page-heading">Matrix network<\/h1>/);
    assert.match(body, /Bimonthly teleconferences/);
    assert.match(body, /Unfunded<\/strong> \(2024\)/);
    assert.match(body, /No core funding since 2019/);
    assert.match(body, /Brazil, Peru/);
    assert.ok(
      body.includes(
        `<a href="/en/organisations/${world.redCross.id}">Brazilian Red Cross</a></td><td>Coordinator</td><td>2019-03-01</td>`,
      ),
    );
    assert.ok(
      body.includes(
        `<a href="/en/organisations/${world.ngo.id}">Paris NGO</a></td><td>Member</td><td>—</td>`,
      ),
    );
    assert.ok(!body.includes('style='), 'no inline style (CSP)');
  });

  it("draws the members' countries on an SVG map, with a table of them beside it", async () => {
    const body = (await pageAgent(null).get('/en/networks/matrix-network')).body;
    assert.match(body, /<svg[^>]*role="img"[^>]*aria-labelledby="members-map-title"/);
    assert.match(body, /<title id="members-map-title">Countries of the members of Matrix network/);
    const highlighted = [...body.matchAll(/data-country="([A-Z]{2})"/g)].map((m) => m[1]).sort();
    assert.deepEqual(highlighted, ['BR', 'FR', 'PE']);
    const table = body.slice(body.indexOf('</svg>'));
    assert.match(
      table,
      /<td>Brazil<\/td><td>1<\/td>[\s\S]*<td>France<\/td><td>1<\/td>[\s\S]*<td>Peru<\/td><td>1<\/td>/,
    );
  });

  it('shows what the members do in other networks', async () => {
    const body = (await pageAgent(null).get('/en/networks/matrix-network')).body;
    const section = body.slice(body.indexOf('id="elsewhere"'));
    assert.match(
      section,
      /Brazilian Red Cross: <a href="\/en\/networks\/americas-group">Americas working group<\/a> \(Observer\)/,
    );
    assert.ok(!section.includes('Paris NGO:'));
  });

  it('stays small: the page with its map is under 150 KB', async () => {
    const body = (await pageAgent(null).get('/en/networks/matrix-network')).body;
    assert.ok(Buffer.byteLength(body) < 150_000, `${Buffer.byteLength(body)} bytes`);
  });

  it('answers 404 for an unknown network, on the page and in the API', async () => {
    assert.equal((await pageAgent(null).get('/en/networks/no-such-network')).statusCode, 404);
    assert.equal((await apiAgent(null).get('/api/v1/networks/no-such-network')).statusCode, 404);
  });
});

describe('GET/POST /{lang}/networks/{slug}/edit', () => {
  it("lets the network's secretariat edit it, each language in its own fields", async () => {
    const agent = secretariatPage();
    const form = await agent.get('/en/networks/matrix-network/edit');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="name\.es" type="text" value="Red matriz"/);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    const response = await agent.postForm('/en/networks/matrix-network/edit', {
      version,
      slug: 'matrix-network',
      kind: 'network',
      'name.en': 'Matrix network',
      'name.pt': 'Rede matriz',
      region: '019',
      yearFounded: '1998',
      fundingStatus: 'funded',
      countries: 'br pe, mx',
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/en/networks/matrix-network?saved=1');
    const saved = (await apiAgent(null).get('/api/v1/networks/matrix-network')).json();
    assert.equal(saved.name.pt, 'Rede matriz');
    assert.equal(saved.yearFounded, 1998);
    assert.equal(saved.fundingStatus, 'funded');
    assert.deepEqual(saved.countries, ['BR', 'PE', 'MX']);
  });

  it('refuses the secretariat of another network (403), a member (403) and the public (401)', async () => {
    assert.equal(
      (await pageAgent(world.otherSecretariat.cookie).get('/en/networks/matrix-network/edit')).statusCode,
      403,
    );
    assert.equal(
      (await pageAgent(world.actors.member.sessionCookie).get('/en/networks/matrix-network/edit')).statusCode,
      403,
    );
    assert.equal((await pageAgent(null).get('/en/networks/matrix-network/edit')).statusCode, 401);
    const post = await pageAgent(world.otherSecretariat.cookie).postForm('/en/networks/matrix-network/edit', {
      version: '1',
      slug: 'matrix-network',
      kind: 'network',
      'name.en': 'Taken over',
    });
    assert.equal(post.statusCode, 403);
  });

  it('shows a conflict page (409) with both versions, keeping the values typed, and overwrites nothing', async () => {
    const version = await currentVersion();
    assert.equal(
      (await secretariatApi().json('PUT', '/api/v1/networks/matrix-network', validUpdate(version)))
        .statusCode,
      200,
    );
    const response = await secretariatPage().postForm('/en/networks/matrix-network/edit', {
      version: String(version),
      slug: 'matrix-network',
      kind: 'network',
      'name.en': 'My stale edit',
    });
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /Someone saved this record while you were editing it/);
    assert.match(response.body, /name="name\.en" type="text" value="My stale edit"/);
    assert.match(response.body, /<td>name\.en<\/td><td>My stale edit<\/td><td>Matrix network<\/td>/);
    assert.match(response.body, new RegExp(`name="version" value="${version + 1}"`));
    const saved = (await apiAgent(null).get('/api/v1/networks/matrix-network')).json();
    assert.equal(saved.name.en, 'Matrix network');
    assert.equal(saved.fundingStatus, 'partly-funded');
  });

  it('names the field of bad input, localized', async () => {
    const version = String(await currentVersion());
    const response = await secretariatPage().postForm('/es/networks/matrix-network/edit', {
      version,
      slug: 'matrix network',
      kind: 'network',
      'name.en': 'Matrix network',
      yearFounded: '1500',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="field-slug-error">«slug» contiene caracteres no permitidos/);
    assert.match(response.body, /id="field-yearFounded-error">«yearFounded» está fuera de los límites/);
    const countries = await secretariatPage().postForm('/es/networks/matrix-network/edit', {
      version,
      slug: 'matrix-network',
      kind: 'network',
      'name.en': 'Matrix network',
      countries: 'BR XX',
    });
    assert.equal(countries.statusCode, 400);
    assert.match(countries.body, /id="field-countries-error">«XX» no es un código/);
    assert.equal(String(await currentVersion()), version, 'nothing saved');
  });
});

describe('POST /{lang}/networks/{slug}/members', () => {
  it('adds a member organisation with its role, and refuses a duplicate membership naming the field', async () => {
    const agent = secretariatPage();
    const page = await agent.get('/en/networks/matrix-network');
    assert.match(
      page.body,
      new RegExp(`<option value="${world.owningOrganisation.id}">Owning organisation</option>`),
    );
    const added = await agent.postForm('/en/networks/matrix-network/members', {
      organisationId: world.owningOrganisation.id,
      role: 'observer',
      since: '2024-05-01',
    });
    assert.equal(added.statusCode, 303);
    const after = await agent.get('/en/networks/matrix-network');
    assert.match(after.body, /Owning organisation<\/a><\/td><td>Observer<\/td><td>2024-05-01<\/td>/);
    const again = await agent.postForm('/fr/networks/matrix-network/members', {
      organisationId: world.owningOrganisation.id,
      role: 'member',
    });
    assert.equal(again.statusCode, 400);
    assert.match(
      again.body,
      /id="field-organisationId-error">Cette organisation est déjà membre de ce réseau\./,
    );
  });

  it('refuses the secretariat of another network', async () => {
    const response = await pageAgent(world.otherSecretariat.cookie).postForm(
      '/en/networks/matrix-network/members',
      {
        organisationId: world.owningOrganisation.id,
        role: 'member',
      },
    );
    assert.equal(response.statusCode, 403);
  });
});

describe('API /api/v1/networks', () => {
  it('lists and gets networks with members and what they do elsewhere', async () => {
    const list = (await apiAgent(null).get('/api/v1/networks')).json();
    const matrix = list.find((n: { slug: string }) => n.slug === 'matrix-network');
    assert.equal(matrix.memberCount, 2);
    assert.equal(matrix.fundingStatus, 'unfunded');
    const one = (await apiAgent(null).get('/api/v1/networks/matrix-network')).json();
    assert.equal(one.members.length, 2);
    assert.deepEqual(one.elsewhere, [
      {
        organisationId: world.redCross.id,
        network: 'americas-group',
        name: { en: 'Americas working group' },
        role: 'observer',
      },
    ]);
  });

  it('lets an admin create a network (201) and nobody else', async () => {
    const body = { slug: 'perco', name: { en: 'PERCO' }, kind: 'network', yearFounded: 1997 };
    assert.equal((await secretariatApi().json('POST', '/api/v1/networks', body)).statusCode, 403);
    assert.equal((await apiAgent(null).json('POST', '/api/v1/networks', body)).statusCode, 401);
    const created = await apiAgent(world.actors.admin.apiToken).json('POST', '/api/v1/networks', body);
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().slug, 'perco');
  });

  it('PUT: the secretariat of the network updates it; another secretariat 403, a member 403, the public 401', async () => {
    const version = await currentVersion();
    assert.equal(
      (
        await apiAgent(world.otherSecretariat.token).json(
          'PUT',
          '/api/v1/networks/matrix-network',
          validUpdate(version),
        )
      ).statusCode,
      403,
    );
    assert.equal(
      (
        await apiAgent(world.actors.member.apiToken).json(
          'PUT',
          '/api/v1/networks/matrix-network',
          validUpdate(version),
        )
      ).statusCode,
      403,
    );
    assert.equal(
      (await apiAgent(null).json('PUT', '/api/v1/networks/matrix-network', validUpdate(version))).statusCode,
      401,
    );
    const saved = await secretariatApi().json('PUT', '/api/v1/networks/matrix-network', validUpdate(version));
    assert.equal(saved.statusCode, 200);
    assert.equal(saved.json().version, version + 1);
    const now = (await apiAgent(null).get('/api/v1/networks/matrix-network')).json();
    assert.equal(now.name.fr, 'Réseau matrice');
    assert.deepEqual(now.countries, ['BR', 'PE', 'MX']);
  });

  it('PUT with a stale version is a 409 problem and overwrites nothing', async () => {
    const version = await currentVersion();
    await secretariatApi().json('PUT', '/api/v1/networks/matrix-network', validUpdate(version));
    const stale = await secretariatApi().json(
      'PUT',
      '/api/v1/networks/matrix-network',
      validUpdate(version, { name: { en: 'Stale' } }),
    );
    assert.equal(stale.statusCode, 409);
    assert.match(String(stale.headers['content-type']), /application\/problem\+json/);
    assert.equal(stale.json().errors[0].field, 'version');
    assert.equal(
      (await apiAgent(null).get('/api/v1/networks/matrix-network')).json().name.en,
      'Matrix network',
    );
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const version = await currentVersion();
    const cases: [Record<string, unknown>, string][] = [
      [{ region: '999' }, 'region'],
      [{ yearFounded: 3000 }, 'yearFounded'],
      [{ slug: 'has spaces' }, 'slug'],
      [{ coordinatingOrganisationId: '00000000-0000-4000-8000-000000000000' }, 'coordinatingOrganisationId'],
      [{ countries: ['XX'] }, 'countries.0'],
    ];
    for (const [override, field] of cases) {
      const response = await secretariatApi().json(
        'PUT',
        '/api/v1/networks/matrix-network',
        validUpdate(version, override),
      );
      assert.equal(response.statusCode, 400, field);
      assert.ok(
        response.json().errors.some((e: { field: string }) => e.field === field),
        `${field}: ${JSON.stringify(response.json().errors)}`,
      );
    }
    assert.equal(await currentVersion(), version, 'nothing saved');
  });

  it('adds a member (201), refuses a duplicate and an unknown organisation, then removes it (204)', async () => {
    const url = '/api/v1/networks/matrix-network/members';
    const body = { organisationId: world.owningOrganisation.id, role: 'member' };
    assert.equal((await apiAgent(world.otherSecretariat.token).json('POST', url, body)).statusCode, 403);
    assert.equal((await secretariatApi().json('POST', url, body)).statusCode, 201);
    const duplicate = await secretariatApi().json('POST', url, body);
    assert.equal(duplicate.statusCode, 400);
    assert.equal(duplicate.json().errors[0].field, 'organisationId');
    const unknown = await secretariatApi().json('POST', url, {
      organisationId: '00000000-0000-4000-8000-000000000000',
      role: 'member',
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().errors[0].field, 'organisationId');
    const removeUrl = `${url}/${world.owningOrganisation.id}`;
    assert.equal((await apiAgent(world.otherSecretariat.token).json('DELETE', removeUrl)).statusCode, 403);
    assert.equal((await apiAgent(world.actors.member.apiToken).json('DELETE', removeUrl)).statusCode, 403);
    assert.equal((await secretariatApi().json('DELETE', removeUrl)).statusCode, 204);
    assert.equal((await secretariatApi().json('DELETE', removeUrl)).statusCode, 404);
  });
});

describe('DELETE /api/v1/networks/{slug}', () => {
  it('lets an admin remove a network, keeping its organisations in the directory', async () => {
    const db = ctx.database.db;
    const slug = 'matrix-network';
    const organisationsBefore = (await db.selectFrom('organisations').select('id').execute()).length;
    const { id } = await db
      .selectFrom('networks')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    assert.equal(
      (await apiAgent(world.actors.secretariat.apiToken).json('DELETE', `/api/v1/networks/${slug}`))
        .statusCode,
      403,
    );
    assert.equal((await apiAgent(null).json('DELETE', `/api/v1/networks/${slug}`)).statusCode, 401);
    const deleted = await apiAgent(world.actors.admin.apiToken).json('DELETE', `/api/v1/networks/${slug}`);
    assert.equal(deleted.statusCode, 204);
    assert.equal((await pageAgent(null).get(`/en/networks/${slug}`)).statusCode, 404);
    const left = await db
      .selectFrom('network_memberships')
      .select('network_id')
      .where('network_id', '=', id)
      .execute();
    assert.equal(left.length, 0, 'its memberships go with it');
    assert.equal((await db.selectFrom('organisations').select('id').execute()).length, organisationsBefore);
    assert.equal(
      (await apiAgent(world.actors.admin.apiToken).json('DELETE', `/api/v1/networks/${slug}`)).statusCode,
      404,
    );
  });
});
