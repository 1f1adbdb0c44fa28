import { labelOf } from '../reference/index.ts';
import { type Lang, type LocalizedText, pickText } from '../web/language.ts';
import type { PageContext } from '../web/render.tsx';
import type { ItemSide, ItemStatus, Visibility } from './cooperation.tables.ts';

/**
 * What the pages of offers and demands share: labels written out as message keys (so that the
 * catalogue check sees each one used), texts that fall back visibly to another language, periods.
 */

export const LANGUAGE_NAME: Record<Lang, string> = {
  fr: 'cooperationItems.language.fr',
  es: 'cooperationItems.language.es',
  en: 'cooperationItems.language.en',
  pt: 'cooperationItems.language.pt',
};

export const STATUS_LABEL: Record<ItemStatus, string> = {
  open: 'cooperationItems.status.open',
  'in-discussion': 'cooperationItems.status.inDiscussion',
  matched: 'cooperationItems.status.matched',
  closed: 'cooperationItems.status.closed',
};

export const VISIBILITY_LABEL: Record<Visibility, string> = {
  public: 'cooperationItems.visibility.public',
  network: 'cooperationItems.visibility.network',
};

/** The keys that differ between offers and demands. */
export const SIDE_TEXT: Record<
  ItemSide,
  {
    list: string;
    one: string;
    create: string;
    edit: string;
    by: string;
    findMatches: string;
    csv: string;
    json: string;
    collection: 'offers' | 'demands';
  }
> = {
  offer: {
    list: 'cooperationItems.offers.title',
    one: 'cooperationItems.offers.one',
    create: 'cooperationItems.offers.create',
    edit: 'cooperationItems.offers.edit',
    by: 'cooperationItems.offers.by',
    findMatches: 'cooperationItems.offers.findMatches',
    csv: 'cooperationItems.offers.csv',
    json: 'cooperationItems.offers.json',
    collection: 'offers',
  },
  demand: {
    list: 'cooperationItems.demands.title',
    one: 'cooperationItems.demands.one',
    create: 'cooperationItems.demands.create',
    edit: 'cooperationItems.demands.edit',
    by: 'cooperationItems.demands.by',
    findMatches: 'cooperationItems.demands.findMatches',
    csv: 'cooperationItems.demands.csv',
    json: 'cooperationItems.demands.json',
    collection: 'demands',
  },
};

export const collectionOf = (side: ItemSide) => SIDE_TEXT[side].collection;

export const codeLabel = (vocabulary: string, code: string, lang: Lang) =>
  labelOf(vocabulary, code, lang) ?? code;

/** A text in the page language, or in another one marked with `lang` and said ("available in French"). */
export function TextIn({
  ctx,
  text,
  block,
}: {
  ctx: PageContext;
  text: LocalizedText | null | undefined;
  block?: boolean;
}) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  const note =
    picked.lang === ctx.lang ? null : (
      <span class="lang-note">
        {ctx.t('cooperationItems.availableIn', { language: ctx.t(LANGUAGE_NAME[picked.lang]) })}
      </span>
    );
  if (block) {
    const paragraphs = picked.text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
    return (
      <>
        {note ? <p>{note}</p> : null}
        <div class="practice-text" lang={picked.lang === ctx.lang ? undefined : picked.lang}>
          {paragraphs.map((p) => (
            <p>{p.trim()}</p>
          ))}
        </div>
      </>
    );
  }
  if (!note) return <>{picked.text}</>;
  return (
    <>
      <span lang={picked.lang}>{picked.text}</span> {note}
    </>
  );
}

/** A plain string in the page language (or the first available), for attributes and options. */
export const plainText = (text: LocalizedText | null | undefined, lang: Lang, fallback = '') =>
  pickText(text, lang)?.text ?? fallback;

export function formatDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** "1 March 2026 – 30 June 2026", "from 1 March 2026 (open-ended)", or "open period". */
export function periodText(ctx: PageContext, startsOn: string | null, endsOn: string | null): string {
  const start = startsOn ? formatDate(ctx.lang, startsOn) : null;
  const end = endsOn ? formatDate(ctx.lang, endsOn) : null;
  if (start && end) return ctx.t('cooperationItems.period.range', { start, end });
  if (start) return ctx.t('cooperationItems.period.from', { start });
  if (end) return ctx.t('cooperationItems.period.until', { end });
  return ctx.t('cooperationItems.period.open');
}

export function budgetText(lang: Lang, amount: number | null, currency: string | null): string | null {
  if (amount === null || currency === null) return null;
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function languageOfCode(lang: Lang, code: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
