import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { translator } from '../web/i18n.ts';
import { evaluate, loadLabelledSet } from './matching.labelled.ts';
import {
  COMPONENTS,
  DEFAULT_WEIGHTS,
  EMPTY_CONTEXT,
  type MatchableItem,
  type MatchingWeights,
  explainMatch,
  maxScore,
  pairKey,
  scoreMatch,
  validateWeights,
} from './matching.ts';

/** A demand or an offer that shares nothing with anything, but what a test gives it. */
function item(overrides: Partial<MatchableItem> = {}): MatchableItem {
  return {
    organisationId: 'org-a',
    title: {},
    description: {},
    kind: 'funding',
    thematicAreas: [],
    gcmObjectives: [],
    countries: [],
    regions: [],
    workingLanguages: [],
    startsOn: null,
    endsOn: null,
    ...overrides,
  };
}

/** Only one component weighs: the others are 0, so the score is that component's alone. */
function only(component: (typeof COMPONENTS)[number], weight = 10): MatchingWeights {
  const weights = Object.fromEntries(COMPONENTS.map((c) => [c, 0])) as MatchingWeights;
  weights[component] = weight;
  return weights;
}

const en = translator('en');
const es = translator('es');

describe('scoreMatch, each component alone', () => {
  it('shared thematic areas score in proportion to the areas the demand asks for', () => {
    const demand = item({ thematicAreas: ['counter-trafficking', 'labour-migration'] });
    const offer = item({ organisationId: 'org-b', thematicAreas: ['labour-migration', 'resettlement'] });
    const { score, parts } = scoreMatch(demand, offer, EMPTY_CONTEXT, only('areas'));
    assert.equal(score, 5);
    assert.deepEqual(parts, [
      { component: 'areas', points: 5, values: { count: 1, codes: 'labour-migration' } },
    ]);
  });

  it('shared GCM objectives score in proportion to the demand’s objectives', () => {
    const demand = item({ gcmObjectives: ['10', '11', '21', '23'] });
    const offer = item({ organisationId: 'org-b', gcmObjectives: ['10', '21'] });
    assert.equal(scoreMatch(demand, offer, EMPTY_CONTEXT, only('objectives')).score, 5);
  });

  it('an offer covers a country it names, or one inside a region it names (M49)', () => {
    const demand = item({ countries: ['GT', 'HN', 'FR'] });
    const byRegion = item({ organisationId: 'org-b', regions: ['013'] }); // Central America
    const byCountry = item({ organisationId: 'org-b', countries: ['FR'] });
    const byContinent = item({ organisationId: 'org-b', regions: ['019'] }); // the Americas
    assert.equal(scoreMatch(demand, byRegion, EMPTY_CONTEXT, only('geography', 3)).score, 2);
    assert.equal(scoreMatch(demand, byCountry, EMPTY_CONTEXT, only('geography', 3)).score, 1);
    assert.equal(scoreMatch(demand, byContinent, EMPTY_CONTEXT, only('geography', 3)).score, 2);
    const regionAsked = item({ regions: ['013'] });
    assert.equal(scoreMatch(regionAsked, byContinent, EMPTY_CONTEXT, only('geography')).score, 10);
    assert.equal(scoreMatch(regionAsked, byCountry, EMPTY_CONTEXT, only('geography')).score, 0);
  });

  it('one working language in common is enough', () => {
    const demand = item({ workingLanguages: ['es', 'pt'] });
    assert.equal(
      scoreMatch(demand, item({ workingLanguages: ['en', 'pt'] }), EMPTY_CONTEXT, only('language')).score,
      10,
    );
    assert.equal(
      scoreMatch(demand, item({ workingLanguages: ['fr'] }), EMPTY_CONTEXT, only('language')).score,
      0,
    );
  });

  it('the kind of cooperation scores when it is the one asked for', () => {
    const demand = item({ kind: 'training' });
    assert.equal(scoreMatch(demand, item({ kind: 'training' }), EMPTY_CONTEXT, only('kind')).score, 10);
    assert.equal(scoreMatch(demand, item({ kind: 'funding' }), EMPTY_CONTEXT, only('kind')).score, 0);
  });

  it('periods score when they overlap, an open end being open', () => {
    const demand = item({ startsOn: '2026-03-01', endsOn: '2026-12-31' });
    const overlapping = item({ startsOn: '2026-10-01', endsOn: null });
    const before = item({ startsOn: '2025-01-01', endsOn: '2026-02-28' });
    const undated = item();
    const overlap = scoreMatch(demand, overlapping, EMPTY_CONTEXT, only('period'));
    assert.deepEqual(overlap.parts[0]?.values, { from: '2026-10-01', to: '2026-12-31' });
    assert.equal(scoreMatch(demand, before, EMPTY_CONTEXT, only('period')).score, 0);
    assert.equal(scoreMatch(demand, undated, EMPTY_CONTEXT, only('period')).score, 0);
  });

  it('text similarity works across languages: a Spanish "trata" demand meets an English "trafficking" offer', () => {
    const demand = item({
      title: { es: 'Atención a víctimas de trata de personas' },
      description: { es: 'Capacitación para identificar y derivar a víctimas de trata.' },
    });
    const trafficking = item({ title: { en: 'Assistance to victims of human trafficking' } });
    const remittances = item({ title: { en: 'Lowering the cost of remittances' } });
    const related = scoreMatch(demand, trafficking, EMPTY_CONTEXT, only('text'));
    const unrelated = scoreMatch(demand, remittances, EMPTY_CONTEXT, only('text'));
    assert.ok(related.score >= 5, `trata × trafficking scored ${related.score}`);
    assert.equal(unrelated.score, 0);
    assert.match(String(related.parts[0]?.values.terms_en), /trafficking/);
    assert.match(String(related.parts[0]?.values.terms_es), /trata/);
  });

  it('earlier cooperation between the two organisations scores, by a record or an agreement', () => {
    const demand = item({ organisationId: 'org-a' });
    const offer = item({ organisationId: 'org-b' });
    const context = { earlierCooperation: new Map([[pairKey('org-b', 'org-a'), 'record' as const]]) };
    assert.equal(scoreMatch(demand, offer, context, only('history')).score, 10);
    assert.equal(scoreMatch(demand, offer, EMPTY_CONTEXT, only('history')).score, 0);
  });

  it('the score is the sum of the parts, at most the sum of the weights', () => {
    const set = loadLabelledSet();
    const offers = new Map(set.offers.map((offer) => [offer.id, offer]));
    for (const demand of set.demands)
      for (const id of demand.relevant) {
        const { score, parts } = scoreMatch(demand, offers.get(id)!, EMPTY_CONTEXT);
        const sum = Math.round(parts.reduce((total, part) => total + part.points, 0) * 100) / 100;
        assert.equal(score, sum);
        assert.ok(score <= maxScore(DEFAULT_WEIGHTS));
      }
  });
});

describe('weights', () => {
  it('tuning the weights changes the order', () => {
    const demand = item({ thematicAreas: ['counter-trafficking'], workingLanguages: ['fr'] });
    const sameArea = item({ organisationId: 'b', thematicAreas: ['counter-trafficking'] });
    const sameLanguage = item({ organisationId: 'c', workingLanguages: ['fr'] });
    const order = (weights: MatchingWeights) =>
      [
        { name: 'area', ...scoreMatch(demand, sameArea, EMPTY_CONTEXT, weights) },
        { name: 'language', ...scoreMatch(demand, sameLanguage, EMPTY_CONTEXT, weights) },
      ]
        .sort((a, b) => b.score - a.score)
        .map((entry) => entry.name);
    assert.deepEqual(order(DEFAULT_WEIGHTS), ['area', 'language']);
    assert.deepEqual(order({ ...DEFAULT_WEIGHTS, language: 8 }), ['language', 'area']);
  });

  it('a component weighted 0 leaves no part', () => {
    const demand = item({ kind: 'training' });
    const { parts } = scoreMatch(demand, item({ kind: 'training' }), EMPTY_CONTEXT, {
      ...DEFAULT_WEIGHTS,
      kind: 0,
    });
    assert.deepEqual(parts, []);
  });

  it('accepts numbers from 0 to 10, as numbers or as a form’s texts, and keeps defaults for the rest', () => {
    const result = validateWeights({ areas: '7,5', text: 0, history: 10 }, en);
    assert.ok(result.ok);
    assert.deepEqual(result.value, { ...DEFAULT_WEIGHTS, areas: 7.5, text: 0, history: 10 });
  });

  it('refuses a weight out of range or not a number, naming the field, in the caller’s language', () => {
    const result = validateWeights({ areas: 11, kind: -1, text: 'much', period: '' }, es);
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => e.field),
      ['areas', 'kind', 'text', 'period'],
    );
    assert.equal(result.errors[0]!.message, 'Áreas temáticas: indique un número de 0 a 10.');
  });

  it('refuses an unknown component with a message naming it', () => {
    const result = validateWeights({ areas: 3, popularity: 2 }, en);
    assert.ok(!result.ok);
    assert.equal(result.errors[0]!.field, 'popularity');
    assert.match(result.errors[0]!.message, /Unknown component: “popularity”/);
  });
});

describe('explainMatch: why, in words', () => {
  const demand = item({
    organisationId: 'org-a',
    kind: 'training',
    thematicAreas: ['counter-trafficking', 'labour-migration'],
    gcmObjectives: ['10'],
    countries: ['GT'],
    workingLanguages: ['es'],
    startsOn: '2026-03-01',
    endsOn: '2026-12-31',
    title: { es: 'Identificación de víctimas de trata de personas' },
  });
  const offer = item({
    organisationId: 'org-b',
    kind: 'training',
    thematicAreas: ['counter-trafficking', 'labour-migration'],
    gcmObjectives: ['10', '11'],
    regions: ['013'],
    workingLanguages: ['es', 'en'],
    startsOn: '2026-01-01',
    endsOn: '2027-06-30',
    title: { en: 'Identifying victims of human trafficking' },
  });
  const context = { earlierCooperation: new Map([[pairKey('org-a', 'org-b'), 'agreement' as const]]) };
  const { parts } = scoreMatch(demand, offer, context);

  it('says each reason in English, with plurals and the reference labels', () => {
    const words = explainMatch(parts, en);
    assert.match(words, /shares 2 thematic areas: Counter-trafficking, Labour migration/);
    assert.match(words, /shares 1 GCM objective: objective 10/);
    assert.match(words, /the offer covers Guatemala/);
    assert.match(words, /both work in Spanish/);
    assert.match(words, /the offer is the kind asked for: Training/);
    assert.match(words, /their periods overlap from Mar 1, 2026 to Dec 31, 2026/);
    assert.match(words, /texts \d+% alike: .*trafficking/);
    assert.match(words, /cooperated before \(a match that reached an agreement\)/);
  });

  it('says the same in Spanish', () => {
    const words = explainMatch(parts, es);
    assert.match(words, /comparte 2 áreas temáticas: Lucha contra la trata/);
    assert.match(words, /comparte 1 objetivo del Pacto Mundial: objetivo 10/);
    assert.match(words, /la oferta cubre Guatemala/);
    assert.match(words, /ambas trabajan en español/);
    assert.match(words, /textos parecidos en un \d+ %: .*trata/);
  });

  it('says "nothing in common" when nothing scores', () => {
    assert.equal(explainMatch([], en), 'nothing in common');
  });
});

describe('the labelled set', () => {
  const set = loadLabelledSet();

  it('holds at least 50 labelled demand–offer pairs, several candidates per demand, in four languages', () => {
    const evaluation = evaluate(set);
    assert.ok(evaluation.pairs >= 50, `${evaluation.pairs} pairs`);
    for (const demand of set.demands) assert.ok(demand.relevant.length + demand.notRelevant.length >= 4);
    const languages = new Set([...set.demands, ...set.offers].flatMap((entry) => Object.keys(entry.title)));
    assert.deepEqual([...languages].sort(), ['en', 'es', 'fr', 'pt']);
  });

  it('never pairs an organisation with itself', () => {
    const offers = new Map(set.offers.map((offer) => [offer.id, offer]));
    for (const demand of set.demands)
      for (const id of [...demand.relevant, ...demand.notRelevant])
        assert.notEqual(demand.organisationId, offers.get(id)!.organisationId, `${id}`);
  });

  it('ranks relevant offers in the top three: precision@3 with the default weights stays above its measured floor', () => {
    const evaluation = evaluate(set);
    // Measured 0.622 (ceiling 0.644: each demand has two relevant offers, one has a single one).
    assert.ok(evaluation.precisionAt3 >= 0.6, `precision@3 ${evaluation.precisionAt3.toFixed(3)}`);
  });

  it('needs text similarity: without it precision@3 falls', () => {
    const withText = evaluate(set).precisionAt3;
    const withoutText = evaluate(set, { ...DEFAULT_WEIGHTS, text: 0 }).precisionAt3;
    assert.ok(withoutText < withText, `${withoutText} vs ${withText}`);
  });
});
