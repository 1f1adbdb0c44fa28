import { DateTime } from 'luxon';
import type { Translate } from '../web/i18n.ts';
import { type Lang, type LocalizedText, pickText } from '../web/language.ts';
import type { PageContext } from '../web/render.tsx';
import type { ActionItemStatus, MinutesStatus } from './meetings.tables.ts';

/** A language's name in the page's language ("espagnol", "Spanish"). */
export function languageName(code: string, lang: Lang): string {
  return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
}

/** A text in the page's language if it has one, else in its own, marked with its language. */
export function Localized({ ctx, text }: { ctx: PageContext; text: LocalizedText }) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  return <span lang={picked.lang === ctx.lang ? undefined : picked.lang}>{picked.text}</span>;
}

export const localizedString = (text: LocalizedText, lang: Lang) => pickText(text, lang)?.text ?? '';

/** Plain text as typed: blank lines make paragraphs, single line ends stay (never HTML). */
export function PlainText({ text, lang }: { text: string; lang?: string | undefined }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <div class="plain-text" lang={lang}>
      {paragraphs.map((paragraph) => {
        const lines = paragraph.split('\n');
        return (
          <p>
            {lines.map((line, index) => (
              <>
                {index > 0 ? <br /> : null}
                {line}
              </>
            ))}
          </p>
        );
      })}
    </div>
  );
}

/** A calendar day (yyyy-mm-dd) in the page's language. */
export const formatDay = (day: string, lang: Lang) =>
  DateTime.fromISO(day, { zone: 'utc' }).setLocale(lang).toLocaleString(DateTime.DATE_MED);

export const formatInstant = (instant: Date, lang: Lang) =>
  DateTime.fromJSDate(instant, { zone: 'utc' }).setLocale(lang).toLocaleString(DateTime.DATETIME_MED) +
  ' UTC';

const ACTION_STATUS_KEYS: Record<ActionItemStatus, string> = {
  open: 'meetingsRecord.actionStatus.open',
  'in-progress': 'meetingsRecord.actionStatus.inProgress',
  done: 'meetingsRecord.actionStatus.done',
  cancelled: 'meetingsRecord.actionStatus.cancelled',
};
export const actionStatusLabel = (t: Translate, status: ActionItemStatus) => t(ACTION_STATUS_KEYS[status]);

export const minutesStatusLabel = (t: Translate, status: MinutesStatus) =>
  status === 'approved'
    ? t('meetingsRecord.minutesStatus.approved')
    : t('meetingsRecord.minutesStatus.draft');

export { TextArea } from '../web/components.tsx';
