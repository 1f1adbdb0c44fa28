import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldWord, highlightSnippet, lexemesOfTsQuery } from './practices.search.snippet.ts';

/** The marked words of a snippet (between U+0002 and U+0003). */
const marked = (snippet: string) =>
  snippet
    .split('\u0002')
    .slice(1)
    .map((part) => part.split('\u0003')[0]);

describe('lexemesOfTsQuery', () => {
  it('reads the lexemes of a tsquery text, phrases and prefixes included, once each', () => {
    assert.deepEqual(lexemesOfTsQuery("( 'trata' <-> 'person' ) | 'traite':* | 'trata'"), [
      'trata',
      'person',
      'traite',
    ]);
  });

  it("unescapes a doubled quote and folds accents: 'l''accès'", () => {
    assert.deepEqual(lexemesOfTsQuery("'l''accès'"), ["l'acces"]);
  });
});

describe('highlightSnippet', () => {
  it('marks the words that are a lexeme or begin with one, whatever their case and accents', () => {
    const snippet = highlightSnippet('Apoyo a Migrantes y migración regional.', ['migrant', 'migracion']);
    assert.deepEqual(marked(snippet), ['Migrantes', 'migración']);
    assert.equal(
      snippet.replaceAll('\u0002', '').replaceAll('\u0003', ''),
      'Apoyo a Migrantes y migración regional.',
    );
  });

  it('marks a word whose stem lost its last letter (famili ← family), not a longer unrelated word', () => {
    assert.deepEqual(marked(highlightSnippet('family reunification', ['famili'])), ['family']);
    assert.deepEqual(marked(highlightSnippet('migratoriamente', ['migr'])), []);
  });

  it("does not mark function words that another language's configuration kept (trata de personas → de)", () => {
    assert.deepEqual(marked(highlightSnippet('La trata de personas', ['trata', 'de', 'persona'])), [
      'trata',
      'personas',
    ]);
  });

  it('gives the first twenty words when nothing matches, as ts_headline does', () => {
    const words = Array.from({ length: 30 }, (_, index) => `w${index}`);
    assert.equal(highlightSnippet(words.join(' '), ['absent']), words.slice(0, 20).join(' '));
  });

  it('cuts a long text into at most two fragments of at most forty words around the matches', () => {
    const words = Array.from({ length: 200 }, (_, index) =>
      index === 60 || index === 150 ? 'trata' : `w${index}`,
    );
    const snippet = highlightSnippet(words.join(' '), ['trata']);
    const fragments = snippet.split(' … ');
    assert.equal(fragments.length, 2);
    for (const fragment of fragments) assert.ok(fragment.split(' ').length <= 40, fragment);
    assert.deepEqual(marked(snippet), ['trata', 'trata']);
    assert.ok(fragments[0]!.startsWith('w55 '), fragments[0]);
  });

  it('keeps a short text whole', () => {
    assert.equal(highlightSnippet('Trata de personas', ['trata']), '\u0002Trata\u0003 de personas');
  });

  it('folds like unaccent and lower()', () => {
    assert.equal(foldWord('Ação'), 'acao');
  });
});
