import type { Db } from '../db/schema.ts';
import type { Mailer } from '../mail/mailer.ts';
import { sendMatchMail } from './cooperation.matches.mail.tsx';
import {
  claimStaleMatches,
  findMatchSummary,
  focalPointRecipients,
  secretariatRecipients,
} from './cooperation.matches.repository.ts';

const DAY_MS = 86_400_000;

/**
 * Reminds the secretariat and both parties' focal points of each live match without a move for
 * `days` days; once, then again only after as many days without a move (nor reminder). Each match
 * is claimed by one UPDATE … RETURNING before its mail goes out, so two instances (or the hourly
 * timer and `puente matches:remind` from cron) never both send it.
 */
export async function sendStaleMatchReminders(
  db: Db,
  mailer: Mailer,
  now: Date,
  days: number,
  options: { baseUrl: string; onMailError?: (error: unknown) => void },
): Promise<{ matches: number; mails: number }> {
  const claimed = await claimStaleMatches(db, now, new Date(now.getTime() - days * DAY_MS));
  let mails = 0;
  for (const id of claimed) {
    const match = await findMatchSummary(db, id);
    if (!match) continue;
    const recipients = [
      ...(await secretariatRecipients(db, match.networkId)),
      ...(await focalPointRecipients(db, [match.demand.organisationId, match.offer.organisationId])),
    ];
    mails += await sendMatchMail({ mailer, ...options }, recipients, { kind: 'reminder', match, days });
  }
  return { matches: claimed.length, mails };
}
