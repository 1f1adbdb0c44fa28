import { type Lang, type LocalizedText, pickText } from '../web/language.ts';
import type { PageContext } from '../web/render.tsx';
import type { EffectiveStatus, QuestionItem } from './questions.queries.ts';
import type { AnswerType } from './questions.tables.ts';
import { formatInZone } from './questions.time.ts';

/** What the questions pages share: labels, texts in their language, deadlines, values, a text area. */

export const STATUS_LABEL: Record<EffectiveStatus, string> = {
  open: 'questions.status.open',
  closed: 'questions.status.closed',
  expired: 'questions.status.expired',
};
export const TYPE_LABEL: Record<AnswerType, string> = {
  text: 'questions.type.text',
  'yes-no': 'questions.type.yesNo',
  number: 'questions.type.number',
  choice: 'questions.type.choice',
};
export const LANGUAGE_LABEL: Record<Lang, string> = {
  fr: 'questions.language.fr',
  es: 'questions.language.es',
  en: 'questions.language.en',
  pt: 'questions.language.pt',
};

export const plain = (text: LocalizedText | null | undefined, lang: Lang) => pickText(text, lang)?.text ?? '';

/** A text in the page's language, or in another one marked with `lang`. */
export function TextIn({ ctx, text }: { ctx: PageContext; text: LocalizedText | null | undefined }) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  if (picked.lang === ctx.lang) return <>{picked.text}</>;
  return <span lang={picked.lang}>{picked.text}</span>;
}

/** "17:00, 25 Nov 2026 (America/Bogota)", and in UTC when that differs, and in the viewer's zone. */
export function DeadlineText({
  ctx,
  deadline,
  zone,
  viewerZone,
}: {
  ctx: PageContext;
  deadline: Date;
  zone: string;
  viewerZone?: string | null | undefined;
}) {
  const zones = [zone, ...(viewerZone && viewerZone !== zone ? [viewerZone] : []), 'UTC'].filter(
    (z, i, all) => all.indexOf(z) === i,
  );
  return (
    <>
      {zones
        .map((z) =>
          ctx.t('questions.deadline.inZone', { time: formatInZone(deadline, z, ctx.lang), zone: z }),
        )
        .join(' · ')}
    </>
  );
}

export function choiceLabel(item: QuestionItem, value: string, lang: Lang): string {
  return plain(item.choices[Number(value) - 1], lang) || value;
}

/** A stored value in the reader's language: yes/no and options translated, numbers formatted. */
export function valueLabel(
  ctx: Pick<PageContext, 't' | 'lang'>,
  item: QuestionItem,
  value: string | undefined,
) {
  if (value === undefined) return '';
  switch (item.answerType) {
    case 'yes-no':
      return ctx.t(value === 'yes' ? 'questions.answer.yes' : 'questions.answer.no');
    case 'number':
      return new Intl.NumberFormat(ctx.lang, { maximumFractionDigits: 6 }).format(Number(value));
    case 'choice':
      return choiceLabel(item, value, ctx.lang);
    default:
      return value;
  }
}

export { TextArea } from '../web/components.tsx';
