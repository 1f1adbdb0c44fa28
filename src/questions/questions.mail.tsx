import { renderToString } from 'preact-render-to-string';
import type { MailMessage } from '../mail/mailer.ts';
import { translator } from '../web/i18n.ts';
import { type Lang, type LocalizedText, pickText } from '../web/language.ts';
import type { QuestionSummary } from './questions.queries.ts';
import { formatInZone } from './questions.time.ts';

export type QuestionMailKind = 'asked' | 'reminder';

interface Composed {
  subject: string;
  paragraphs: string[];
  link: string;
  linkLabel: string;
}

const MAIL_KEYS = {
  asked: { subject: 'questions.mail.asked.subject', body: 'questions.mail.asked.body' },
  reminder: { subject: 'questions.mail.reminder.subject', body: 'questions.mail.reminder.body' },
} as const;

const textOf = (text: LocalizedText, lang: Lang) => pickText(text, lang)?.text ?? '';

/** The announcement of a question, or the reminder 3 days before its deadline, in one language. */
export function composeQuestionMail(
  kind: QuestionMailKind,
  question: QuestionSummary,
  lang: Lang,
  baseUrl: string,
): Composed {
  const t = translator(lang);
  const values = {
    title: textOf(question.title, lang),
    organisation: textOf(question.organisationName, lang),
    network: textOf(question.networkName, lang),
    deadline: formatInZone(question.deadline, question.timeZone, lang),
    zone: question.timeZone,
  };
  const background = textOf(question.background, lang);
  return {
    subject: t(MAIL_KEYS[kind].subject, values),
    paragraphs: [
      t(MAIL_KEYS[kind].body, values),
      ...(kind === 'asked' && background ? [background] : []),
      t('questions.mail.once'),
    ],
    link: `${baseUrl}/${lang}/questions/${question.id}`,
    linkLabel: t('questions.mail.linkLabel'),
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

/** The message to one person, as plain text and HTML (Preact: every text is escaped). */
export function questionMessage(
  kind: QuestionMailKind,
  question: QuestionSummary,
  to: { email: string; lang: Lang },
  baseUrl: string,
): MailMessage {
  const mail = composeQuestionMail(kind, question, to.lang, baseUrl);
  return {
    to: to.email,
    subject: mail.subject,
    text: `${mail.paragraphs.join('\n\n')}\n\n${mail.linkLabel}: ${mail.link}\n`,
    html: '<!DOCTYPE html>' + renderToString(<MailDocument lang={to.lang} mail={mail} />),
  };
}
