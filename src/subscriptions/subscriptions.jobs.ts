import { DateTime } from 'luxon';
import { principalOfUser } from '../accounts/index.ts';
import {
  type JobContext,
  type JobDefinition,
  type JobSchedule,
  defineJob,
  enqueueJob,
} from '../jobs/jobs.ts';
import { issueUnsubscribeToken } from './subscriptions.commands.ts';
import { composeDigest } from './subscriptions.mail.tsx';
import { collectNews } from './subscriptions.news.ts';
import * as repo from './subscriptions.repository.ts';

/**
 * Digests. Every instance sweeps every 15 minutes and enqueues one job per user whose digest is
 * due, keyed `digest:<frequency>:<user>:<period>` so that sweeps running at once create it once.
 * A daily digest is due from 07:00 of each day, a weekly one from 07:00 on Monday, in the user's
 * time zone (`users.time_zone`, else UTC); the period is that local day (`2026-11-25`) or ISO
 * week (`2026-W48`). The job sends what is new since the last digest (or, for a first one, over
 * the last day or week), then records the instant it collected up to.
 */
export const DIGEST_JOB = 'subscriptions.digest';
export const SEND_HOUR = 7;
/** Items shown per subscription; the section links to the whole search beyond that. */
export const ITEMS_PER_SECTION = 20;
/** How long an unused unsubscribe link keeps working. */
const TOKEN_DAYS = 180;

export interface DigestPeriod {
  key: string;
  start: Date;
}

/** The period a digest is due for at `now`, or null before its send time. */
export function duePeriod(
  frequency: 'daily' | 'weekly',
  timeZone: string | null,
  now: Date,
): DigestPeriod | null {
  let local = DateTime.fromJSDate(now, { zone: timeZone ?? 'UTC' });
  if (!local.isValid) local = DateTime.fromJSDate(now, { zone: 'UTC' });
  const start = (frequency === 'daily' ? local.startOf('day') : local.startOf('week')).set({
    hour: SEND_HOUR,
  });
  if (local < start) return null;
  const key = frequency === 'daily' ? local.toISODate()! : local.toFormat("kkkk-'W'WW");
  return { key, start: start.toJSDate() };
}

export const digestKey = (frequency: string, userId: string, period: string) =>
  `digest:${frequency}:${userId}:${period}`;

export type DigestPayload = {
  userId: string;
  frequency: 'daily' | 'weekly';
  period: string;
  periodStart: string;
};

export const digestSchedule: JobSchedule = {
  name: 'subscriptions.digests',
  everyMinutes: 15,
  async run(context) {
    for (const row of await repo.usersWithDigests(context.db)) {
      if (row.frequency === 'never') continue;
      const period = duePeriod(row.frequency, row.timeZone, context.now);
      if (!period) continue;
      if (row.lastSentAt && new Date(row.lastSentAt) >= period.start) continue;
      const payload: DigestPayload = {
        userId: row.userId,
        frequency: row.frequency,
        period: period.key,
        periodStart: period.start.toISOString(),
      };
      await enqueueJob(context.db, DIGEST_JOB, payload, {
        key: digestKey(row.frequency, row.userId, period.key),
        runAt: context.now,
      });
    }
    await repo.deleteOldTokens(context.db, new Date(context.now.getTime() - TOKEN_DAYS * 86_400_000));
  },
};

/** One user's digest: collected, sent as one message, then `last_sent_at` moves to the end of the window. */
export async function sendDigest(
  payload: DigestPayload,
  context: JobContext,
): Promise<'sent' | 'nothing' | 'skipped'> {
  const { db } = context;
  const settings = await repo.findDigestSettings(db, payload.userId);
  // Changed since the job was made (turned off, or to another frequency, whose own job will come).
  if (!settings || settings.frequency !== payload.frequency) return 'skipped';
  // Sent already in this period (a job retried after its mail went out, or enqueued twice).
  if (settings.lastSentAt && settings.lastSentAt >= new Date(payload.periodStart)) return 'skipped';
  const principal = await principalOfUser(db, payload.userId);
  if (!principal) return 'skipped';
  const user = await db
    .selectFrom('users')
    .select(['time_zone'])
    .where('id', '=', payload.userId)
    .executeTakeFirst();
  const span = (payload.frequency === 'daily' ? 1 : 7) * 86_400_000;
  const window = { after: settings.lastSentAt ?? new Date(context.now.getTime() - span), until: context.now };
  const subscriptions = await repo.listSubscriptionsOfUser(db, payload.userId);
  const sections = await collectNews(
    db,
    principal,
    subscriptions,
    window,
    principal.locale,
    ITEMS_PER_SECTION,
  );
  if (sections.length > 0) {
    const baseUrl = context.config.baseUrl.replace(/\/$/, '');
    const lang = principal.locale;
    const allToken = await issueUnsubscribeToken(db, payload.userId, null);
    const withLinks = [];
    for (const section of sections) {
      const token = await issueUnsubscribeToken(db, payload.userId, section.subscription.id);
      withLinks.push({ ...section, unsubscribeUrl: `${baseUrl}/${lang}/unsubscribe/${token}` });
    }
    let timeZone = user?.time_zone ?? 'UTC';
    if (!DateTime.local().setZone(timeZone).isValid) timeZone = 'UTC';
    // Sent before `last_sent_at` moves: if sending fails, the job is retried and nothing is lost.
    await context.mailer.send(
      composeDigest(
        {
          lang,
          timeZone,
          frequency: payload.frequency,
          sections: withLinks,
          oneClickUrl: `${baseUrl}/unsubscribe/${allToken}`,
          unsubscribeAllUrl: `${baseUrl}/${lang}/unsubscribe/${allToken}`,
          baseUrl,
        },
        principal.email,
      ),
    );
  }
  await repo.setLastSentAt(db, payload.userId, window.until);
  context.log.info(
    { job: DIGEST_JOB, sections: sections.length, items: sections.reduce((n, s) => n + s.items.length, 0) },
    sections.length > 0 ? 'digest sent' : 'digest: nothing new',
  );
  return sections.length > 0 ? 'sent' : 'nothing';
}

export const digestJob = defineJob<DigestPayload>({
  kind: DIGEST_JOB,
  async run(payload, context) {
    await sendDigest(payload, context);
  },
});

export const digestJobs: JobDefinition[] = [digestJob as JobDefinition];
export const digestSchedules: JobSchedule[] = [digestSchedule];
