import { getVocabulary } from '../reference/index.ts';
import thesaurus from './thesaurus/thesaurus.json' with { type: 'json' };

/**
 * Cross-language query expansion for the practices search: a query in one language also finds
 * practices written in the others ("trata" → "traite des êtres humains", "human trafficking",
 * "tráfico de pessoas"). The vocabulary is the migration thesaurus (thesaurus/thesaurus.json, see
 * thesaurus/SOURCES.md) and the four-language labels of the reference vocabularies. Pure: no
 * database, the index is built once at import.
 */

export type ThesaurusLang = 'fr' | 'es' | 'en' | 'pt';

export interface Expansion {
  /** The words of the query this unit covers, normalised (lower-case, without accents). */
  text: string;
  /** Equivalent phrases with the language of each (fr, es, en, pt), the query's own text excluded; empty when nothing is known. */
  equivalents: { lang: ThesaurusLang; phrase: string }[];
}

export interface ThesaurusConcept {
  id: string;
  /** Per language, the preferred term first. */
  terms: Record<ThesaurusLang, string[]>;
  source: string;
}

const LANGS: readonly ThesaurusLang[] = ['fr', 'es', 'en', 'pt'];
const CONCEPTS: readonly ThesaurusConcept[] = thesaurus;

/** Reference vocabularies whose labels are short names; `gcm-objectives` labels are sentences. */
const EXPANDING_VOCABULARIES = [
  'countries',
  'regions',
  'migration-stages',
  'target-groups',
  'iom-areas',
  'stakeholder-groups',
  'cooperation-modalities',
] as const;
const MAX_LABEL_WORDS = 5;

const DEFAULT_MAX_EQUIVALENTS = 12;
/** Words read from a query; the rest is ignored, so that a hostile query costs no more than this. */
const MAX_QUERY_WORDS = 32;
/** Characters read from a query: 32 words never need more, and normalising costs by the character. */
const MAX_QUERY_CHARS = 2_000;
/** A single word this short (an acronym such as "idp") expands only to preferred terms. */
const SHORT_WORD_LENGTH = 3;

/**
 * Words too generic to expand: in a migration platform they occur in nearly every practice, so
 * their equivalents would add noise, not recall. They are still searched as written; phrases that
 * contain them ("travailleur migrant") expand as usual. Normalised forms.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  ...['migration', 'migrations', 'migracion', 'migraciones', 'migracao', 'migracoes'],
  ...['migrant', 'migrants', 'migrante', 'migrantes', 'migratoire', 'migratoires', 'migratory'],
  ...['migratorio', 'migratoria', 'migratorios', 'migratorias'],
  ...['migrer', 'migrar', 'migrate', 'mobilite', 'movilidad', 'mobilidade', 'mobility'],
  ...['personne', 'personnes', 'persona', 'personas', 'pessoa', 'pessoas', 'person', 'persons'],
  ...['people', 'gens', 'gente', 'humain', 'humains', 'humano', 'humanos', 'human'],
  ...['pays', 'pais', 'paises', 'country', 'countries', 'monde', 'mundo', 'world'],
  ...['international', 'internationale', 'internacional', 'internacionales', 'internacionais'],
  ...['national', 'nationale', 'nacional', 'nacionales', 'nacionais'],
  ...['programme', 'programa', 'program', 'projet', 'proyecto', 'projeto', 'project'],
]);

/** Function words: never a unit, never a key, skipped inside phrases ("traite de/des personnes"). */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and as at au aux by d da das de del des do dos du e el em en et for from in l la las le les ' +
    'lo los na nas o of on or os ou para par pelo pela pour por que qui the to um uma un una une y'
  ).split(' '),
);

/** Lower-case, accents and other combining marks removed, punctuation to spaces, spaces collapsed. */
export function normaliseForMatching(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A rough singular for matching, the same on both sides so that only inflection pairs need to
 * agree: "travailleurs saisonniers" = "travailleur saisonnier", "trabajadores" = "trabajador",
 * "migrações" = "migração", "sociaux" = "social", "communities" = "community". Not a stemmer: the
 * database's text search stems; this only lets a plural query reach a thesaurus term.
 */
function foldWord(word: string): string {
  if (word.length <= SHORT_WORD_LENGTH) return word;
  if (word.length >= 5) {
    if (word.endsWith('oes')) return `${word.slice(0, -3)}ao`;
    if (word.endsWith('eaux')) return word.slice(0, -1);
    if (word.endsWith('aux') || word.endsWith('ais')) return `${word.slice(0, -3)}al`;
  }
  let folded = word.endsWith('s') ? word.slice(0, -1) : word;
  if (folded.endsWith('e')) folded = folded.slice(0, -1);
  if (folded.endsWith('y')) folded = `${folded.slice(0, -1)}i`;
  return folded;
}

const FOLDED_GENERIC = new Set([...GENERIC_WORDS].map(foldWord));

/** The matching key of a phrase: its folded words without function words; '' when none is left. */
function keyOf(phrase: string): string {
  const normalised = normaliseForMatching(phrase);
  if (normalised === '') return '';
  return normalised
    .split(' ')
    .filter((word) => !STOPWORDS.has(word))
    .map(foldWord)
    .join(' ');
}

interface Term {
  lang: ThesaurusLang;
  phrase: string;
  key: string;
}

/** A concept's terms by rank: `ranks[0]` holds the preferred term of each language. */
interface IndexedConcept {
  /** Its place in the index, a stable name within one process (`conceptsOfText`). */
  id: number;
  ranks: Term[][];
}

interface KeyEntry {
  concepts: IndexedConcept[];
  /** A single short word: expands to preferred terms only. */
  short: boolean;
}

function buildIndex() {
  const concepts: IndexedConcept[] = [];
  const ids = new Set<string>();
  for (const concept of CONCEPTS) {
    if (ids.has(concept.id)) throw new Error(`The thesaurus lists concept ${concept.id} twice`);
    ids.add(concept.id);
    concepts.push(conceptOf(LANGS.map((lang) => concept.terms[lang].map((phrase) => ({ lang, phrase })))));
  }
  for (const name of EXPANDING_VOCABULARIES) {
    for (const entry of getVocabulary(name) ?? []) {
      const labels = LANGS.map((lang) => ({ lang, phrase: entry.labels[lang] }))
        .filter(({ phrase }) => phrase.trim().split(/\s+/).length <= MAX_LABEL_WORDS)
        .map((term) => [term]);
      concepts.push(conceptOf(labels));
    }
  }

  // For each key, the concepts it names, those where it is a preferred term first.
  const byKey = new Map<string, { concept: IndexedConcept; rank: number }[]>();
  for (const concept of concepts) {
    concept.ranks.forEach((terms, rank) => {
      for (const { key } of terms) {
        if (!isExpandingKey(key)) continue;
        const matches = byKey.get(key) ?? [];
        const known = matches.find((match) => match.concept === concept);
        if (known) known.rank = Math.min(known.rank, rank);
        else matches.push({ concept, rank });
        byKey.set(key, matches);
      }
    });
  }
  const index = new Map<string, KeyEntry>();
  const longestFrom = new Map<string, number>();
  for (const [key, matches] of byKey) {
    matches.sort((a, b) => a.rank - b.rank);
    const words = key.split(' ');
    const first = words[0] as string;
    index.set(key, {
      concepts: matches.map((match) => match.concept),
      short: words.length === 1 && first.length <= SHORT_WORD_LENGTH,
    });
    longestFrom.set(first, Math.max(longestFrom.get(first) ?? 0, words.length));
  }
  return { index, longestFrom, size: ids.size };
}

/** Per language lists of terms (preferred first) → the concept's terms by rank, keys computed. */
function conceptOf(termsByLang: { lang: ThesaurusLang; phrase: string }[][]): IndexedConcept {
  const ranks: Term[][] = [];
  const id = ALL_CONCEPTS.length;
  for (const terms of termsByLang) {
    terms.forEach(({ lang, phrase }, rank) => {
      (ranks[rank] ??= []).push({ lang, phrase, key: keyOf(phrase) });
    });
  }
  const concept = { id, ranks };
  ALL_CONCEPTS.push(concept);
  return concept;
}

/** Every indexed concept by its id (thesaurus concepts, then the reference vocabularies' labels). */
const ALL_CONCEPTS: IndexedConcept[] = [];

/** Whether a query may expand from this key: not empty, not made only of generic words. */
function isExpandingKey(key: string): boolean {
  return key !== '' && !key.split(' ').every((word) => FOLDED_GENERIC.has(word));
}

const { index: INDEX, longestFrom: LONGEST_FROM, size } = buildIndex();

/** The number of concepts in the thesaurus (the reference vocabularies not counted). */
export const THESAURUS_SIZE: number = size;

/**
 * Splits a query into units: the longest known phrases first (multi-word terms win over their
 * words), then single words, each with its equivalents in fr, es, en and pt. Matching ignores case,
 * accents, punctuation, function words and regular plurals, on whole words only ("trata" does not
 * match "tratamiento"). Function words outside a phrase (de, the, et…) are left out; a query
 * without any other word gives []. Reads at most 32 words, within the first 2,000 characters.
 */
export function expandQuery(query: string, options?: { maxEquivalents?: number }): Expansion[] {
  const requested = options?.maxEquivalents ?? DEFAULT_MAX_EQUIVALENTS;
  const maxEquivalents = Number.isFinite(requested)
    ? Math.max(0, Math.floor(requested))
    : DEFAULT_MAX_EQUIVALENTS;
  const normalised = normaliseForMatching(query.slice(0, MAX_QUERY_CHARS));
  if (normalised === '') return [];
  const words = normalised.split(' ', MAX_QUERY_WORDS);
  // Content words with their place in `words`, so that a unit's text keeps its inner function words.
  const content: QueryWord[] = [];
  words.forEach((word, at) => {
    if (!STOPWORDS.has(word)) content.push({ at, key: foldWord(word) });
  });

  const units: Expansion[] = [];
  for (let i = 0; i < content.length;) {
    const match = longestKnownPhrase(content, i);
    const length = match?.length ?? 1;
    const first = content[i] as QueryWord;
    const last = content[i + length - 1] as QueryWord;
    units.push({
      text: words.slice(first.at, last.at + 1).join(' '),
      equivalents: match ? equivalentsOf(match.entry, match.key, maxEquivalents) : [],
    });
    i += length;
  }
  return units;
}

interface QueryWord {
  /** Its place among the query's words. */
  at: number;
  /** Its folded form. */
  key: string;
}

/** The longest known phrase that starts at content word `i` and ends before `end`, or null when none does. */
function longestKnownPhrase(content: readonly QueryWord[], i: number, end = content.length) {
  const longest = Math.min(LONGEST_FROM.get((content[i] as QueryWord).key) ?? 0, end - i);
  for (let length = longest; length >= 1; length--) {
    const key = content
      .slice(i, i + length)
      .map((word) => word.key)
      .join(' ');
    const entry = INDEX.get(key);
    if (entry) return { length, key, entry };
  }
  return null;
}

/** Terms of the matched concepts, preferred terms first, each meaning once, the query's own excluded. */
function equivalentsOf(entry: KeyEntry, ownKey: string, max: number): Expansion['equivalents'] {
  const seen = new Set([ownKey]);
  const equivalents: Expansion['equivalents'] = [];
  const deepest = entry.short ? 1 : Math.max(...entry.concepts.map((concept) => concept.ranks.length));
  for (let rank = 0; rank < deepest; rank++) {
    for (const concept of entry.concepts) {
      for (const term of concept.ranks[rank] ?? []) {
        if (equivalents.length >= max) return equivalents;
        if (term.key === '' || seen.has(term.key)) continue;
        seen.add(term.key);
        equivalents.push({ lang: term.lang, phrase: term.phrase });
      }
    }
  }
  return equivalents;
}

/**
 * For comparing two texts across languages (the matching of cooperation offers and demands): the
 * units of a whole text, each known phrase as its concept(s) (`c42`, the same whatever the
 * language), each other content word as its folded form (`w:protocol`); function words and
 * generic words (migration, country…) left out. Longest phrases first, as in `expandQuery`, then
 * the concepts inside them.
 */
export function conceptsOfText(text: string): string[] {
  const normalised = normaliseForMatching(text);
  if (normalised === '') return [];
  const content: QueryWord[] = [];
  normalised.split(' ').forEach((word, at) => {
    if (!STOPWORDS.has(word)) content.push({ at, key: foldWord(word) });
  });
  const units: string[] = [];
  for (let i = 0; i < content.length;) {
    const match = longestKnownPhrase(content, i);
    if (match) {
      const found = new Set(match.entry.concepts.map((concept) => `c${concept.id}`));
      // The shorter concepts inside a phrase count too: "victims of trafficking" also says
      // "trafficking", "reintegración sostenible" also "reintegración".
      const end = i + match.length;
      for (let j = match.length > 1 ? i : end; j < end; j++) {
        const inner = longestKnownPhrase(content, j, j === i ? end - 1 : end);
        if (inner) for (const concept of inner.entry.concepts) found.add(`c${concept.id}`);
      }
      units.push(...found);
      i += match.length;
    } else {
      const key = (content[i] as QueryWord).key;
      if (!FOLDED_GENERIC.has(key)) units.push(`w:${key}`);
      i += 1;
    }
  }
  return units;
}

/** The preferred term of a concept unit of `conceptsOfText` in a language; null for a word unit. */
export function conceptTerm(unit: string, lang: ThesaurusLang): string | null {
  if (!unit.startsWith('c')) return null;
  const concept = ALL_CONCEPTS[Number(unit.slice(1))];
  if (!concept) return null;
  for (const terms of concept.ranks) {
    const term = terms.find((candidate) => candidate.lang === lang);
    if (term) return term.phrase;
  }
  return null;
}
