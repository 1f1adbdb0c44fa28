import { IntlMessageFormat } from 'intl-messageformat';
import { type Lang, LANGUAGES } from './language.ts';
import { catalogues } from './catalogues.ts';

/** One catalogue: message key → ICU message in each interface language. */
export type Catalogue = Record<string, Record<Lang, string>>;
export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

const messages = new Map<string, Record<Lang, string>>();
for (const catalogue of catalogues) {
  for (const [key, byLang] of Object.entries(catalogue)) {
    if (messages.has(key)) throw new Error(`Message key defined twice: ${key}`);
    messages.set(key, byLang);
  }
}

const compiled = new Map<string, IntlMessageFormat>();

function format(lang: Lang, key: string): IntlMessageFormat {
  const cacheKey = `${lang}\u0000${key}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    const source = messages.get(key)?.[lang];
    // A missing key is a bug caught by `npm run check`; show the key rather than crash a page.
    message = new IntlMessageFormat(source ?? key, lang);
    compiled.set(cacheKey, message);
  }
  return message;
}

export type Translate = (key: string, values?: MessageValues) => string;

export function translator(lang: Lang): Translate {
  return (key, values) => String(format(lang, key).format(values as never));
}

export function hasMessage(key: string): boolean {
  return messages.has(key);
}

export function allMessageKeys(): string[] {
  return [...messages.keys()];
}

export { LANGUAGES };
