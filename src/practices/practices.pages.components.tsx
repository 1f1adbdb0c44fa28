import { labelOf } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import { type LocalizedText, pickText } from '../web/language.ts';
import type { PageContext } from '../web/render.tsx';
import { textIn } from './practices.queries.ts';
import type { PracticeContent } from './practices.schemas.ts';

/**
 * What the practices pages share: the labels of fields, languages, states and codes, texts that
 * fall back visibly to another language, highlighted snippets and periods.
 */

/** Message keys written out, so that the catalogue check sees each one used. */
const FIELD_LABELS: Record<string, string> = {
  title: 'practices.field.title',
  summary: 'practices.field.summary',
  description: 'practices.field.description',
  context: 'practices.field.context',
  resources: 'practices.field.resources',
  results: 'practices.field.results',
  evaluation: 'practices.field.evaluation',
  challenges: 'practices.field.challenges',
  lessonsLearned: 'practices.field.lessonsLearned',
  replicability: 'practices.field.replicability',
  actors: 'practices.field.actors',
  countries: 'practices.field.countries',
  period: 'practices.field.period',
  modality: 'practices.field.modality',
  migrationStages: 'practices.field.migrationStages',
  targetGroups: 'practices.field.targetGroups',
  gcmObjectives: 'practices.field.gcmObjectives',
  gcmPrinciples: 'practices.field.gcmPrinciples',
  thematicAreas: 'practices.field.thematicAreas',
  smartPrinciples: 'practices.field.smartPrinciples',
  links: 'practices.field.links',
  contact: 'practices.field.contact',
  contactFocalPointId: 'practices.field.contact',
  attachments: 'practices.field.attachments',
  originalLanguage: 'practices.field.originalLanguage',
  notCommunicated: 'practices.notCommunicated',
};

export function fieldLabel(t: Translate, field: string): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

const LANGUAGE_NAMES: Record<string, string> = {
  fr: 'practices.language.fr',
  es: 'practices.language.es',
  en: 'practices.language.en',
  pt: 'practices.language.pt',
};

/** The same name starting with a capital, where it begins a line ("Français : langue d'origine"). */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A content language's name in the page language; extra content languages show their code. */
export function languageName(t: Translate, code: string): string {
  const key = LANGUAGE_NAMES[code];
  return key ? t(key) : code.toUpperCase();
}

const STATUS_LABELS: Record<string, string> = {
  draft: 'practices.status.draft',
  submitted: 'practices.status.submitted',
  'in-review': 'practices.status.in-review',
  returned: 'practices.status.returned',
  published: 'practices.status.published',
  superseded: 'practices.status.superseded',
  withdrawn: 'practices.status.withdrawn',
  archived: 'practices.status.archived',
};

/** The label of a practice's status or of a version's state. */
export function statusLabel(t: Translate, status: string): string {
  const key = STATUS_LABELS[status];
  return key ? t(key) : status;
}

const ROLE_LABELS: Record<string, string> = {
  lead: 'practices.actorRole.lead',
  partner: 'practices.actorRole.partner',
  implementer: 'practices.actorRole.implementer',
  funder: 'practices.actorRole.funder',
  beneficiary: 'practices.actorRole.beneficiary',
};

export function roleLabel(t: Translate, role: string): string {
  const key = ROLE_LABELS[role];
  return key ? t(key) : role;
}

const TRANSLATION_LABELS: Record<string, string> = {
  original: 'practices.translation.original',
  complete: 'practices.translation.complete',
  partial: 'practices.translation.partial',
  missing: 'practices.translation.missing',
};

export function translationLabel(t: Translate, status: string): string {
  const key = TRANSLATION_LABELS[status];
  return key ? t(key) : status;
}

export function stageLabel(t: Translate, stage: string): string {
  return stage === 'design' ? t('practices.stage.design') : t('practices.stage.implementation');
}

/** The vocabulary of each coded field of a practice. */
export const VOCABULARY_OF = {
  countries: 'countries',
  migrationStages: 'migration-stages',
  targetGroups: 'target-groups',
  gcmObjectives: 'gcm-objectives',
  gcmPrinciples: 'gcm-principles',
  thematicAreas: 'iom-areas',
  modality: 'cooperation-modalities',
  regions: 'regions',
} as const;

/** A code's label in the page language ("Objective 5: …" for GCM objectives); an unknown code shows as is. */
export function codeLabel(ctx: PageContext, vocabulary: string, code: string): string {
  const label = labelOf(vocabulary, code, ctx.lang);
  if (label === null) return code;
  return vocabulary === 'gcm-objectives' ? ctx.t('practicePages.objective', { number: code, label }) : label;
}

export function formatDate(lang: string, value: Date | string | null | undefined): string {
  if (!value) return '—';
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T00:00:00Z`)
      : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  // The interface writes British English ("organisation"): dates follow ("1 March 2021").
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

/** Whether a practice has a period to show. */
export function hasPeriod(content: PracticeContent): boolean {
  return content.periodStart !== null || content.periodEnd !== null || content.ongoing;
}

/** "1 March 2021 – 30 June 2023", "since 1 March 2021 (ongoing)", or null when there is no period. */
export function periodText(ctx: PageContext, content: PracticeContent): string | null {
  if (!hasPeriod(content)) return null;
  const start = content.periodStart ? formatDate(ctx.lang, content.periodStart) : null;
  if (content.ongoing)
    return start
      ? ctx.t('practicePages.period.ongoingSince', { start })
      : ctx.t('practicePages.period.ongoing');
  const end = content.periodEnd ? formatDate(ctx.lang, content.periodEnd) : null;
  if (start && end) return ctx.t('practicePages.period.range', { start, end });
  if (start) return ctx.t('practicePages.period.from', { start });
  return ctx.t('practicePages.period.until', { end: end ?? '—' });
}

/** "Available in French": said in the page language, next to a text in another one. */
export function AvailableIn({ ctx, lang }: { ctx: PageContext; lang: string }) {
  return (
    <span class="lang-note">{ctx.t('practices.availableIn', { language: languageName(ctx.t, lang) })}</span>
  );
}

/** A short text (a title) in the page language, or in another one marked with `lang` and said. */
export function InlineText({
  ctx,
  text,
  original,
}: {
  ctx: PageContext;
  text: Record<string, string>;
  original: string;
}) {
  const picked = textIn(text, ctx.lang, original);
  if (!picked) return null;
  if (picked.lang === ctx.lang) return <>{picked.text}</>;
  return <span lang={picked.lang}>{picked.text}</span>;
}

/** Paragraphs of a long text; line breaks inside a paragraph are kept by the stylesheet. */
export function Paragraphs({ text, lang }: { text: string; lang?: string | undefined }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <div class="practice-text" lang={lang}>
      {paragraphs.map((paragraph) => (
        <p>{paragraph.trim()}</p>
      ))}
    </div>
  );
}

/** A long text in the page language, or in another one with a note saying which. */
export function LongText({
  ctx,
  text,
  original,
}: {
  ctx: PageContext;
  text: Record<string, string>;
  original: string;
}) {
  const picked = textIn(text, ctx.lang, original);
  if (!picked) return null;
  if (picked.lang === ctx.lang) return <Paragraphs text={picked.text} />;
  return (
    <>
      <p class="meta">
        <AvailableIn ctx={ctx} lang={picked.lang} />
      </p>
      <Paragraphs text={picked.text} lang={picked.lang} />
    </>
  );
}

export function NotCommunicated({ ctx }: { ctx: PageContext }) {
  return <em class="not-communicated">{ctx.t('practices.notCommunicated')}</em>;
}

/**
 * A search snippet whose matches lie between U+0002 and U+0003: each match becomes a <mark>, the
 * rest stays text (escaped by Preact); stray control characters are dropped.
 */
export function Highlighted({ text }: { text: string }) {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  let current = '';
  for (const char of text) {
    if (char === '\u0002' || char === '\u0003') {
      if (current) parts.push({ text: current, marked });
      current = '';
      marked = char === '\u0002';
    } else if (char >= ' ' || char === '\n' || char === '\t') current += char;
  }
  if (current) parts.push({ text: current, marked });
  return <>{parts.map((part) => (part.marked ? <mark>{part.text}</mark> : part.text))}</>;
}

/** A name in the page language, or in another one marked with `lang`. */
export function LocalizedName({ ctx, text }: { ctx: PageContext; text: LocalizedText | null | undefined }) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  return picked.lang === ctx.lang ? <>{picked.text}</> : <span lang={picked.lang}>{picked.text}</span>;
}

/** A name as plain text (an attribute, a table of names), in the page language where there is one. */
export function nameIn(ctx: PageContext, text: LocalizedText | null | undefined, fallback: string): string {
  return pickText(text, ctx.lang)?.text ?? fallback;
}

export function CodeList({
  ctx,
  vocabulary,
  codes,
}: {
  ctx: PageContext;
  vocabulary: string;
  codes: string[];
}) {
  return (
    <ul class="plain-list">
      {codes.map((code) => (
        <li>{codeLabel(ctx, vocabulary, code)}</li>
      ))}
    </ul>
  );
}
