import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import thesaurus from './thesaurus/thesaurus.json' with { type: 'json' };
import {
  GENERIC_WORDS,
  THESAURUS_SIZE,
  expandQuery,
  normaliseForMatching,
  type Expansion,
  type ThesaurusConcept,
} from './practices.thesaurus.ts';

const LANGS = ['fr', 'es', 'en', 'pt'] as const;
const CONCEPTS: readonly ThesaurusConcept[] = thesaurus;

/** The equivalents of the one unit a query must give, normalised. */
function equivalentsOf(query: string, options?: { maxEquivalents?: number }): Expansion['equivalents'] {
  const units = expandQuery(query, options);
  assert.equal(units.length, 1, `"${query}" gives one unit: ${JSON.stringify(units)}`);
  return (units[0] as Expansion).equivalents.map(({ lang, phrase }) => ({
    lang,
    phrase: normaliseForMatching(phrase),
  }));
}

function hasEquivalent(equivalents: Expansion['equivalents'], lang: string, pattern: RegExp): boolean {
  return equivalents.some((equivalent) => equivalent.lang === lang && pattern.test(equivalent.phrase));
}

describe('thesaurus.json', () => {
  it('has at least 300 concepts, which THESAURUS_SIZE counts', () => {
    assert.ok(CONCEPTS.length >= 300, `${CONCEPTS.length} concepts`);
    assert.equal(THESAURUS_SIZE, CONCEPTS.length);
  });

  it('gives each concept a unique kebab-case id', () => {
    const ids = CONCEPTS.map((concept) => concept.id);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.equal(new Set(ids).size, ids.length, 'no id twice');
  });

  it('names each concept in fr, es, en and pt, with no term twice within a language', () => {
    for (const concept of CONCEPTS) {
      assert.deepEqual(Object.keys(concept.terms).sort(), [...LANGS].sort(), concept.id);
      for (const lang of LANGS) {
        const terms = concept.terms[lang];
        assert.ok(terms.length >= 1, `${concept.id} has a ${lang} term`);
        for (const term of terms) assert.equal(term, term.trim(), `${concept.id}: "${term}" is trimmed`);
        const normalised = terms.map(normaliseForMatching);
        assert.ok(!normalised.includes(''), `${concept.id} ${lang}: no empty term`);
        assert.equal(new Set(normalised).size, normalised.length, `${concept.id} ${lang}: a term twice`);
      }
    }
  });

  it('takes every source from SOURCES.md', () => {
    const sources = readFileSync(new URL('./thesaurus/SOURCES.md', import.meta.url), 'utf8');
    const keys = new Set([...sources.matchAll(/^\| `([a-z0-9-]+)` +\|/gm)].map((match) => match[1]));
    assert.ok(keys.size >= 6, 'SOURCES.md lists its keys in a table');
    for (const concept of CONCEPTS) assert.ok(keys.has(concept.source), `${concept.id}: ${concept.source}`);
  });

  it('has no single-word term that is a generic word', () => {
    for (const concept of CONCEPTS) {
      for (const lang of LANGS) {
        for (const term of concept.terms[lang]) {
          assert.ok(!GENERIC_WORDS.has(normaliseForMatching(term)), `${concept.id}: "${term}" is generic`);
        }
      }
    }
  });
});

describe('normaliseForMatching', () => {
  it('lower-cases, removes accents, turns punctuation into single spaces', () => {
    assert.equal(normaliseForMatching('  Tráfico  de PESSOAS! '), 'trafico de pessoas');
    assert.equal(normaliseForMatching("Main-d'œuvre, Côte-d'Ivoire"), 'main d oeuvre cote d ivoire');
    assert.equal(normaliseForMatching('South–South'), 'south south');
    assert.equal(normaliseForMatching('!&|:*()<>\'"'), '');
  });
});

describe('expandQuery', () => {
  it('expands "trata" (es) to trafficking in fr, en and pt', () => {
    const equivalents = equivalentsOf('trata');
    assert.ok(hasEquivalent(equivalents, 'fr', /^traite des (etres humains|personnes)$/));
    assert.ok(hasEquivalent(equivalents, 'en', /trafficking/));
    assert.ok(hasEquivalent(equivalents, 'pt', /^trafico de (pessoas|seres humanos)$/));
  });

  it('finds the seasonal worker concept from "travailleurs migrants saisonniers" (fr, plural)', () => {
    const [unit, ...rest] = expandQuery('travailleurs migrants saisonniers');
    assert.equal(rest.length, 0, 'the three words are one unit');
    assert.equal(unit?.text, 'travailleurs migrants saisonniers');
    assert.ok(unit?.equivalents.some(({ lang, phrase }) => lang === 'en' && /^seasonal worker/.test(phrase)));
  });

  it('expands "refugee" (en) to "réfugié" and "refugiado"', () => {
    const equivalents = equivalentsOf('refugee');
    assert.ok(hasEquivalent(equivalents, 'fr', /^refugie$/));
    assert.ok(equivalents.some(({ phrase }) => phrase === 'refugiado'));
  });

  it('expands "reunificación familiar" (es) to "regroupement familial" (fr)', () => {
    assert.ok(hasEquivalent(equivalentsOf('reunificación familiar'), 'fr', /^regroupement familial$/));
  });

  it('lets the longest known phrase win over its words', () => {
    const units = expandQuery('retorno voluntario asistido México');
    assert.deepEqual(
      units.map((unit) => unit.text),
      ['retorno voluntario asistido', 'mexico'],
    );
    assert.ok(units[0]?.equivalents.some(({ phrase }) => phrase === 'assisted voluntary return'));
    assert.ok(!units[0]?.equivalents.some(({ phrase }) => phrase === 'return'), 'not the single word');
  });

  it('keeps function words inside a phrase and leaves them out elsewhere', () => {
    assert.deepEqual(
      expandQuery('la trata de personas y el asilo').map((unit) => unit.text),
      ['trata de personas', 'asilo'],
    );
    assert.deepEqual(expandQuery('de la the of'), []);
  });

  it('ignores case and accents', () => {
    const expected = equivalentsOf('trata de personas');
    assert.deepEqual(equivalentsOf('TRATA DE PERSONAS'), expected);
    assert.deepEqual(
      equivalentsOf('Tráfico ilícito de migrantes'),
      equivalentsOf('trafico ilicito de migrantes'),
    );
  });

  it('matches whole words only: "tratamiento" is not "trata"', () => {
    assert.deepEqual(expandQuery('tratamiento'), [{ text: 'tratamiento', equivalents: [] }]);
  });

  it('gives an unknown word no equivalents', () => {
    assert.deepEqual(expandQuery('photosynthesis'), [{ text: 'photosynthesis', equivalents: [] }]);
  });

  it('does not expand a generic word alone', () => {
    assert.deepEqual(expandQuery('Migrantes'), [{ text: 'migrantes', equivalents: [] }]);
  });

  it('expands a country name through the reference vocabulary', () => {
    assert.ok(equivalentsOf('Mexique').some(({ phrase }) => phrase === 'mexico'));
    const brazil = equivalentsOf('Brasil');
    assert.ok(hasEquivalent(brazil, 'fr', /^bresil$/));
    assert.ok(hasEquivalent(brazil, 'en', /^brazil$/));
  });

  it('expands Spanish "tráfico de personas" to both trafficking and smuggling', () => {
    const equivalents = equivalentsOf('tráfico de personas');
    assert.ok(hasEquivalent(equivalents, 'en', /^human trafficking$/));
    assert.ok(hasEquivalent(equivalents, 'en', /smuggling/));
  });

  it('leaves out the query itself and repeats no equivalent', () => {
    const equivalents = equivalentsOf('human trafficking');
    assert.ok(!equivalents.some(({ phrase }) => phrase === 'human trafficking'));
    const phrases = equivalents.map(({ phrase }) => phrase);
    assert.equal(new Set(phrases).size, phrases.length);
  });

  it('caps the equivalents at 12, or at maxEquivalents, preferred terms first', () => {
    assert.ok(equivalentsOf('trata').length <= 12);
    assert.deepEqual(equivalentsOf('trata', { maxEquivalents: 3 }), [
      { lang: 'fr', phrase: 'traite des etres humains' },
      { lang: 'es', phrase: 'trata de personas' },
      { lang: 'en', phrase: 'human trafficking' },
    ]);
    assert.deepEqual(equivalentsOf('trata', { maxEquivalents: 0 }), []);
  });

  it('expands a short acronym to the preferred terms only', () => {
    const equivalents = equivalentsOf('IDP');
    assert.ok(equivalents.length <= 4);
    assert.ok(hasEquivalent(equivalents, 'es', /desplazad/));
  });

  it('reads at most 32 words', () => {
    assert.equal(expandQuery(Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ')).length, 32);
  });

  it('returns without throwing on 10,000 characters of operators, quickly', () => {
    const hostile = `!&|:*()<>'"\\;--/**/%_`.repeat(500).slice(0, 10_000);
    const started = performance.now();
    assert.deepEqual(expandQuery(hostile), []);
    const mixed = Array.from({ length: 2_000 }, (_, i) => (i % 2 ? '&|!' : 'trata')).join(' ');
    assert.ok(expandQuery(mixed).length <= 32);
    assert.ok(performance.now() - started < 50, 'a few milliseconds');
  });

  it('returns [] for punctuation only or an empty query', () => {
    assert.deepEqual(expandQuery('?!... ---'), []);
    assert.deepEqual(expandQuery(''), []);
  });

  it('expands a three-word query in well under 0.1 ms', () => {
    for (let i = 0; i < 1_000; i++) expandQuery('trabajadores migrantes temporada');
    const runs = 5_000;
    const started = performance.now();
    for (let i = 0; i < runs; i++) expandQuery('trabajadores migrantes temporada');
    const each = (performance.now() - started) / runs;
    assert.ok(each < 0.1, `${each.toFixed(4)} ms`);
  });
});
