import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { buildActors, buildNetwork, buildOrganisation, buildPractice } from '../../test/support/factories.ts';
import type { Db } from '../db/schema.ts';
import { makePublic } from './practices.commands.ts';
import { completenessOf } from './practices.content.ts';
import * as repo from './practices.repository.ts';
import type { PracticeContentInput } from './practices.schemas.ts';

let ctx: TestContext;
let db: Db;
let world: Awaited<ReturnType<typeof buildActors>>;
const ids: Record<string, string> = {};
let partner: { id: string };

type Who = 'public' | 'member' | 'focalOwn' | 'focalOther' | 'secretariat' | 'admin';
const LANGS = ['fr', 'es', 'en', 'pt'] as const;

function browser(who: Who): Agent {
  const agent = new Agent(ctx.app);
  const cookie = world.actors[who].sessionCookie;
  if (cookie) agent.cookies.set('puente_session', cookie);
  return agent;
}

function client(who: Who): Agent {
  const agent = new Agent(ctx.app);
  agent.bearer = world.actors[who].apiToken;
  return agent;
}

/** The corpus of the pages network: three published practices, each telling something to the pages. */
function corpus(partnerId: string): Record<string, Partial<PracticeContentInput>> {
  return {
    border: {
      originalLanguage: 'fr',
      title: {
        fr: 'Accueil des migrants à la frontière nord',
        en: 'Welcoming migrants at the northern border',
      },
      summary: {
        fr: 'Des volontaires accueillent les migrants qui arrivent à la frontière nord.',
        en: 'Volunteers welcome migrants arriving at the northern border.',
      },
      description: { fr: 'Une description seulement en français.' },
      countries: ['MX', 'GT'],
      gcmObjectives: ['10'],
      gcmPrinciples: ['human-rights'],
      thematicAreas: ['counter-trafficking'],
      migrationStages: ['transit'],
      targetGroups: ['children'],
      modality: 'bilateral',
      periodStart: '2019-03-01',
      periodEnd: '2021-06-30',
      actors: [{ organisationId: partnerId, role: 'partner' }],
      links: [{ url: 'https://example.org/report', label: 'Final report' }],
      notCommunicated: ['evaluation'],
    },
    remittances: {
      originalLanguage: 'es',
      title: { es: 'Remesas digitales para familias migrantes' },
      summary: { es: 'Transferencias móviles de bajo costo para las familias de migrantes.' },
      countries: ['MX'],
      gcmObjectives: ['20'],
      periodStart: '2021-01-01',
      ongoing: true,
    },
    hostile: {
      originalLanguage: 'en',
      title: { en: '<script>alert(1)</script> Hostile title </script>' },
      summary: { en: 'A summary with "quotes" & <b>tags</b>.' },
      countries: ['PE'],
    },
  };
}

before(async () => {
  ctx = await buildTestApp();
  db = ctx.database.db;
  await resetDatabase(db);
  world = await buildActors(db);
  const network = await buildNetwork(db, {
    slug: 'pages-network',
    name: { en: 'Pages Network', fr: 'Réseau Pages', es: 'Red Páginas', pt: 'Rede Páginas' },
  });
  const organisation = await buildOrganisation(db, {
    name: { en: 'Border Alliance', es: 'Alianza Fronteriza' },
  });
  partner = await buildOrganisation(db, { name: { en: 'Partner Society' } });
  for (const [key, content] of Object.entries(corpus(partner.id))) {
    ids[key] = (
      await buildPractice(db, {
        organisationId: organisation.id,
        networkId: network.id,
        published: true,
        content,
      })
    ).id;
  }
  const bulk = await buildNetwork(db, { slug: 'bulk-network', name: { en: 'Bulk Network' } });
  for (let n = 1; n <= 22; n++) {
    await buildPractice(db, {
      organisationId: organisation.id,
      networkId: bulk.id,
      published: true,
      content: { title: { en: `Bulk practice ${n}` }, gcmObjectives: ['3'] },
    });
  }
  const owner = { organisationId: world.owningOrganisation.id, networkId: world.network.id };
  ids.draft = (await buildPractice(db, { ...owner, content: { title: { en: 'A draft of the owners' } } })).id;
  ids.owned = (
    await buildPractice(db, {
      ...owner,
      published: true,
      content: { title: { en: 'Training border guards in first aid' } },
    })
  ).id;
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

const countOf = (body: string, pattern: RegExp) => body.match(new RegExp(pattern, 'g'))?.length ?? 0;

describe('GET /{lang}/practices', () => {
  it('shows the total and the facets with their counts, labelled in the page language', async () => {
    const page = await browser('public').get('/en/practices?network=pages-network');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h2 id="results">3 practices<\/h2>/);
    assert.match(page.body, /name="objective" value="10"/);
    assert.match(page.body, /Objective 10: [^<]+<span class="meta">\(1\)<\/span>/);
    assert.match(page.body, /Mexico <span class="meta">\(2\)<\/span>/);
    assert.match(page.body, /name="network" value="pages-network" checked/);
    assert.match(page.body, /Pages Network <span class="meta">\(3\)<\/span>/);
    assert.match(page.body, /Border Alliance <span class="meta">\(3\)<\/span>/);
    assert.match(page.body, /Spanish <span class="meta">\(1\)<\/span>/);
    const fr = await browser('public').get('/fr/practices?network=pages-network');
    assert.match(fr.body, /Mexique <span class="meta">\(2\)<\/span>/);
    assert.match(fr.body, /Réseau Pages/);
  });

  it('combines filters: values of one facet widen, facets narrow; each checked value stays checked', async () => {
    const either = await browser('public').get(
      '/en/practices?network=pages-network&objective=10&objective=20',
    );
    assert.match(either.body, /2 practices/);
    const both = await browser('public').get('/en/practices?network=pages-network&country=MX&objective=20');
    assert.match(both.body, /<h2 id="results">1 practice<\/h2>/);
    assert.match(both.body, /Remesas digitales/);
    assert.doesNotMatch(both.body, /northern border/);
    assert.match(both.body, /name="country" value="MX" checked/);
    assert.match(both.body, /name="objective" value="20" checked/);
    assert.match(both.body, /Remove the filter Countries: Mexico/);
    // Removing one filter keeps the others.
    assert.match(both.body, /href="\/en\/practices\?objective=20&amp;network=pages-network"/);
  });

  it('pages through results with links that keep the filters', async () => {
    const first = await browser('public').get('/en/practices?network=bulk-network&sort=date');
    assert.match(first.body, /22 practices/);
    assert.equal(countOf(first.body, /class="practice-result"/), 20);
    assert.match(first.body, /Page 1 of 2/);
    assert.match(
      first.body,
      /href="\/en\/practices\?network=bulk-network&amp;sort=date&amp;page=2" rel="next"/,
    );
    const second = await browser('public').get('/en/practices?network=bulk-network&sort=date&page=2');
    assert.equal(countOf(second.body, /class="practice-result"/), 2);
    assert.match(second.body, /href="\/en\/practices\?network=bulk-network&amp;sort=date" rel="prev"/);
    const beyond = await browser('public').get('/en/practices?network=bulk-network&page=9');
    assert.match(beyond.body, /This page is past the last one/);
  });

  it('highlights the matches of the snippet with <mark>, from the search’s control characters', async () => {
    const page = await browser('public').get('/en/practices?q=volunteers');
    assert.match(page.body, /<mark>Volunteers<\/mark> welcome migrants/);
    assert.ok(!page.body.includes('\u0002') && !page.body.includes('\u0003'));
  });

  it('escapes a hostile title and summary', async () => {
    const page = await browser('public').get('/en/practices?q=hostile');
    assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script> Hostile title/);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.doesNotMatch(page.body, /<b>tags/);
  });

  it('marks a title in another language with lang and “available in”', async () => {
    const page = await browser('public').get('/en/practices?network=pages-network&objective=20');
    assert.match(
      page.body,
      /<a href="\/en\/practices\/[0-9a-f-]+" lang="es">Remesas digitales para familias migrantes<\/a>/,
    );
    assert.match(page.body, /Available in Spanish/);
    assert.match(page.body, /<p class="practice-result__snippet" lang="es">/);
  });

  it('offers “did you mean” as a link when a misspelt query finds nothing', async () => {
    const page = await browser('public').get('/en/practices?q=remesaz');
    assert.match(page.body, /No practice matches this search/);
    assert.match(page.body, /Did you mean: <a href="\/en\/practices\?q=remesas">remesas<\/a>/);
  });

  it('says when the query was cut short, and when nothing matches suggests removing filters', async () => {
    const long = await browser('public').get(`/en/practices?q=${encodeURIComponent('migrants '.repeat(30))}`);
    assert.equal(long.statusCode, 200);
    assert.match(long.body, /only its first 200 characters were searched/);
    const none = await browser('public').get('/en/practices?q=zzzzqqqq&network=pages-network');
    assert.match(none.body, /No practice matches this search/);
    assert.match(none.body, /Try removing one or more filters/);
  });

  it('keeps the valid filters and names the bad ones instead of failing', async () => {
    const page = await browser('public').get('/en/practices?network=pages-network&year=abc&page=0');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /class="error-summary"/);
    assert.match(page.body, /3 practices/);
  });

  it('links to the exports and the feed with the same filters, and lets results be compared', async () => {
    const page = await browser('public').get('/en/practices?network=pages-network&country=MX');
    assert.match(page.body, /href="\/en\/practices\/export\.csv\?country=MX&amp;network=pages-network"/);
    assert.match(page.body, /href="\/en\/practices\/export\.json\?country=MX&amp;network=pages-network"/);
    assert.match(page.body, /href="\/en\/practices\/feed\.atom\?country=MX&amp;network=pages-network"/);
    assert.match(page.body, /<form method="get" action="\/en\/practices\/compare"/);
    assert.match(page.body, new RegExp(`name="id" value="${ids.remittances}"`));
  });

  it('does not list drafts', async () => {
    const page = await browser('public').get('/en/practices?q=draft+owners');
    assert.doesNotMatch(page.body, /A draft of the owners/);
  });

  it('renders in fr, es, en and pt', async () => {
    for (const lang of LANGS) {
      const page = await browser('public').get(`/${lang}/practices`);
      assert.equal(page.statusCode, 200, lang);
      assert.match(page.body, new RegExp(`<html lang="${lang}"`));
    }
  });
});

describe('GET /{lang}/practices/:id', () => {
  it('says what the caller just did (?notice=published) and ignores an unknown notice', async () => {
    const done = await browser('public').get(`/en/practices/${ids.border}?notice=published`);
    assert.match(done.body, /The practice is published: anyone can read and find it\./);
    const unknown = await browser('public').get(`/en/practices/${ids.border}?notice=%3Cscript%3E`);
    assert.equal(unknown.statusCode, 200);
    assert.doesNotMatch(unknown.body, /<script>/);
  });

  it('shows the practice in the page language, falling back visibly to the original', async () => {
    const en = await browser('public').get(`/en/practices/${ids.border}`);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<span id="practice-title">Welcoming migrants at the northern border<\/span>/);
    assert.match(en.body, /Available in French/);
    assert.match(
      en.body,
      /<div class="practice-text" lang="fr"><p>Une description seulement en français\.<\/p>/,
    );
    assert.match(en.body, /Original language<\/dt><dd>French<\/dd>/);
    const es = await browser('public').get(`/es/practices/${ids.border}`);
    assert.match(
      es.body,
      /<span id="practice-title"><span lang="fr">Accueil des migrants à la frontière nord<\/span>/,
    );
    assert.match(es.body, /Disponible en francés/);
  });

  it('shows the structure of the practice: codes, period, actors, links, principles of GCM', async () => {
    const page = await browser('public').get(`/en/practices/${ids.border}`);
    assert.match(page.body, /Objective 10: /);
    assert.match(page.body, /Mexico, Guatemala/);
    assert.match(page.body, /1 March 2019 – 30 June 2021/);
    assert.match(page.body, /Bilateral/);
    assert.match(
      page.body,
      new RegExp(`href="/en/organisations/${partner.id}">Partner Society</a> — Partner`),
    );
    assert.match(
      page.body,
      /<a href="https:\/\/example\.org\/report" rel="noopener noreferrer">Final report<\/a>/,
    );
    assert.match(page.body, /French: original language/);
    assert.match(page.body, /English: partly translated/);
    assert.match(page.body, /Completeness<\/dt><dd>\d+%<\/dd>/);
    const ongoing = await browser('public').get(`/en/practices/${ids.remittances}`);
    assert.match(ongoing.body, /Since 1 January 2021 \(ongoing\)/);
  });

  it('says “information not communicated” for a marked field and leaves out empty ones', async () => {
    const page = await browser('public').get(`/en/practices/${ids.border}`);
    assert.match(
      page.body,
      /<h2 id="section-evaluation">Evaluation<\/h2><p><em class="not-communicated">Information not communicated<\/em>/,
    );
    assert.doesNotMatch(page.body, /id="section-challenges"/);
  });

  it('carries schema.org JSON-LD that no text can break out of', async () => {
    const page = await browser('public').get(`/en/practices/${ids.border}`);
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.body)?.[1];
    assert.ok(json, 'a JSON-LD script');
    const data = JSON.parse(json);
    assert.equal(data['@type'], 'CreativeWork');
    assert.equal(data.name, 'Welcoming migrants at the northern border');
    assert.deepEqual(
      data.spatialCoverage.map((place: { identifier: string }) => place.identifier),
      ['MX', 'GT'],
    );
    assert.equal(data.isPartOf.name, 'Pages Network');
    assert.equal(data.author.name, 'Border Alliance');
    assert.match(data.url, new RegExp(`/en/practices/${ids.border}$`));
    const hostile = await browser('public').get(`/en/practices/${ids.hostile}`);
    const script = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(hostile.body)?.[1] ?? '';
    assert.doesNotMatch(script, /</);
    assert.match(JSON.parse(script).name, /<script>alert\(1\)<\/script>/);
    assert.match(hostile.body, /&lt;script>alert\(1\)&lt;\/script> Hostile title/);
  });

  it('answers the 404 page for an unknown, a malformed or a hidden practice', async () => {
    for (const url of [
      `/en/practices/${crypto.randomUUID()}`,
      '/en/practices/not-a-uuid',
      `/fr/practices/${ids.draft}`,
    ]) {
      const page = await browser('public').get(url);
      assert.equal(page.statusCode, 404, url);
      assert.match(page.headers['content-type'] as string, /text\/html/);
    }
    assert.equal((await browser('focalOther').get(`/en/practices/${ids.draft}`)).statusCode, 404);
  });

  it('shows a draft to its authors, marked as such, with the step to submit it', async () => {
    const page = await browser('focalOwn').get(`/en/practices/${ids.draft}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /You are seeing working version 1 \(Draft\)/);
    assert.doesNotMatch(page.body, /application\/ld\+json/);
    assert.match(page.body, new RegExp(`<form method="post" action="/en/practices/${ids.draft}/submit"`));
    assert.match(
      page.body,
      /<input type="hidden" name="_csrf" value="[^"]+"\/><input type="hidden" name="version" value="\d+"\/>/,
    );
    assert.match(page.body, new RegExp(`href="/en/practices/${ids.draft}/edit"`));
  });

  it('offers each caller only the steps they may take', async () => {
    const url = `/en/practices/${ids.owned}`;
    const anonymous = await browser('public').get(url);
    assert.doesNotMatch(anonymous.body, /section-actions/);
    assert.doesNotMatch(anonymous.body, /\/translate\//);
    const secretariat = await browser('secretariat').get(url);
    assert.match(secretariat.body, new RegExp(`action="/en/practices/${ids.owned}/archive"`));
    assert.match(secretariat.body, new RegExp(`href="/en/practices/${ids.owned}/withdraw"`));
    const member = await browser('member').get(url);
    assert.doesNotMatch(member.body, /\/archive"/);
    assert.match(member.body, new RegExp(`href="/en/practices/${ids.owned}/translate/es"`));
  });

  it('lists the public steps of its history to everyone, without names', async () => {
    const page = await browser('public').get(`/en/practices/${ids.owned}`);
    assert.match(page.body, /<th scope="col">Step<\/th>/);
    assert.match(page.body, /<td>Published<\/td>/);
    assert.doesNotMatch(page.body, /<th scope="col">By<\/th>/);
  });

  it('renders in fr, es, en and pt', async () => {
    for (const lang of LANGS) {
      const page = await browser('public').get(`/${lang}/practices/${ids.border}`);
      assert.equal(page.statusCode, 200, lang);
      assert.match(page.body, new RegExp(`<html lang="${lang}"`));
    }
  });
});

/** A second published version: the first one's content, changed, made public as the factory does. */
async function publishChange(id: string, change: (content: repo.VersionRow['content']) => void) {
  const practice = (await repo.findPractice(db, id))!;
  const current = (await repo.findVersion(db, practice.publishedVersionId!))!;
  const content = structuredClone(current.content);
  change(content);
  const versionId = await repo.insertVersionRow(db, {
    practiceId: id,
    number: await repo.nextVersionNumber(db, id),
    state: 'draft',
    content,
    completeness: completenessOf(content),
    createdBy: null,
  });
  await makePublic(db, (await repo.findPractice(db, id))!, (await repo.findVersion(db, versionId))!, null);
}

describe('GET /{lang}/practices/:id/history and /diff', () => {
  let id: string;
  before(async () => {
    id = (
      await buildPractice(db, {
        organisationId: world.owningOrganisation.id,
        networkId: world.network.id,
        published: true,
        content: { title: { en: 'Training border guards in first aid' }, countries: ['MX'] },
      })
    ).id;
    await publishChange(id, (content) => {
      content.title.en = 'Training border volunteers in first aid';
      content.countries = ['MX', 'GT'];
    });
    // A third version, a draft of its authors.
    const document = (await client('focalOwn').get(`/api/v1/practices/${id}`)).json() as { version: number };
    const saved = await client('focalOwn').json('PUT', `/api/v1/practices/${id}`, {
      originalLanguage: 'en',
      title: { en: 'Training border volunteers in first aid, revised' },
      version: document.version,
    });
    assert.equal(saved.statusCode, 200, saved.body);
  });

  it('lists the published versions to the public and the drafts to those who manage it', async () => {
    const anonymous = await browser('public').get(`/en/practices/${id}/history`);
    assert.equal(anonymous.statusCode, 200);
    const rows = (body: string) => countOf(body.split('<tbody>')[1]?.split('</tbody>')[0] ?? '', /<tr>/);
    assert.equal(rows(anonymous.body), 2);
    assert.doesNotMatch(anonymous.body, /<td>Draft<\/td>/);
    assert.match(anonymous.body, new RegExp(`<form method="get" action="/en/practices/${id}/diff"`));
    const owner = await browser('focalOwn').get(`/en/practices/${id}/history`);
    assert.equal(rows(owner.body), 3);
    assert.match(owner.body, /<td>Draft<\/td>/);
  });

  it('shows removed words in <del> and added ones in <ins>, and list changes as labels', async () => {
    const page = await browser('public').get(`/en/practices/${id}/diff?from=1&to=2`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Changes from version 1 to version 2/);
    assert.match(
      page.body,
      /<p class="diff-text" lang="en">Training border <del>guards<\/del><ins>volunteers<\/ins> in first aid<\/p>/,
    );
    assert.match(page.body, /Added<\/dt><dd><ul class="plain-list"><li><ins>Guatemala<\/ins>/);
    const es = await browser('public').get(`/es/practices/${id}/diff?from=1&to=2`);
    assert.match(es.body, /<ins>Guatemala<\/ins>/);
  });

  it('hides a draft version from the public, and answers 404 or the history for bad numbers', async () => {
    assert.equal((await browser('public').get(`/en/practices/${id}/diff?from=2&to=3`)).statusCode, 404);
    assert.equal((await browser('focalOwn').get(`/en/practices/${id}/diff?from=2&to=3`)).statusCode, 200);
    assert.equal((await browser('public').get(`/en/practices/${id}/diff?from=1&to=99`)).statusCode, 404);
    const bad = await browser('public').get(`/en/practices/${id}/diff?from=abc&to=-1`);
    assert.equal(bad.statusCode, 303);
    assert.equal(bad.headers.location, `/en/practices/${id}/history`);
    assert.equal(
      (await browser('public').get(`/en/practices/${crypto.randomUUID()}/history`)).statusCode,
      404,
    );
    assert.equal((await browser('public').get(`/en/practices/${ids.draft}/history`)).statusCode, 404);
  });

  it('renders in fr, es, en and pt', async () => {
    for (const lang of LANGS) {
      for (const path of ['history', 'diff?from=1&to=2']) {
        const page = await browser('public').get(`/${lang}/practices/${id}/${path}`);
        assert.equal(page.statusCode, 200, `${lang} ${path}`);
      }
    }
  });
});

describe('GET /{lang}/practices/compare', () => {
  it('puts two practices side by side, a row per field and a column per practice', async () => {
    const page = await browser('public').get(`/en/practices/compare?id=${ids.border}&id=${ids.remittances}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<caption>2 practices side by side, field by field<\/caption>/);
    assert.equal(countOf(page.body, /<th scope="col"><a href="\/en\/practices\//), 2);
    assert.match(page.body, /<th scope="row">Countries<\/th><td>Mexico, Guatemala<\/td><td>Mexico<\/td>/);
    assert.match(page.body, /<th scope="row">Evaluation<\/th>|<th scope="row">Results<\/th>/);
    assert.match(page.body, /<em class="not-communicated">Information not communicated<\/em>|—/);
  });

  it('asks for at least two practices when given one, and says which could not be found', async () => {
    const one = await browser('public').get(`/en/practices/compare?id=${ids.border}`);
    assert.equal(one.statusCode, 200);
    assert.match(one.body, /Choose at least two published practices to compare: only one was chosen/);
    assert.doesNotMatch(one.body, /<table>/);
    const hidden = await browser('public').get(
      `/en/practices/compare?id=${ids.border}&id=${ids.draft}&id=junk`,
    );
    assert.match(hidden.body, /2 chosen practices cannot be found or are not published/);
    const none = await browser('public').get('/en/practices/compare');
    assert.match(none.body, /none was chosen/);
  });

  it('refuses more than four practices with a message, not an error', async () => {
    const many = Array.from({ length: 5 }, () => `id=${crypto.randomUUID()}`).join('&');
    const page = await browser('public').get(`/en/practices/compare?${many}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /At most four practices can be compared at once/);
    const tooMany = Array.from({ length: 25 }, () => `id=${crypto.randomUUID()}`).join('&');
    assert.equal((await browser('public').get(`/en/practices/compare?${tooMany}`)).statusCode, 200);
  });

  it('renders in fr, es, en and pt', async () => {
    for (const lang of LANGS) {
      const page = await browser('public').get(
        `/${lang}/practices/compare?id=${ids.border}&id=${ids.hostile}`,
      );
      assert.equal(page.statusCode, 200, lang);
      assert.doesNotMatch(page.body, /<script>alert/);
    }
  });
});
