import { renderToString } from 'preact-render-to-string';
import type { MailMessage } from '../mail/mailer.ts';
import { translator, type Translate } from '../web/i18n.ts';
import type { Lang } from '../web/language.ts';
import { sourceLabel } from './subscriptions.commands.ts';
import { searchUrl } from './subscriptions.filters.ts';
import type { NewsSection } from './subscriptions.news.ts';
import type { Frequency } from './subscriptions.schemas.ts';

/** A digest as it is sent: what is new per subscription, and the links that manage it. */
export interface DigestLetter {
  lang: Lang;
  timeZone: string;
  frequency: Exclude<Frequency, 'never'>;
  sections: (NewsSection & { unsubscribeUrl: string })[];
  /** The one-click address (RFC 8058) that turns every digest off: `https://…/unsubscribe/TOKEN`. */
  oneClickUrl: string;
  /** The page that shows the same as a button, for a person following the link. */
  unsubscribeAllUrl: string;
  baseUrl: string;
}

function formatDate(lang: Lang, timeZone: string, date: Date): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  }
}

function frequencyText(t: Translate, frequency: DigestLetter['frequency']): string {
  return frequency === 'daily' ? t('subscriptions.mail.why.daily') : t('subscriptions.mail.why.weekly');
}

function countOf(letter: DigestLetter): number {
  return letter.sections.reduce((sum, section) => sum + section.items.length, 0);
}

function DigestDocument({ letter, subject }: { letter: DigestLetter; subject: string }) {
  const t = translator(letter.lang);
  const base = letter.baseUrl;
  return (
    <html lang={letter.lang}>
      <head>
        <meta charset="utf-8" />
        <title>{subject}</title>
      </head>
      <body>
        <h1>{t('subscriptions.mail.heading')}</h1>
        {letter.sections.map((section) => (
          <section>
            <h2>
              {section.subscription.name} <small>({sourceLabel(t, section.subscription.source)})</small>
            </h2>
            <ul>
              {section.items.map((item) => (
                <li>
                  <a
                    href={`${base}${item.path}`}
                    lang={item.titleLang === letter.lang ? undefined : item.titleLang}
                  >
                    {item.title}
                  </a>
                  {' — '}
                  {item.context ? `${item.context}, ` : ''}
                  {formatDate(letter.lang, letter.timeZone, item.date)}
                </li>
              ))}
            </ul>
            <p>
              <a
                href={`${base}${searchUrl(letter.lang, section.subscription.source, section.subscription.filters)}`}
              >
                {section.more ? t('subscriptions.mail.more') : t('subscriptions.mail.search')}
              </a>
              {' · '}
              <a href={section.unsubscribeUrl}>{t('subscriptions.mail.stopOne')}</a>
            </p>
          </section>
        ))}
        <hr />
        <p>{frequencyText(t, letter.frequency)}</p>
        <p>
          <a href={`${base}/${letter.lang}/subscriptions`}>{t('subscriptions.mail.manage')}</a>
          {' · '}
          <a href={letter.unsubscribeAllUrl}>{t('subscriptions.mail.stopAll')}</a>
        </p>
      </body>
    </html>
  );
}

function digestText(letter: DigestLetter): string {
  const t = translator(letter.lang);
  const base = letter.baseUrl;
  const blocks: string[] = [t('subscriptions.mail.heading')];
  for (const section of letter.sections) {
    const lines = [`== ${section.subscription.name} (${sourceLabel(t, section.subscription.source)}) ==`];
    for (const item of section.items) {
      lines.push(
        `- ${item.title}${item.context ? ` — ${item.context}` : ''}, ${formatDate(letter.lang, letter.timeZone, item.date)}`,
        `  ${base}${item.path}`,
      );
    }
    lines.push(
      `${section.more ? t('subscriptions.mail.more') : t('subscriptions.mail.search')}: ${base}${searchUrl(letter.lang, section.subscription.source, section.subscription.filters)}`,
      `${t('subscriptions.mail.stopOne')}: ${section.unsubscribeUrl}`,
    );
    blocks.push(lines.join('\n'));
  }
  blocks.push(
    [
      '-- ',
      frequencyText(t, letter.frequency),
      `${t('subscriptions.mail.manage')}: ${base}/${letter.lang}/subscriptions`,
      `${t('subscriptions.mail.stopAll')}: ${letter.unsubscribeAllUrl}`,
    ].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}

/**
 * The digest as a message: HTML (Preact, so every title is escaped) and plain text in the
 * reader's language, with the RFC 8058 one-click headers.
 */
export function composeDigest(letter: DigestLetter, to: string): MailMessage {
  const t = translator(letter.lang);
  const subject = t('subscriptions.mail.subject', { count: countOf(letter) });
  return {
    to,
    subject,
    text: digestText(letter),
    html: '<!DOCTYPE html>' + renderToString(<DigestDocument letter={letter} subject={subject} />),
    headers: {
      'List-Unsubscribe': `<${letter.oneClickUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
