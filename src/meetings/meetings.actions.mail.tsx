import { renderToString } from 'preact-render-to-string';
import type { Executor } from '../db/schema.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { translator } from '../web/i18n.ts';
import { type Lang, isLang, pickText } from '../web/language.ts';
import { actionStatusLabel, formatDay } from './meetings.record.components.tsx';
import { type ActionItemView, isOverdue } from './meetings.actions.queries.ts';

export interface ReminderRecipient {
  email: string;
  lang: Lang;
}

/** Who is reminded of an action item: its person, or the people of its organisation, with an active account. */
export async function actionItemRecipients(db: Executor, item: ActionItemView): Promise<ReminderRecipient[]> {
  if (item.ownerUserId === null && item.ownerOrganisationId === null) return [];
  let query = db.selectFrom('users').select(['email', 'locale']).where('disabled_at', 'is', null);
  query =
    item.ownerUserId !== null
      ? query.where('id', '=', item.ownerUserId)
      : query.where('organisation_id', '=', item.ownerOrganisationId);
  const rows = await query.orderBy('email').execute();
  return rows.map((row) => ({ email: row.email, lang: isLang(row.locale) ? row.locale : 'en' }));
}

interface Composed {
  subject: string;
  paragraphs: string[];
  link: string;
  linkLabel: string;
}

/** The reminder of an action item due soon or overdue, in one language. */
export function composeActionReminder(
  item: ActionItemView,
  lang: Lang,
  now: Date,
  baseUrl: string,
): Composed {
  const t = translator(lang);
  const values = {
    title: item.title,
    meeting: pickText(item.meetingTitle, lang)?.text ?? '',
    date: formatDay(item.dueOn, lang),
    status: actionStatusLabel(t, item.status),
  };
  const overdue = isOverdue(item, now);
  return {
    subject: overdue
      ? t('meetingsRecord.mail.overdue.subject', values)
      : t('meetingsRecord.mail.dueSoon.subject', values),
    paragraphs: [
      overdue ? t('meetingsRecord.mail.overdue.body', values) : t('meetingsRecord.mail.dueSoon.body', values),
      ...(item.note ? [t('meetingsRecord.mail.note', { note: item.note })] : []),
      t('meetingsRecord.mail.next'),
    ],
    link: `${baseUrl}/${lang}/actions/${item.id}`,
    linkLabel: t('meetingsRecord.mail.linkLabel'),
  };
}

function MailDocument({ lang, mail }: { lang: Lang; mail: Composed }) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <title>{mail.subject}</title>
      </head>
      <body>
        {mail.paragraphs.map((paragraph) => (
          <p>{paragraph}</p>
        ))}
        <p>
          <a href={mail.link}>{mail.linkLabel}</a>
        </p>
      </body>
    </html>
  );
}

/** The message for one recipient: plain text and HTML (Preact, so every title is escaped). */
export function actionReminderMessage(
  item: ActionItemView,
  recipient: ReminderRecipient,
  now: Date,
  baseUrl: string,
): MailMessage {
  const mail = composeActionReminder(item, recipient.lang, now, baseUrl);
  return {
    to: recipient.email,
    subject: mail.subject,
    text: `${mail.paragraphs.join('\n\n')}\n\n${mail.linkLabel}: ${mail.link}\n`,
    html: '<!DOCTYPE html>' + renderToString(<MailDocument lang={recipient.lang} mail={mail} />),
  };
}
