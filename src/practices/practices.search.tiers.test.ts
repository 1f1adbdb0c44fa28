import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.ts';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../test/support/database.ts';
import { buildNetwork, buildOrganisation, buildPractice } from '../../test/support/factories.ts';
import type { PracticeContentInput } from './practices.schemas.ts';
import { CANDIDATE_LIMIT, searchPractices } from './practices.search.ts';

let database: DatabaseHandle;
const ids: Record<string, string> = {};
let organisationId = '';

/**
 * Practices whose words sit in different places: a title, a summary, only the description, a
 * title holding them apart, only a tag's label. Published in this order, so the later is newer.
 */
const CORPUS: Record<string, Partial<PracticeContentInput>> = {
  inTitle: {
    originalLanguage: 'en',
    title: { en: 'Seasonal worker schemes between neighbouring countries' },
    summary: { en: 'Bilateral agreements for harvest work.' },
    countries: ['MX'],
    gcmObjectives: ['5'],
  },
  inSummary: {
    originalLanguage: 'en',
    title: { en: 'Agreements on harvest work' },
    summary: { en: 'Schemes for the seasonal worker and the employers.' },
    countries: ['GT'],
    gcmObjectives: ['6'],
  },
  inDescription: {
    originalLanguage: 'en',
    title: { en: 'Consular assistance at the border' },
    summary: { en: 'Consulates help people in transit.' },
    description: {
      en: 'The consulates also advise the worker who is seasonal, and the employers of the region.',
    },
    countries: ['GT'],
    gcmObjectives: ['14'],
  },
  wordsApart: {
    originalLanguage: 'en',
    title: { en: 'Rights of the worker in the seasonal harvest' },
    summary: { en: 'Inspections on the farms.' },
    countries: ['MX'],
  },
  inTagOnly: {
    originalLanguage: 'fr',
    title: { fr: 'Accueil des nouveaux arrivants' },
    summary: { fr: 'Un guichet unique pour les démarches.' },
    countries: ['PH'],
  },
};

before(async () => {
  database = await testDatabase();
  await resetDatabase(database.db);
  const network = await buildNetwork(database.db, { slug: 'tiers-network' });
  organisationId = (await buildOrganisation(database.db)).id;
  for (const [key, content] of Object.entries(CORPUS)) {
    const built = await buildPractice(database.db, {
      organisationId,
      networkId: network.id,
      published: true,
      content: { summary: {}, ...content } as PracticeContentInput,
    });
    ids[key] = built.id;
  }
});
after(closeTestDatabase);

const found = async (params: Parameters<typeof searchPractices>[1]) =>
  (await searchPractices(database.db, params)).hits.map((hit) => hit.id);

describe('searchPractices, candidates in tiers', () => {
  it('ranks titles and summaries by relevance first, then the rest of the text, newest first', async () => {
    assert.deepEqual(await found({ q: 'seasonal worker' }), [
      ids.inTitle,
      ids.inSummary,
      ids.wordsApart,
      ids.inDescription,
    ]);
  });

  it('takes a phrase as a phrase in titles and summaries, and its words anywhere in the rest', async () => {
    // "seasonal worker" is one phrase of the thesaurus: apart in a title, it is a match of the second tier.
    assert.deepEqual(await found({ q: 'seasonal worker employers' }), [ids.inSummary, ids.inDescription]);
  });

  it('finds a practice through the label of its tag in any language, in none of its texts', async () => {
    assert.deepEqual(await found({ q: 'Philippines' }), [ids.inTagOnly]);
    assert.deepEqual(await found({ q: 'Filipinas' }), [ids.inTagOnly]);
  });

  it('filters with the facet keys: a network by its slug, an organisation by its id in either case', async () => {
    assert.equal((await searchPractices(database.db, { network: ['tiers-network'] })).total, 5);
    assert.equal((await searchPractices(database.db, { network: ['no-such-network'] })).total, 0);
    assert.equal(
      (await searchPractices(database.db, { organisation: [organisationId.toUpperCase()] })).total,
      5,
    );
    assert.deepEqual(await found({ q: 'seasonal worker', country: ['GT'] }), [
      ids.inSummary,
      ids.inDescription,
    ]);
    assert.deepEqual(await found({ q: 'seasonal worker', objective: ['14'] }), [ids.inDescription]);
  });

  it('counts the facets of every candidate, across the tiers', async () => {
    const result = await searchPractices(database.db, { q: 'seasonal worker' });
    assert.equal(result.total, 4);
    assert.equal(result.totalIsLowerBound, false);
    assert.deepEqual(result.facets.country, [
      { value: 'GT', count: 2 },
      { value: 'MX', count: 2 },
    ]);
    assert.deepEqual(
      result.facets.network.map((entry) => entry.count),
      [4],
    );
  });

  it('cuts the page from the tiers in their order, by relevance or by date', async () => {
    const second = await searchPractices(database.db, { q: 'seasonal worker', pageSize: 2, page: 2 });
    assert.deepEqual(
      second.hits.map((hit) => hit.id),
      [ids.wordsApart, ids.inDescription],
    );
    const byDate = await searchPractices(database.db, { q: 'seasonal worker', sort: 'date' });
    assert.deepEqual(
      byDate.hits.map((hit) => hit.id),
      [ids.wordsApart, ids.inDescription, ids.inSummary, ids.inTitle],
    );
  });

  it('shows everything, and says so, for a query of function words only', async () => {
    const result = await searchPractices(database.db, { q: 'the of and' });
    assert.equal(result.total, 5);
    assert.equal(result.notice, 'no-words');
  });

  it("runs inside a caller's transaction and leaves its planner settings as they were", async () => {
    await database.db.transaction().execute(async (tx) => {
      assert.equal((await searchPractices(tx, { q: 'seasonal worker' })).total, 4);
      const { rows } = await sql<{ seqscan: string; tuple: string }>`
        SELECT current_setting('enable_seqscan') AS seqscan, current_setting('cpu_tuple_cost') AS tuple`.execute(
        tx,
      );
      assert.deepEqual(rows[0], { seqscan: 'on', tuple: '0.01' });
    });
  });
});

describe('searchPractices past the candidate limit', () => {
  it('says "more than" the limit, and counts the facets of the candidates read', async () => {
    const network = await buildNetwork(database.db, { slug: 'many-network' });
    for (let n = 0; n <= CANDIDATE_LIMIT; n++)
      await buildPractice(database.db, {
        organisationId,
        networkId: network.id,
        published: true,
        content: { originalLanguage: 'en', title: { en: `Many shelters, number ${n}` }, summary: {} },
      });
    const result = await searchPractices(database.db, { q: 'shelters' });
    assert.equal(result.total, CANDIDATE_LIMIT);
    assert.equal(result.totalIsLowerBound, true);
    assert.equal(result.facets.network[0]?.count, CANDIDATE_LIMIT + 1);
    assert.equal(result.hits.length, 20);
  });
});
