/** The languages of the interface; content may carry more, by configuration. */
export const LANGUAGES = ['fr', 'es', 'en', 'pt'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** A text held in several languages: `{ fr: "…", es: "…" }`; a missing language is absent. */
export type LocalizedText = Partial<Record<Lang, string>>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Picks the text in `lang`, else the first available, and says which language it is in. */
export function pickText(
  text: LocalizedText | null | undefined,
  lang: Lang,
): { text: string; lang: Lang } | null {
  if (!text) return null;
  const own = text[lang];
  if (own) return { text: own, lang };
  for (const other of LANGUAGES) {
    const value = text[other];
    if (value) return { text: value, lang: other };
  }
  return null;
}

/** Chooses the best interface language from an Accept-Language header. */
export function negotiateLanguage(header: string | undefined, fallback: Lang = 'en'): Lang {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        base: tag.toLowerCase().split('-')[0] ?? '',
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) if (isLang(entry.base)) return entry.base;
  return fallback;
}
