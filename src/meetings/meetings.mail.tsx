import { renderToString } from 'preact-render-to-string';
import type { Mailer } from '../mail/mailer.ts';
import { translator } from '../web/i18n.ts';
import { type Lang, isLang, pickText } from '../web/language.ts';
import type { Meeting } from './meetings.model.ts';
import type { ParticipantRole } from './meetings.tables.ts';
import { formatRange, zonePlace } from './meetings.time.ts';

/** Mail about a meeting to one person, in their language: an invitation, an RSVP reminder, a cancellation. */
export type MeetingMailEvent =
  { kind: 'invited'; role: ParticipantRole } | { kind: 'reminder' } | { kind: 'cancelled' };

export interface MailRecipient {
  email: string;
  name: string;
  locale: string;
  time_zone: string | null;
}

interface Composed {
  lang: Lang;
  subject: string;
  paragraphs: string[];
  links: { href: string; label: string }[];
}

export function composeMeetingMail(
  recipient: MailRecipient,
  meeting: Meeting,
  event: MeetingMailEvent,
  baseUrl: string,
): Composed {
  const lang: Lang = isLang(recipient.locale) ? recipient.locale : 'en';
  const t = translator(lang);
  const title = pickText(meeting.title, lang)?.text ?? '';
  const when = t('meetings.time.organiser', {
    range: formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, lang),
    place: zonePlace(meeting.timeZone),
  });
  const yours =
    recipient.time_zone && recipient.time_zone !== meeting.timeZone
      ? [
          t('meetings.time.viewer', {
            range: formatRange(meeting.startsAt, meeting.endsAt, recipient.time_zone, lang),
            zone: recipient.time_zone,
          }),
        ]
      : [];
  const where = [meeting.place, meeting.onlineUrl].filter((v): v is string => Boolean(v));
  const page = `${baseUrl}/${lang}/meetings/${meeting.id}`;
  const links = [
    { href: page, label: t('meetings.mail.pageLink') },
    { href: `${baseUrl}/api/v1/meetings/${meeting.id}/calendar.ics`, label: t('meetings.mail.icsLink') },
  ];
  const details = [when, ...yours, ...where.map((w) => t('meetings.mail.where', { where: w }))];
  switch (event.kind) {
    case 'invited':
      return {
        lang,
        subject: t('meetings.mail.invited.subject', { title }),
        paragraphs: [
          t('meetings.mail.invited.body', { name: recipient.name, title, role: event.role }),
          ...details,
          t('meetings.mail.invited.answer'),
        ],
        links,
      };
    case 'reminder':
      return {
        lang,
        subject: t('meetings.mail.reminder.subject', { title }),
        paragraphs: [t('meetings.mail.reminder.body', { name: recipient.name, title }), ...details],
        links,
      };
    case 'cancelled':
      return {
        lang,
        subject: t('meetings.mail.cancelled.subject', { title }),
        paragraphs: [t('meetings.mail.cancelled.body', { name: recipient.name, title }), when],
        links,
      };
  }
}

function MailDocument({ mail }: { mail: Composed }) {
  return (
    <html lang={mail.lang}>
      <head>
        <meta charset="utf-8" />
        <title>{mail.subject}</title>
      </head>
      <body>
        {mail.paragraphs.map((paragraph) => (
          <p>{paragraph}</p>
        ))}
        <ul>
          {mail.links.map((link) => (
            <li>
              <a href={link.href}>{link.label}</a>
            </li>
          ))}
        </ul>
      </body>
    </html>
  );
}

/** Sends one meeting mail as plain text and HTML (Preact: every name escaped). Throws when SMTP fails. */
export async function sendMeetingMail(
  mailer: Mailer,
  baseUrl: string,
  recipient: MailRecipient,
  meeting: Meeting,
  event: MeetingMailEvent,
): Promise<void> {
  const mail = composeMeetingMail(recipient, meeting, event, baseUrl);
  await mailer.send({
    to: recipient.email,
    subject: mail.subject,
    text: `${mail.paragraphs.join('\n\n')}\n\n${mail.links.map((l) => `${l.label}: ${l.href}`).join('\n')}\n`,
    html: '<!DOCTYPE html>' + renderToString(<MailDocument mail={mail} />),
  });
}
