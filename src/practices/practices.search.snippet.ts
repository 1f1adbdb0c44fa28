/**
 * A result's snippet, highlighted in JS from the lexemes of the query's tsquery (README,
 * "Search"). `ts_headline` did this in SQL at ~0.2 ms a summary — a page's snippets cost as much
 * as the search's own statements — because it runs every word through the configuration's
 * dictionaries and tries every operand of a cross-language query on each. Here a word is marked
 * when, lower-cased and unaccented, it is one of the lexemes or begins with one (snowball stems
 * are prefixes of the unaccented word, give or take their last letter: famili/family), which marks
 * what PostgreSQL's stemmer would, give or take a rare word; fragments are chosen as ts_headline's
 * options asked (at most two fragments of at most 40 words, joined by " … ").
 */

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
const MAX_WORDS = 40;
const MIN_WORDS = 20;
const MAX_FRAGMENTS = 2;
/** Words before the first match in a fragment, so that it reads in context. */
const CONTEXT_BEFORE = 5;
/** A stem matches a word at most this many letters longer than it (migrant → migrantes, not migratoriamente). */
const MAX_SUFFIX = 4;

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Function words that a configuration of another language keeps as lexemes ("trata de personas"
 * in the english configuration keeps "de"): ts_headline, parsing the snippet in its own language,
 * never marks them, so neither does this.
 */
const FUNCTION_WORDS = new Set(
  (
    'a o e y i u de da do du di la le el lo les los las des del dos das al au aux en em no na nos nas ' +
    'un une uno una um uma por par para pour com con sur sus ses son sa se que qui est es the of and ' +
    'to in for on by as at an or is are'
  ).split(' '),
);

/** Lower case, without accents: as `unaccent` and the configurations see a word. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The lexemes of a tsquery's text: `'migrant' <-> 'regional' | 'migr':*` → migrant, regional, migr. */
export function lexemesOfTsQuery(tsQuery: string): string[] {
  const lexemes = new Set<string>();
  for (const match of tsQuery.matchAll(/'((?:[^']|'')*)'/g)) {
    const lexeme = foldWord(match[1]!.replace(/''/g, "'"));
    if (lexeme) lexemes.add(lexeme);
  }
  return [...lexemes];
}

function matches(word: string, lexemes: readonly string[]): boolean {
  for (const lexeme of lexemes) {
    if (FUNCTION_WORDS.has(lexeme)) continue;
    if (word === lexeme) return true;
    if (lexeme.length < 3) continue;
    if (word.startsWith(lexeme) && word.length - lexeme.length <= MAX_SUFFIX) return true;
    // A stem whose last letter the stemmer changed (famili ← family, nacion ← nación is already equal).
    if (
      lexeme.length >= 5 &&
      word.length >= lexeme.length - 1 &&
      word.length - lexeme.length <= MAX_SUFFIX &&
      word.startsWith(lexeme.slice(0, -1))
    )
      return true;
  }
  return false;
}

/**
 * The snippet of `text` for a query whose lexemes are `lexemes`: the matched words between
 * U+0002 and U+0003; without a match, the first words of the text, as ts_headline gives them.
 */
export function highlightSnippet(text: string, lexemes: readonly string[]): string {
  const words: { start: number; end: number; hit: boolean }[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    words.push({ start, end: start + match[0].length, hit: matches(foldWord(match[0]), lexemes) });
  }
  if (words.length === 0) return text;
  const hits = words.flatMap((word, index) => (word.hit ? [index] : []));
  const render = (from: number, to: number) => {
    let out = '';
    for (let index = from; index <= to; index++) {
      const word = words[index]!;
      if (index > from) out += text.slice(words[index - 1]!.end, word.start);
      const body = text.slice(word.start, word.end);
      out += word.hit ? `${MARK_START}${body}${MARK_END}` : body;
    }
    return out;
  };
  if (hits.length === 0) return render(0, Math.min(words.length, MIN_WORDS) - 1);
  if (words.length <= MAX_WORDS)
    return text.slice(0, words[0]!.start) + render(0, words.length - 1) + text.slice(words.at(-1)!.end);
  const fragments: string[] = [];
  let next = 0;
  for (const hit of hits) {
    if (hit < next) continue;
    const from = Math.max(next, hit - CONTEXT_BEFORE);
    const to = Math.min(words.length, from + MAX_WORDS) - 1;
    fragments.push(render(from, to));
    next = to + 1;
    if (fragments.length === MAX_FRAGMENTS) break;
  }
  return fragments.join(' … ');
}
