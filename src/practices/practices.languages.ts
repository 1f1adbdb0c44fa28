/**
 * The languages practices are written in. The interface speaks fr, es, en and pt; content may carry
 * more (PUENTE_CONTENT_LANGUAGES adds them, e.g. "ht,ar"), each searched with its own PostgreSQL
 * text search configuration when one exists, else with `simple`.
 */
const BASE_LANGUAGES = ['fr', 'es', 'en', 'pt'] as const;

const EXTRA = (process.env['PUENTE_CONTENT_LANGUAGES'] ?? '')
  .split(',')
  .map((code) => code.trim().toLowerCase())
  .filter((code) => /^[a-z]{2,3}$/.test(code) && !(BASE_LANGUAGES as readonly string[]).includes(code));

export const CONTENT_LANGUAGES: readonly string[] = Object.freeze([...BASE_LANGUAGES, ...new Set(EXTRA)]);

/** PostgreSQL's snowball configurations for the languages it knows (present in PGlite and in PG 15). */
const CONFIGURATIONS: Record<string, string> = {
  fr: 'french',
  es: 'spanish',
  en: 'english',
  pt: 'portuguese',
  it: 'italian',
  de: 'german',
  nl: 'dutch',
  ru: 'russian',
  ar: 'arabic',
  tr: 'turkish',
};

export function searchConfigurationOf(lang: string): string {
  return CONFIGURATIONS[lang] ?? 'simple';
}

export function isContentLanguage(lang: string): boolean {
  return CONTENT_LANGUAGES.includes(lang);
}
