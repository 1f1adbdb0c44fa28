import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../db/database.ts';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../test/support/database.ts';
import { buildNetwork, buildOrganisation, buildPractice } from '../../test/support/factories.ts';
import type { PracticeContentInput } from './practices.schemas.ts';
import { cleanQuery, searchPractices } from './practices.search.ts';

let database: DatabaseHandle;
const ids: Record<string, string> = {};

/** Five published practices, each written in one language only. */
const CORPUS: Record<string, Partial<PracticeContentInput>> = {
  traiteFr: {
    originalLanguage: 'fr',
    title: { fr: 'Identification des victimes de la traite des êtres humains aux frontières' },
    summary: { fr: 'Les Sociétés nationales forment les agents frontaliers à repérer les victimes.' },
    countries: ['FR', 'ES'],
    gcmObjectives: ['10'],
    periodStart: '2018-01-01',
  },
  reunificacaoPt: {
    originalLanguage: 'pt',
    title: { pt: 'Apoio à reunificação familiar de refugiados' },
    summary: {
      pt: 'Acompanhamento jurídico das famílias separadas durante o processo de reunificação familiar.',
    },
    countries: ['PT'],
    gcmObjectives: ['5'],
    periodStart: '2020-06-01',
  },
  temporerosEs: {
    originalLanguage: 'es',
    title: { es: 'Contratación ética de trabajadores migrantes temporales' },
    summary: { es: 'Un acuerdo bilateral de migración laboral con contratación ética y derechos laborales.' },
    countries: ['ES', 'MA'],
    gcmObjectives: ['6'],
    periodStart: '2021-02-01',
  },
  remittancesEn: {
    originalLanguage: 'en',
    title: { en: 'Lowering the cost of remittances through mobile transfers' },
    summary: { en: 'A diaspora programme with banks and mobile operators.' },
    countries: ['PH'],
    gcmObjectives: ['20'],
    periodStart: '2019-09-01',
  },
  returnEn: {
    originalLanguage: 'en',
    title: { en: 'Return and reintegration counselling for migrants in Central America' },
    summary: { en: 'Counselling before departure and reintegration support after return.' },
    countries: ['GT', 'HN'],
    gcmObjectives: ['21'],
    periodStart: '2022-01-01',
  },
};

before(async () => {
  database = await testDatabase();
  await resetDatabase(database.db);
  const network = await buildNetwork(database.db, { slug: 'search-network' });
  const organisation = await buildOrganisation(database.db);
  for (const [key, content] of Object.entries(CORPUS)) {
    const built = await buildPractice(database.db, {
      organisationId: organisation.id,
      networkId: network.id,
      published: true,
      content: { summary: {}, ...content } as PracticeContentInput,
    });
    ids[key] = built.id;
  }
});
after(closeTestDatabase);

const found = async (q: string, extra: Parameters<typeof searchPractices>[1] = {}) =>
  (await searchPractices(database.db, { q, ...extra })).hits.map((hit) => hit.id);

describe('searchPractices across languages', () => {
  it('finds a French practice for a Spanish query (es→fr: trata → traite)', async () => {
    assert.deepEqual(await found('trata de personas'), [ids.traiteFr]);
    assert.deepEqual(await found('trata'), [ids.traiteFr]);
  });

  it('finds a Portuguese practice for an English query (en→pt: family reunification)', async () => {
    assert.deepEqual(await found('family reunification'), [ids.reunificacaoPt]);
  });

  it('finds a Spanish practice for a French query (fr→es: migration de travail)', async () => {
    assert.ok((await found('recrutement éthique')).includes(ids.temporerosEs!));
  });

  it('finds a practice through the labels of its countries in another language (Philippines / Filipinas)', async () => {
    assert.deepEqual(await found('Filipinas'), [ids.remittancesEn]);
  });

  it('finds nothing for an unrelated query', async () => {
    assert.deepEqual(await found('photosynthèse des algues'), []);
    assert.deepEqual(await found('volcano'), []);
  });

  it('ignores accents and case in the query', async () => {
    assert.deepEqual(await found('REUNIFICACAO FAMILIAR'), [ids.reunificacaoPt]);
  });
});

describe('searchPractices, facets and filters', () => {
  it('counts every facet value over the matches', async () => {
    const result = await searchPractices(database.db, {});
    assert.equal(result.total, 5);
    assert.equal(result.totalIsLowerBound, false);
    const es = result.facets.country.find((entry) => entry.value === 'ES');
    assert.equal(es?.count, 2);
    assert.ok(
      result.facets.region.some((entry) => entry.value === '150' && entry.count === 3),
      'Europe',
    );
    assert.deepEqual(result.facets.language.map((entry) => entry.value).sort(), ['en', 'es', 'fr', 'pt']);
    assert.ok(result.facets.year.some((entry) => entry.value === '2018'));
  });

  it('combines filters: a facet narrows, two values of one facet widen, two facets narrow', async () => {
    assert.equal((await searchPractices(database.db, { country: ['ES'] })).total, 2);
    assert.equal((await searchPractices(database.db, { country: ['ES', 'PH'] })).total, 3);
    assert.equal((await searchPractices(database.db, { country: ['ES'], objective: ['6'] })).total, 1);
    assert.equal((await searchPractices(database.db, { q: 'trata', country: ['PH'] })).total, 0);
    assert.equal((await searchPractices(database.db, { region: ['419'] })).total, 1, 'Latin America');
    assert.equal((await searchPractices(database.db, { year: [2019] })).total, 1);
  });

  it('sorts by date on request and pages through the results', async () => {
    const byDate = await searchPractices(database.db, { sort: 'date', pageSize: 2, page: 1 });
    assert.equal(byDate.hits.length, 2);
    const second = await searchPractices(database.db, { sort: 'date', pageSize: 2, page: 3 });
    assert.equal(second.hits.length, 1);
  });

  it('ranks a title match above a summary match', async () => {
    const hits = await found('reintegration');
    assert.equal(hits[0], ids.returnEn);
  });
});

describe('searchPractices on bad input', () => {
  it('never errors on operators, quotes or a 10,000-character string', async () => {
    for (const q of [
      '!&|:*()<>\'"',
      'trata & | !',
      "'; DROP TABLE practices; --",
      'x'.repeat(10_000),
      '\u0000\u0001',
      '((((',
    ]) {
      const result = await searchPractices(database.db, { q });
      assert.ok(Array.isArray(result.hits));
    }
    const long = await searchPractices(database.db, { q: 'trata '.repeat(2000) });
    assert.equal(long.notice, 'truncated');
  });

  it('says so when a query holds only punctuation, and shows everything', async () => {
    const result = await searchPractices(database.db, { q: '!!! ???' });
    assert.equal(result.notice, 'no-words');
  });

  it('suggests a correction for a misspelt word ("did you mean")', async () => {
    const result = await searchPractices(database.db, { q: 'reintegartion' });
    assert.equal(result.total, 0);
    assert.equal(result.didYouMean, 'reintegration');
  });

  it('cleans a query: control characters out, length bounded', () => {
    assert.deepEqual(cleanQuery('  a\u0000b  '), { text: 'a b', truncated: false });
    assert.equal(cleanQuery('x'.repeat(500)).truncated, true);
    assert.deepEqual(cleanQuery('   '), { text: null, truncated: false });
  });
});
