import crypto from 'node:crypto';
import type { Db, Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { type FieldError, HttpProblem, type Result, invalid, ok } from '../http/problems.ts';
import type { Translate } from '../web/i18n.ts';
import { isLang, type Lang } from '../web/language.ts';
import { normaliseFilters, valuesOf, type Filters } from './subscriptions.filters.ts';
import * as repo from './subscriptions.repository.ts';
import { FREQUENCIES, type Frequency, NAME_MAX, SOURCES, type Source } from './subscriptions.schemas.ts';

/** Writes: each checks who asks first, validates, and answers ok or the fields' errors. */

export const MAX_SUBSCRIPTIONS = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isSource = (value: unknown): value is Source => (SOURCES as readonly unknown[]).includes(value);
const isFrequency = (value: unknown): value is Frequency =>
  (FREQUENCIES as readonly unknown[]).includes(value);

export function sourceLabel(t: Translate, source: Source): string {
  switch (source) {
    case 'updates':
      return t('subscriptions.source.updates');
    case 'practices':
      return t('subscriptions.source.practices');
    case 'offers':
      return t('subscriptions.source.offers');
    case 'demands':
      return t('subscriptions.source.demands');
  }
}

/** A name for a subscription given none: its words, else its values, else the source's name. */
export function defaultName(t: Translate, source: Source, filters: Filters): string {
  const q = valuesOf(filters, 'q')[0];
  const values = Object.entries(filters)
    .filter(([name]) => name !== 'q')
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]));
  const what = q ? `“${q}”` : values.length > 0 ? values.slice(0, 6).join(', ') : null;
  const name = what
    ? t('subscriptions.defaultName', { source: sourceLabel(t, source), what })
    : sourceLabel(t, source);
  return name.slice(0, NAME_MAX);
}

/** Only the subscription's owner may see or change it; anyone else learns nothing (404). */
async function ownSubscription(db: Executor, principal: Principal, id: string) {
  // A form route validates its body after the handler starts: its id may not be a uuid yet.
  if (!UUID.test(id)) throw new HttpProblem('not-found');
  const subscription = await repo.findSubscription(db, id);
  if (!subscription || subscription.userId !== principal.userId) throw new HttpProblem('not-found');
  return subscription;
}

export async function getOwnSubscription(db: Executor, principal: Principal, id: string) {
  return ownSubscription(db, principal, id);
}

function checkName(t: Translate, name: string): FieldError | null {
  if (name.length > NAME_MAX)
    return { field: 'name', message: t('subscriptions.error.nameTooLong', { max: NAME_MAX }) };
  return null;
}

export async function createSubscription(
  db: Db,
  principal: Principal,
  input: { source: unknown; name?: string | undefined; filters?: Record<string, unknown> | undefined },
  t: Translate,
  /** The field the filters came from: `filters` in the API, `query` in the "subscribe to this search" form. */
  filtersField = 'filters',
): Promise<Result<repo.Subscription>> {
  if (!isSource(input.source))
    return invalid([{ field: 'source', message: t('subscriptions.error.source') }]);
  const errors: FieldError[] = [];
  const normalised = normaliseFilters(input.source, input.filters ?? {});
  if (!normalised.ok)
    errors.push({
      field: filtersField,
      message:
        normalised.problem === 'too-many'
          ? t('subscriptions.error.filtersTooMany')
          : t('subscriptions.error.filtersInvalid'),
    });
  const name = (input.name ?? '').replace(/\p{Cc}/gu, ' ').trim();
  const nameError = checkName(t, name);
  if (nameError) errors.push(nameError);
  if (errors.length > 0 || !normalised.ok) return invalid(errors);
  return db.transaction().execute(async (tx) => {
    const existing = await repo.listSubscriptionsOfUser(tx, principal.userId);
    if (existing.length >= MAX_SUBSCRIPTIONS)
      return invalid([
        { field: 'source', message: t('subscriptions.error.tooMany', { max: MAX_SUBSCRIPTIONS }) },
      ]);
    const subscription = await repo.insertSubscription(tx, {
      userId: principal.userId,
      source: input.source as Source,
      name: name || defaultName(t, input.source as Source, normalised.filters),
      filters: normalised.filters,
    });
    // The first subscription turns digests on, weekly (the column's default); a later "never" stays.
    await repo.ensureDigestSettings(tx, principal.userId);
    return ok(subscription);
  });
}

export async function renameSubscription(
  db: Db,
  principal: Principal,
  id: string,
  rawName: string | undefined,
  t: Translate,
): Promise<Result<repo.Subscription>> {
  const subscription = await ownSubscription(db, principal, id);
  const name = (rawName ?? '').replace(/\p{Cc}/gu, ' ').trim();
  if (name === '') return invalid([{ field: 'name', message: t('subscriptions.error.nameRequired') }]);
  const error = checkName(t, name);
  if (error) return invalid([error]);
  await repo.renameSubscription(db, id, name);
  return ok({ ...subscription, name });
}

export async function removeSubscription(db: Db, principal: Principal, id: string): Promise<void> {
  await ownSubscription(db, principal, id);
  await repo.deleteSubscription(db, id);
}

export async function setDigestFrequency(
  db: Db,
  principal: Principal,
  frequency: unknown,
  t: Translate,
): Promise<Result<Frequency>> {
  if (!isFrequency(frequency))
    return invalid([{ field: 'frequency', message: t('subscriptions.error.frequency') }]);
  await repo.setDigestFrequency(db, principal.userId, frequency);
  return ok(frequency);
}

export async function digestSettingsOf(db: Executor, principal: Principal): Promise<repo.DigestSettings> {
  return (await repo.findDigestSettings(db, principal.userId)) ?? { frequency: 'weekly', lastSentAt: null };
}

// ---- Unsubscribe links --------------------------------------------------------------------------

const hashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** A fresh single-use link secret: 256 random bits; only its SHA-256 is stored. */
export async function issueUnsubscribeToken(
  db: Executor,
  userId: string,
  subscriptionId: string | null,
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await repo.insertUnsubscribeToken(db, { tokenHash: hashOf(token), userId, subscriptionId });
  return token;
}

export type UnsubscribeOutcome =
  { outcome: 'unsubscribed' | 'already'; scope: 'all' | 'subscription'; lang: Lang } | { outcome: 'unknown' };

/** What a link is, without using it (the page shown for a GET, which must change nothing). */
export async function inspectUnsubscribeToken(db: Executor, token: string) {
  const row = await repo.findUnsubscribeToken(db, hashOf(token));
  if (!row) return null;
  return {
    scope: row.scope,
    used: row.usedAt !== null,
    lang: isLang(row.locale) ? row.locale : ('en' as Lang),
    subscriptionName: row.subscriptionName,
  };
}

/**
 * Uses a link: 'all' turns the user's digests off, 'subscription' ends that subscription. A link
 * used before, or whose subscription is already gone, changes nothing and says so; an unknown
 * (tampered) one changes nothing at all.
 */
export async function unsubscribeWithToken(db: Db, token: string, now: Date): Promise<UnsubscribeOutcome> {
  const tokenHash = hashOf(token);
  return db.transaction().execute(async (tx) => {
    const row = await repo.findUnsubscribeTokenForUpdate(tx, tokenHash);
    if (!row) return { outcome: 'unknown' as const };
    const lang = isLang(row.locale) ? row.locale : ('en' as Lang);
    if (row.usedAt !== null) return { outcome: 'already' as const, scope: row.scope, lang };
    await repo.markTokenUsed(tx, tokenHash, now);
    if (row.scope === 'all') {
      const settings = await repo.findDigestSettings(tx, row.userId);
      if (settings?.frequency === 'never') return { outcome: 'already' as const, scope: row.scope, lang };
      await repo.setDigestFrequency(tx, row.userId, 'never');
      return { outcome: 'unsubscribed' as const, scope: row.scope, lang };
    }
    if (!row.subscriptionId || !(await repo.deleteSubscription(tx, row.subscriptionId)))
      return { outcome: 'already' as const, scope: row.scope, lang };
    return { outcome: 'unsubscribed' as const, scope: row.scope, lang };
  });
}
