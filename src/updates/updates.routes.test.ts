import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { create } from 'xmlbuilder2';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase } from '../../test/support/database.ts';
import { type Actor, type ActorName, buildActors, buildNetwork } from '../../test/support/factories.ts';
import { buildUpdate } from '../../test/support/fixtures.updates.ts';

/** The feed over HTTP: pages, forms with attachments, the Atom feed and the API. */

const LIMIT = 4096;
let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildActors>> & { otherNetwork: { id: string; slug: string } };

before(async () => {
  ctx = await buildTestApp({ PUENTE_ATTACHMENT_LIMIT: String(LIMIT) });
  const db = ctx.database.db;
  const actors = await buildActors(db);
  await db
    .insertInto('network_memberships')
    .values({ network_id: actors.network.id, organisation_id: actors.owningOrganisation.id })
    .execute();
  world = { ...actors, otherNetwork: await buildNetwork(db, { slug: 'other-network' }) };
  const post = (spec: Parameters<typeof buildUpdate>[1]) => buildUpdate(db, spec);
  const days = (n: number) => new Date(Date.now() - n * 86_400_000);
  await post({
    networkId: world.network.id,
    title: 'Darién crossings rise',
    category: 'migration-routes',
    countries: ['PA'],
    visibility: 'public',
    language: 'en',
    publishedAt: days(1),
  });
  await post({
    networkId: world.network.id,
    title: 'Cruces por el Darién',
    category: 'migration-routes',
    countries: ['PA', 'CO'],
    visibility: 'public',
    language: 'es',
    publishedAt: days(2),
  });
  await post({
    networkId: world.network.id,
    title: 'Fonds pour la réintégration',
    category: 'funding',
    countries: ['HT'],
    visibility: 'public',
    language: 'fr',
    publishedAt: days(3),
  });
  await post({
    networkId: world.network.id,
    title: 'Members-only funding call',
    category: 'funding',
    countries: ['CO'],
    language: 'en',
    publishedAt: days(4),
  });
  await post({
    networkId: world.otherNetwork.id,
    title: 'Another network’s news',
    category: 'funding',
    language: 'en',
    publishedAt: days(5),
  });
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

function agentFor(name: ActorName, api = false): Agent {
  const agent = new Agent(ctx.app);
  const actor: Actor = world.actors[name];
  if (api) agent.bearer = actor.apiToken;
  else if (actor.sessionCookie) agent.cookies.set('puente_session', actor.sessionCookie);
  return agent;
}

const titlesIn = (html: string) =>
  [...html.matchAll(/<h3[^>]*><a href="\/en\/updates\/[^"]+">([^<]+)</g)].map((m) => m[1]);

function tinyPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
}

/** A multipart post form as a browser sends it: the CSRF token, the fields (repeated ones too), the files. */
async function postMultipart(
  agent: Agent,
  url: string,
  fields: Record<string, string | string[]>,
  files: { name: string; bytes: Buffer }[] = [],
) {
  const form = new FormData();
  form.append('_csrf', await agent.csrfToken());
  for (const [name, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  for (const file of files) form.append('attachments', new Blob([new Uint8Array(file.bytes)]), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return agent.request({
    method: 'POST',
    url,
    headers: { 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

const validPost = () => ({
  networkId: world.network.id,
  organisationId: world.owningOrganisation.id,
  category: 'legislation',
  language: 'es',
  title: 'Nueva ley de migración en Colombia',
  body: 'El Congreso aprobó la ley.\n\nEntra en vigor en enero.',
  countries: ['CO', 'VE'],
  'links.0.url': 'https://example.org/ley',
  'links.0.label': 'Texto de la ley',
  visibility: 'public',
});

async function countPosts() {
  const row = await ctx.database.db
    .selectFrom('updates')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('GET /{lang}/updates', () => {
  it('shows the public newest first, without members-only posts, with an Atom link in the head and the page', async () => {
    const page = await new Agent(ctx.app).get('/en/updates');
    assert.equal(page.statusCode, 200);
    assert.deepEqual(titlesIn(page.body), [
      'Darién crossings rise',
      'Cruces por el Darién',
      'Fonds pour la réintégration',
    ]);
    assert.match(page.body, /<link rel="alternate" type="application\/atom\+xml" href="\/en\/updates.atom"/);
    assert.match(page.body, /<h3 lang="es">/, 'a post in another language is marked');
  });

  it('shows a network’s members its members-only posts, never another network’s', async () => {
    const page = await agentFor('member').get('/en/updates');
    const titles = titlesIn(page.body);
    assert.ok(titles.includes('Members-only funding call'));
    assert.ok(!titles.includes('Another network’s news'));
  });

  it('combines category, country, language and words, and counts each category under the other filters', async () => {
    const agent = agentFor('member');
    assert.deepEqual(titlesIn((await agent.get('/en/updates?category=funding&country=CO')).body), [
      'Members-only funding call',
    ]);
    assert.deepEqual(titlesIn((await agent.get('/en/updates?category=migration-routes&language=es')).body), [
      'Cruces por el Darién',
    ]);
    assert.deepEqual(titlesIn((await agent.get('/en/updates?q=dari%C3%A9n%20rise')).body), [
      'Darién crossings rise',
    ]);
    assert.deepEqual(
      titlesIn((await agent.get('/en/updates?q=100%25')).body),
      [],
      'a % is a character, not a pattern',
    );
    const facets = (await agent.get('/en/updates?country=PA&category=funding')).body;
    assert.match(facets, /Migration routes <span class="meta">\(2\)<\/span>/);
    assert.deepEqual(
      titlesIn((await agent.get(`/en/updates?network=${world.network.slug}&country=HT`)).body),
      ['Fonds pour la réintégration'],
    );
  });

  it('answers unknown filters with an empty list and a bad page number with 400, never 500', async () => {
    const agent = new Agent(ctx.app);
    assert.equal((await agent.get('/en/updates?category=nonsense&country=ZZ')).statusCode, 200);
    assert.equal((await agent.get('/en/updates?page=0')).statusCode, 400);
    assert.equal((await agent.get('/en/updates?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E')).statusCode, 200);
  });
});

describe('GET /{lang}/updates.atom', () => {
  it('is an Atom feed of the public posts matching the filters, that an XML parser reads', async () => {
    const response = await agentFor('admin').get('/en/updates.atom?category=funding');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /application\/atom\+xml/);
    const doc = create(response.body).end({ format: 'object' }) as { feed: { entry: unknown } };
    const entries = ([] as { title: { '#': string } | string; category: { '@term': string } }[]).concat(
      doc.feed.entry as never,
    );
    assert.equal(entries.length, 1, 'members-only posts never appear, even for a signed-in admin');
    assert.equal(entries[0]!.category['@term'], 'funding');
    assert.match(JSON.stringify(entries[0]!.title), /Fonds pour la réintégration/);
  });
});

describe('POST /{lang}/updates (the form, multipart)', () => {
  it('publishes a post with its countries, link and a PDF in one go', async () => {
    const agent = agentFor('focalOwn');
    const response = await postMultipart(agent, '/en/updates', validPost(), [
      { name: 'ley.pdf', bytes: tinyPdf() },
    ]);
    assert.equal(response.statusCode, 303, response.body);
    const location = String(response.headers.location);
    const page = await new Agent(ctx.app).get(location.split('?')[0]!);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="page-heading" lang="es">Nueva ley de migración en Colombia<\/h1>/);
    assert.match(page.body, /<p>El Congreso aprobó la ley.<\/p><p>Entra en vigor en enero.<\/p>/);
    assert.match(page.body, /href="https:\/\/example.org\/ley"/);
    const download = page.body.match(/href="(\/en\/updates\/[^"]+\/attachments\/[^"]+)"/)![1]!;
    const file = await new Agent(ctx.app).get(download);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.match(String(file.headers['content-disposition']), /^attachment;/);
  });

  it('refuses a missing title, an unknown category or country and a javascript: link, naming each field, saving nothing', async () => {
    const before = await countPosts();
    const response = await postMultipart(agentFor('focalOwn'), '/en/updates', {
      ...validPost(),
      title: '',
      category: 'gossip',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="field-title-error"/);
    assert.match(response.body, /id="field-category-error"/);
    const second = await postMultipart(agentFor('focalOwn'), '/en/updates', {
      ...validPost(),
      countries: ['CO', 'XX'],
      'links.0.url': 'javascript:alert(1)',
    });
    assert.equal(second.statusCode, 400);
    assert.match(second.body, /Countries: “XX” is not a known country code/);
    assert.match(second.body, /id="field-links.0.url-error"[^>]*>Link: only http/);
    assert.doesNotMatch(second.body, /href="javascript:/);
    assert.equal(await countPosts(), before);
  });

  it('refuses an oversize file and a text file named .pdf, with a message naming the field; the post is not saved', async () => {
    const before = await countPosts();
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(LIMIT)]);
    const oversize = await postMultipart(agentFor('focalOwn'), '/en/updates', validPost(), [
      { name: 'big.pdf', bytes: big },
    ]);
    assert.equal(oversize.statusCode, 413);
    assert.match(
      oversize.body,
      /id="field-attachments-error"[^>]*>Attachments — “big.pdf”: This file is larger than the limit/,
    );
    const lying = await postMultipart(agentFor('focalOwn'), '/en/updates', validPost(), [
      { name: 'ley.pdf', bytes: tinyPdf() },
      { name: 'notes.pdf', bytes: Buffer.from('just text, not a PDF') },
    ]);
    assert.equal(lying.statusCode, 400);
    assert.match(lying.body, /Attachments — “notes.pdf”: Only PDF files/);
    assert.match(lying.body, /Nueva ley de migración en Colombia/, 'the values stay in the form');
    assert.equal(await countPosts(), before);
  });

  it('escapes hostile strings everywhere they are shown', async () => {
    const response = await postMultipart(agentFor('focalOwn'), '/en/updates', {
      ...validPost(),
      title: '<img src=x onerror=alert(1)> & "quotes"',
      body: '<script>alert(1)</script>\u202Eevil',
      'links.0.label': '<b>bold</b>',
    });
    assert.equal(response.statusCode, 303);
    const page = await new Agent(ctx.app).get(String(response.headers.location));
    assert.doesNotMatch(page.body, /<img src=x|<script>alert|<b>bold/);
    assert.match(
      page.body,
      /<h1 class="page-heading" lang="es">&lt;img src=x onerror=alert\(1\)> &amp; &quot;quotes&quot;<\/h1>/,
    );
    const feed = await new Agent(ctx.app).get('/en/updates.atom?category=legislation');
    create(feed.body); // still well-formed XML
  });
});

describe('editing and withdrawing', () => {
  it('lets the organisation’s people and the secretariat edit, answers a stale version with a conflict page, and withdraws', async () => {
    const { id } = await buildUpdate(ctx.database.db, {
      networkId: world.network.id,
      organisationId: world.owningOrganisation.id,
      title: 'Draft title',
      visibility: 'public',
    });
    const form = { ...validPost(), title: 'Edited title', version: '1' };
    assert.equal(
      (await postMultipart(agentFor('focalOther'), `/en/updates/${id}/edit`, form)).statusCode,
      403,
    );
    assert.equal(
      (await postMultipart(agentFor('secretariat'), `/en/updates/${id}/edit`, form)).statusCode,
      303,
    );
    const stale = await postMultipart(agentFor('focalOwn'), `/en/updates/${id}/edit`, {
      ...form,
      title: 'Mine',
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Someone changed this post in the meantime/);
    assert.match(stale.body, /value="Mine"/, 'the user’s values are kept');
    const withdrawn = await agentFor('focalOwn').postForm(`/en/updates/${id}/withdraw`, { version: '2' });
    assert.equal(withdrawn.statusCode, 303);
    assert.equal((await new Agent(ctx.app).get(`/en/updates/${id}`)).statusCode, 404, 'gone for the public');
    assert.equal(
      (await agentFor('focalOwn').get(`/en/updates/${id}`)).statusCode,
      200,
      'kept for its organisation',
    );
  });

  it('hides a members-only post from the public and from other networks (404, not 403)', async () => {
    const { id } = await buildUpdate(ctx.database.db, { networkId: world.otherNetwork.id });
    assert.equal((await new Agent(ctx.app).get(`/en/updates/${id}`)).statusCode, 404);
    assert.equal((await agentFor('member').get(`/en/updates/${id}`)).statusCode, 404);
    assert.equal((await agentFor('admin').get(`/en/updates/${id}`)).statusCode, 200);
  });
});

describe('/api/v1/updates', () => {
  it('creates, reads, updates and withdraws a post; refuses bad input with problem+json', async () => {
    const api = agentFor('focalOwn', true);
    const input = {
      networkId: world.network.id,
      category: 'events',
      language: 'pt',
      title: 'Oficina em Brasília',
      body: 'Inscrições abertas.',
      countries: ['BR'],
      links: [{ url: 'https://example.org/oficina', label: 'Programa' }],
      visibility: 'public',
    };
    const created = await api.json('POST', '/api/v1/updates', input);
    assert.equal(created.statusCode, 201, created.body);
    const { id } = created.json();
    const read = await new Agent(ctx.app).get(`/api/v1/updates/${id}`);
    assert.equal(
      read.json().organisationId,
      world.owningOrganisation.id,
      'a focal point posts for their organisation',
    );
    assert.equal(
      (await api.json('PUT', `/api/v1/updates/${id}`, { ...input, title: 'Oficina', version: 1 })).statusCode,
      200,
    );
    const stale = await api.json('PUT', `/api/v1/updates/${id}`, { ...input, version: 1 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().current.title, 'Oficina');
    const bad = await api.json('POST', '/api/v1/updates', {
      ...input,
      countries: ['XX'],
      links: [{ url: 'javascript:alert(1)', label: '' }],
    });
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers['content-type']), /problem\+json/);
    assert.deepEqual(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
      ['countries.0', 'links.0.url'],
    );
    assert.equal((await api.json('POST', `/api/v1/updates/${id}/withdraw`, { version: 2 })).statusCode, 200);
    const list = await new Agent(ctx.app).get('/api/v1/updates?category=events');
    assert.equal(list.json().total, 0);
  });
});
