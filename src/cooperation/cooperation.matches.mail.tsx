import { renderToString } from 'preact-render-to-string';
import type { Mailer } from '../mail/mailer.ts';
import { translator } from '../web/i18n.ts';
import { type Lang, type LocalizedText, pickText } from '../web/language.ts';
import { stageLabel } from './cooperation.matches.labels.ts';
import type { MatchSummary, Recipient } from './cooperation.matches.repository.ts';
import type { MatchStage } from './cooperation.tables.ts';

/** What happened to a match, for the mail that tells the people concerned. */
export type MatchEvent =
  | { kind: 'proposed'; match: MatchSummary; actorName: string }
  | {
      kind: 'moved';
      match: MatchSummary;
      actorName: string;
      from: MatchStage;
      occurredOn: string;
      note: string | null;
      reason: string | null;
    }
  | { kind: 'reminder'; match: MatchSummary; days: number };

export interface MatchMailDeps {
  mailer: Mailer;
  baseUrl: string;
  onMailError?: (error: unknown) => void;
}

interface Composed {
  subject: string;
  paragraphs: string[];
  link: string;
  linkLabel: string;
}

const textOf = (text: LocalizedText, lang: Lang) => pickText(text, lang)?.text ?? '';

/** The mail of an event in one language: subject, paragraphs, and the link to the match. */
export function composeMatchMail(event: MatchEvent, lang: Lang, baseUrl: string): Composed {
  const t = translator(lang);
  const { match } = event;
  const names = {
    demand: textOf(match.demand.title, lang),
    offer: textOf(match.offer.title, lang),
    demandOrganisation: textOf(match.demand.organisationName, lang),
    offerOrganisation: textOf(match.offer.organisationName, lang),
    network: textOf(match.networkName, lang),
  };
  const link = `${baseUrl}/${lang}/matches/${match.id}`;
  const linkLabel = t('cooperationMatches.mail.linkLabel');
  switch (event.kind) {
    case 'proposed':
      return {
        subject: t('cooperationMatches.mail.proposed.subject', names),
        paragraphs: [
          t('cooperationMatches.mail.proposed.body', { ...names, actor: event.actorName }),
          t('cooperationMatches.mail.proposed.next'),
        ],
        link,
        linkLabel,
      };
    case 'moved': {
      const stages = { from: stageLabel(t, event.from), to: stageLabel(t, match.stage) };
      return {
        subject: t('cooperationMatches.mail.moved.subject', { ...names, to: stages.to }),
        paragraphs: [
          t('cooperationMatches.mail.moved.body', {
            ...names,
            ...stages,
            actor: event.actorName,
            date: event.occurredOn,
          }),
          ...(event.reason ? [t('cooperationMatches.mail.reason', { reason: event.reason })] : []),
          ...(event.note ? [t('cooperationMatches.mail.note', { note: event.note })] : []),
        ],
        link,
        linkLabel,
      };
    }
    case 'reminder':
      return {
        subject: t('cooperationMatches.mail.reminder.subject', { ...names, days: event.days }),
        paragraphs: [
          t('cooperationMatches.mail.reminder.body', {
            ...names,
            days: event.days,
            stage: stageLabel(t, match.stage),
          }),
          t('cooperationMatches.mail.reminder.next'),
        ],
        link,
        linkLabel,
      };
  }
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

/**
 * Sends the mail of an event to each recipient in their language, as plain text and HTML (made
 * by Preact, so every name is escaped). A failed delivery is reported, not thrown: the move it
 * tells of is already saved.
 */
export async function sendMatchMail(deps: MatchMailDeps, recipients: Recipient[], event: MatchEvent) {
  const seen = new Set<string>();
  let sent = 0;
  for (const recipient of recipients) {
    const key = recipient.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const mail = composeMatchMail(event, recipient.lang, deps.baseUrl);
    try {
      await deps.mailer.send({
        to: recipient.email,
        subject: mail.subject,
        text: `${mail.paragraphs.join('\n\n')}\n\n${mail.linkLabel}: ${mail.link}\n`,
        html: '<!DOCTYPE html>' + renderToString(<MailDocument lang={recipient.lang} mail={mail} />),
      });
      sent++;
    } catch (error) {
      deps.onMailError?.(error);
    }
  }
  return sent;
}
