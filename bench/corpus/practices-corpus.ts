/**
 * A deterministic corpus of practices for `npm run bench -- search`, and the fixed set of queries
 * run against it. Same seed, same corpus, byte for byte: figures from two runs compare.
 *
 * The texts are not prose but have the statistics search cares about: per-language migration
 * vocabulary (the thesaurus' terms and the reference vocabularies' labels, so that a query in one
 * language finds practices written in another only through the expansion), function words, whole
 * thesaurus phrases, a long tail of proper names, and Zipf-like word frequencies, so that the
 * commonest word of a language is in nearly every practice written in it (a quarter of the
 * corpus) and a name is in a handful.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getVocabulary } from '../../src/reference/index.ts';
import type { PracticeSearchParams } from '../../src/practices/practices.schemas.ts';
import { ROOT } from '../lib/process.ts';

export const CORPUS_LANGUAGES = ['fr', 'es', 'en', 'pt'] as const;
export type CorpusLang = (typeof CORPUS_LANGUAGES)[number];

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks among `size` ranks with probability ∝ 1/(rank+1)^exponent (binary search in the cumulative weights). */
class Zipf {
  private readonly cumulative: Float64Array;
  constructor(size: number, exponent: number) {
    this.cumulative = new Float64Array(size);
    let sum = 0;
    for (let rank = 0; rank < size; rank++) {
      sum += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = sum;
    }
  }
  pick(random: () => number): number {
    const target = random() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const FUNCTION_WORDS: Record<CorpusLang, string[]> = {
  fr: 'de la le et les des à en du pour un une dans avec sur par au qui que aux est sont ont ce cette leur leurs ou plus entre son sa ses comme afin lors dont'.split(
    ' ',
  ),
  es: 'de la el y en los las del a para con por un una que se su sus al es son como entre más o sobre desde durante también este esta ha han'.split(
    ' ',
  ),
  en: 'the of and to in for a with on by that is are as from at their this an or be was which its into through between more also has have these'.split(
    ' ',
  ),
  pt: 'de a o e do da em para com os as dos das um uma por no na que se ao à seus suas como entre mais ou sobre durante também este esta'.split(
    ' ',
  ),
};

/** The commonest content words of each language, in that order (Zipf rank 0, 1, 2…). */
const HEAD_WORDS: Record<CorpusLang, string[]> = {
  fr: [
    'migrants',
    'migration',
    'communautés',
    'accès',
    'appui',
    'programme',
    'services',
    'locales',
    'protection',
    'information',
  ],
  es: [
    'migrantes',
    'migración',
    'comunidades',
    'acceso',
    'apoyo',
    'programa',
    'servicios',
    'locales',
    'protección',
    'información',
  ],
  en: [
    'migrants',
    'migration',
    'communities',
    'access',
    'support',
    'programme',
    'services',
    'local',
    'protection',
    'information',
  ],
  pt: [
    'migrantes',
    'migração',
    'comunidades',
    'acesso',
    'apoio',
    'programa',
    'serviços',
    'locais',
    'proteção',
    'informação',
  ],
};

const COUNTRIES = [
  'MX',
  'GT',
  'HN',
  'SV',
  'CO',
  'VE',
  'PE',
  'EC',
  'US',
  'CR',
  'PA',
  'NI',
  'DO',
  'HT',
  'BR',
  'AR',
  'CL',
  'BO',
  'PY',
  'UY',
  'CU',
  'JM',
  'CA',
  'ES',
  'FR',
  'IT',
  'DE',
  'PT',
  'MA',
  'SN',
  'ML',
  'NE',
  'NG',
  'LY',
  'TN',
  'PH',
  'BD',
  'KZ',
  'UA',
  'TR',
  'SY',
  'AF',
  'ET',
  'SO',
  'KE',
];

export const NETWORKS = [
  {
    slug: 'ricomi',
    name: { es: 'Red Interamericana de Competencias Migratorias', en: 'Inter-American Network on Migration' },
  },
  {
    slug: 'rcrc-americas',
    name: { es: 'Red de Cruz Roja y Media Luna Roja, Américas', en: 'Red Cross Red Crescent Americas' },
  },
  { slug: 'iom-ngo-sa', name: { es: 'Red OIM–ONG de Sudamérica', en: 'IOM–NGO Network of South America' } },
  {
    slug: 'red-mesoamericana',
    name: { es: 'Red Mesoamericana de Migración', en: 'Mesoamerican Migration Network' },
  },
] as const;
const NETWORK_WEIGHTS = [0.4, 0.3, 0.2, 0.1];
export const ORGANISATIONS = 300;

export interface CorpusPractice {
  network: string;
  /** Index in 0…ORGANISATIONS-1; the bench creates them and maps to ids. */
  organisation: number;
  originalLanguage: CorpusLang;
  title: Partial<Record<CorpusLang, string>>;
  summary: Partial<Record<CorpusLang, string>>;
  description: Partial<Record<CorpusLang, string>>;
  countries: string[];
  gcmObjectives: string[];
  thematicAreas: string[];
  migrationStages: string[];
  targetGroups: string[];
  modality: string | null;
  periodStart: string;
  periodEnd: string | null;
}

interface Thesaurus {
  id: string;
  terms: Partial<Record<string, string[]>>;
}

function readThesaurus(): Thesaurus[] {
  const file = path.join(ROOT, 'src/practices/thesaurus/thesaurus.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Thesaurus[];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const words = (text: string) => (text.toLowerCase().match(WORD) ?? []).filter((word) => word.length >= 3);

/** The words and phrases of one language, ranked. */
interface Lexicon {
  content: string[];
  phrases: string[];
  functionWords: string[];
}

const CODE_VOCABULARIES = [
  'gcm-objectives',
  'gcm-principles',
  'iom-areas',
  'migration-stages',
  'target-groups',
  'cooperation-modalities',
  'stakeholder-groups',
  'participation-barriers',
];

function buildLexicons(random: () => number): Record<CorpusLang, Lexicon> {
  const thesaurus = readThesaurus();
  const lexicons = {} as Record<CorpusLang, Lexicon>;
  for (const lang of CORPUS_LANGUAGES) {
    const functionWords = new Set(FUNCTION_WORDS[lang]);
    const pool = new Set<string>();
    const phrases: string[] = [];
    for (const concept of thesaurus) {
      for (const term of concept.terms[lang] ?? []) {
        phrases.push(term);
        for (const word of words(term)) pool.add(word);
      }
    }
    for (const name of CODE_VOCABULARIES) {
      for (const entry of getVocabulary(name) ?? []) {
        const label = (entry.labels as Partial<Record<string, string>>)[lang];
        if (label) for (const word of words(label)) pool.add(word);
      }
    }
    const head = HEAD_WORDS[lang];
    const rest = shuffle(
      [...pool].filter((word) => !functionWords.has(word) && !head.includes(word)).sort(),
      random,
    );
    lexicons[lang] = {
      content: [...head, ...rest],
      phrases: shuffle(phrases.sort(), random),
      functionWords: FUNCTION_WORDS[lang],
    };
  }
  return lexicons;
}

/** Place-like and project-like names: the long tail of rare words every real corpus has. */
function buildNames(count: number, random: () => number): string[] {
  const onsets = [
    'b',
    'c',
    'd',
    'g',
    'j',
    'k',
    'l',
    'm',
    'n',
    'p',
    'qu',
    'r',
    's',
    't',
    'v',
    'ch',
    'tl',
    'hu',
    'y',
    'z',
  ];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'a', 'o'];
  const codas = ['', '', '', 'n', 'l', 'r', 's', 'c'];
  const names = new Set<string>();
  while (names.size < count) {
    const syllables = 2 + Math.floor(random() * 3);
    let name = '';
    for (let s = 0; s < syllables; s++) {
      name += onsets[Math.floor(random() * onsets.length)]! + vowels[Math.floor(random() * vowels.length)]!;
      if (s === syllables - 1) name += codas[Math.floor(random() * codas.length)]!;
    }
    names.add(name[0]!.toUpperCase() + name.slice(1));
  }
  return [...names].sort();
}

export interface Corpus {
  practices: CorpusPractice[];
  lexicons: Record<CorpusLang, Lexicon>;
  names: string[];
}

/** The corpus: `count` practices from `seed`. About 1.6 KB of text per practice and language. */
export function generateCorpus(count: number, seed = 20261125): Corpus {
  const random = seededRandom(seed);
  const lexicons = buildLexicons(random);
  const names = buildNames(30_000, random);
  const zipf = {
    content: new Map(CORPUS_LANGUAGES.map((lang) => [lang, new Zipf(lexicons[lang].content.length, 1.0)])),
    phrases: new Map(CORPUS_LANGUAGES.map((lang) => [lang, new Zipf(lexicons[lang].phrases.length, 0.9)])),
    functionWords: new Zipf(40, 0.8),
    countries: new Zipf(COUNTRIES.length, 1.0),
    objectives: new Zipf(23, 0.7),
    organisations: new Zipf(ORGANISATIONS, 0.8),
    years: new Zipf(26, 0.4),
  };
  const objectiveOrder = shuffle(
    Array.from({ length: 23 }, (_, i) => String(i + 1)),
    random,
  );
  const codesOf = (name: string) => (getVocabulary(name) ?? []).map((entry) => entry.code);
  const areas = codesOf('iom-areas');
  const stages = codesOf('migration-stages');
  const groups = codesOf('target-groups');
  const modalities = codesOf('cooperation-modalities');

  const token = (lang: CorpusLang): string => {
    const lexicon = lexicons[lang];
    const roll = random();
    if (roll < 0.38) {
      const index = zipf.functionWords.pick(random) % lexicon.functionWords.length;
      return lexicon.functionWords[index]!;
    }
    if (roll < 0.45) return lexicon.phrases[zipf.phrases.get(lang)!.pick(random)]!;
    if (roll < 0.47) return names[Math.floor(random() * names.length)]!;
    return lexicon.content[zipf.content.get(lang)!.pick(random)]!;
  };
  const sentence = (lang: CorpusLang, min: number, max: number): string => {
    const length = min + Math.floor(random() * (max - min + 1));
    const parts: string[] = [];
    let counted = 0;
    while (counted < length) {
      const next = token(lang);
      parts.push(next);
      counted += next.split(' ').length;
    }
    const text = parts.join(' ');
    return text[0]!.toUpperCase() + text.slice(1);
  };
  const paragraph = (lang: CorpusLang, minWords: number, maxWords: number): string => {
    const target = minWords + Math.floor(random() * (maxWords - minWords + 1));
    const sentences: string[] = [];
    let counted = 0;
    while (counted < target) {
      const next = sentence(lang, 10, 22);
      sentences.push(`${next}.`);
      counted += next.split(' ').length;
    }
    return sentences.join(' ');
  };
  const some = <T>(items: readonly T[], min: number, max: number, pick: () => T): T[] => {
    const wanted = min + Math.floor(random() * (max - min + 1));
    const chosen = new Set<T>();
    for (let attempt = 0; chosen.size < wanted && attempt < wanted * 4; attempt++) chosen.add(pick());
    return [...chosen];
  };
  const uniform =
    <T>(items: readonly T[]) =>
    () =>
      items[Math.floor(random() * items.length)]!;
  const languageWeights: [CorpusLang, number][] = [
    ['es', 0.4],
    ['en', 0.25],
    ['fr', 0.2],
    ['pt', 0.15],
  ];
  const weighted = <T>(entries: [T, number][]): T => {
    let roll = random();
    for (const [value, weight] of entries) {
      if (roll < weight) return value;
      roll -= weight;
    }
    return entries[entries.length - 1]![0];
  };

  const practices: CorpusPractice[] = [];
  for (let n = 0; n < count; n++) {
    const originalLanguage = weighted(languageWeights);
    // A fifth is also written in a second language, one in twenty-five in a third.
    const languages: CorpusLang[] = [originalLanguage];
    const extra = random() < 0.2 ? (random() < 0.2 ? 2 : 1) : 0;
    while (languages.length < 1 + extra) {
      const lang = CORPUS_LANGUAGES[Math.floor(random() * CORPUS_LANGUAGES.length)]!;
      if (!languages.includes(lang)) languages.push(lang);
    }
    const title: CorpusPractice['title'] = {};
    const summary: CorpusPractice['summary'] = {};
    const description: CorpusPractice['description'] = {};
    for (const lang of languages) {
      title[lang] = sentence(lang, 5, 12);
      summary[lang] = Array.from(
        { length: 2 + Math.floor(random() * 3) },
        () => `${sentence(lang, 10, 20)}.`,
      ).join(' ');
      description[lang] = paragraph(lang, 80, 200);
    }
    const network = weighted(NETWORKS.map((item, index) => [item.slug, NETWORK_WEIGHTS[index]!]));
    const year = 2025 - zipf.years.pick(random);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const ongoing = random() < 0.3;
    practices.push({
      network,
      organisation: zipf.organisations.pick(random),
      originalLanguage,
      title,
      summary,
      description,
      countries: some(COUNTRIES, 1, 3, () => COUNTRIES[zipf.countries.pick(random)]!),
      gcmObjectives: some(objectiveOrder, 1, 3, () => objectiveOrder[zipf.objectives.pick(random)]!),
      thematicAreas: some(areas, 1, 2, uniform(areas)),
      migrationStages: some(stages, 1, 2, uniform(stages)),
      targetGroups: some(groups, 0, 2, uniform(groups)),
      modality: random() < 0.1 ? null : uniform(modalities)(),
      periodStart: `${year}-${month}-01`,
      periodEnd: ongoing ? null : `${Math.min(2026, year + 1 + Math.floor(random() * 4))}-${month}-01`,
    });
  }
  return { practices, lexicons, names };
}

export interface BenchQuery {
  kind:
    | 'common'
    | 'mid'
    | 'rare'
    | 'two words'
    | 'three words'
    | 'cross-language'
    | 'filtered'
    | 'filters only'
    | 'misspelt';
  params: PracticeSearchParams;
}

/**
 * The fixed mixed set of queries (230): one to three words in the four languages, common, rare,
 * cross-language, with filters and misspelt, drawn from the corpus' own lexicons with another seed.
 */
export function benchQueries(corpus: Corpus, seed = 4242): BenchQuery[] {
  const random = seededRandom(seed);
  const queries: BenchQuery[] = [];
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const range = (lang: CorpusLang, from: number, to: number) => {
    const content = corpus.lexicons[lang].content;
    const end = Math.min(to, content.length);
    return content[Math.min(from, end - 1) + Math.floor(random() * Math.max(1, end - from))]!;
  };
  for (const lang of CORPUS_LANGUAGES) {
    for (const word of HEAD_WORDS[lang].slice(0, 3)) queries.push({ kind: 'common', params: { q: word } });
    for (let i = 0; i < 10; i++) queries.push({ kind: 'mid', params: { q: range(lang, 20, 300) } });
    for (let i = 0; i < 10; i++) queries.push({ kind: 'rare', params: { q: range(lang, 500, 100_000) } });
    for (let i = 0; i < 8; i++)
      queries.push({ kind: 'two words', params: { q: `${range(lang, 0, 60)} ${range(lang, 20, 600)}` } });
    for (let i = 0; i < 4; i++)
      queries.push({
        kind: 'three words',
        params: { q: `${range(lang, 0, 40)} ${range(lang, 10, 300)} ${range(lang, 30, 900)}` },
      });
  }
  for (let i = 0; i < 10; i++) queries.push({ kind: 'rare', params: { q: pick(corpus.names) } });
  queries.push({ kind: 'common', params: { q: 'migrants' } });
  // Cross-language: terms whose matches are mostly in other languages than their own.
  for (const q of [
    'trata',
    'traite des êtres humains',
    'trafficking',
    'tráfico de migrantes',
    'family reunification',
    'reintegração',
    'remesas',
    'retorno voluntario',
  ]) {
    queries.push({ kind: 'cross-language', params: { q } });
  }
  for (let i = 0; i < 16; i++) {
    const lang = pick(CORPUS_LANGUAGES);
    queries.push({
      kind: 'cross-language',
      params: { q: pick(corpus.lexicons[lang].phrases.slice(0, 200)) },
    });
  }
  const years = Array.from({ length: 12 }, (_, i) => 2014 + i);
  const objectives = Array.from({ length: 23 }, (_, i) => String(i + 1));
  for (let i = 0; i < 40; i++) {
    const lang = pick(CORPUS_LANGUAGES);
    const params: PracticeSearchParams = { q: random() < 0.5 ? range(lang, 0, 20) : range(lang, 20, 400) };
    const which = i % 5;
    if (which === 0 || which === 4) params.objective = [pick(objectives)];
    if (which === 1 || which === 4) params.country = [pick(COUNTRIES.slice(0, 20))];
    if (which === 2) params.year = [pick(years)];
    if (which === 3 || which === 4) params.network = [pick(NETWORKS).slug];
    queries.push({ kind: 'filtered', params });
  }
  queries.push(
    { kind: 'filters only', params: {} },
    { kind: 'filters only', params: { country: ['MX'] } },
    { kind: 'filters only', params: { objective: ['10'] } },
    { kind: 'filters only', params: { year: [2020] } },
    { kind: 'filters only', params: { network: ['iom-ngo-sa'] } },
    { kind: 'filters only', params: { country: ['GT'], objective: ['21'] } },
    { kind: 'filters only', params: { sort: 'date', page: 3 } },
    { kind: 'filters only', params: { area: ['counter-trafficking'], year: [2019, 2020] } },
  );
  for (const q of [
    'migarnts',
    'migracion irregluar',
    'reintegartion',
    'comunidads',
    'protectoin',
    'trafficing',
  ]) {
    queries.push({ kind: 'misspelt', params: { q } });
  }
  return queries;
}

/** The API URL of a query: arrays as repeated parameters, as a browser's form sends them. */
export function queryUrl(params: PracticeSearchParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return `/api/v1/practices${text ? `?${text}` : ''}`;
}
