import type { Db, Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, type Result, HttpProblem, invalid, ok } from '../http/problems.ts';
import { inputValidator, plainCopy } from '../http/validation.ts';
import type { Translate } from '../web/i18n.ts';
import { canManagePractice, canSubmitFor, canTranslate } from './practices.access.ts';
import { checkContent, completenessOf, toContent } from './practices.content.ts';
import { isContentLanguage } from './practices.languages.ts';
import * as repo from './practices.repository.ts';
import {
  PracticeInput,
  PracticeRevision,
  TEXT_FIELDS,
  TEXT_LIMITS,
  type PracticeContent,
  type PracticeInput as PracticeInputType,
  type PracticeRevision as PracticeRevisionType,
} from './practices.schemas.ts';

const validatePractice = inputValidator(PracticeInput);
const validateRevision = inputValidator(PracticeRevision);

/** Copies the input through JSON so that the validator's removal of unknown fields never touches the caller's object. */

const forbidden = () => new HttpProblem('forbidden');
const notFound = () => new HttpProblem('not-found');

/** A save that lost a race: the caller shows the current state; nothing is overwritten. */
export interface Conflict {
  ok: false;
  conflict: true;
  errors: FieldError[];
}

async function networkIdOf(db: Executor, slug: string): Promise<string | null> {
  const row = await db.selectFrom('networks').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id ?? null;
}

/** A focal point drafts a practice for their organisation, in a network it belongs to. */
export async function createPractice(
  db: Db,
  actor: Principal,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string; version: number }>> {
  const data = plainCopy(input) as PracticeInputType;
  const errors = validatePractice(data, t);
  if (errors.length > 0) return invalid(errors);
  const networkId = await networkIdOf(db, data.network);
  if (networkId === null)
    return invalid([{ field: 'network', message: t('practices.error.unknownNetwork') }]);
  if (!(await canSubmitFor(db, actor, data.organisationId, networkId))) {
    if (!isSecretariat(actor, networkId) && actor.organisationId !== data.organisationId) throw forbidden();
    return invalid([{ field: 'organisationId', message: t('practices.error.notAMember') }]);
  }
  if (data.callId) {
    // A submission answers a call of its network that is open today.
    const today = new Date().toISOString().slice(0, 10);
    const call = await db
      .selectFrom('practice_calls')
      .select('id')
      .where('id', '=', data.callId)
      .where('network_id', '=', networkId)
      .where('opens_on', '<=', today)
      .where('closes_on', '>=', today)
      .executeTakeFirst();
    if (!call) return invalid([{ field: 'callId', message: t('practices.error.unknownCall') }]);
  }
  const content = toContent(data);
  const contentErrors = await checkContent(db, content, networkId, t, data.organisationId);
  if (contentErrors.length > 0) return invalid(contentErrors);
  return db.transaction().execute(async (tx) => {
    const id = await repo.insertPracticeRow(tx, {
      networkId,
      organisationId: data.organisationId,
      callId: data.callId ?? null,
      createdBy: actor.userId,
    });
    const versionId = await repo.insertVersionRow(tx, {
      practiceId: id,
      number: 1,
      state: 'draft',
      content,
      completeness: completenessOf(content),
      createdBy: actor.userId,
    });
    await repo.updatePracticeRow(tx, id, { workingVersionId: versionId });
    await repo.insertEvent(tx, { practiceId: id, versionId, kind: 'created', actorId: actor.userId });
    return ok({ id, version: 2 });
  });
}

async function lockedPractice(tx: Executor, actor: Principal, id: string) {
  const practice = await repo.findPractice(tx, id, true);
  if (!practice) throw notFound();
  if (!canManagePractice(actor, practice)) throw forbidden();
  return practice;
}

const conflict = (t: Translate): Conflict => ({
  ok: false,
  conflict: true,
  errors: [{ field: 'version', message: t('practices.error.conflict') }],
});

/**
 * Saves the practice's working draft. A draft or a returned version is edited in place until it
 * is submitted; a published practice gets a new draft version (the published one stays public).
 * `version` is the practice's version the editor started from: a stale one is a conflict.
 */
export async function revisePractice(
  db: Db,
  actor: Principal,
  id: string,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string; version: number; versionNumber: number }> | Conflict> {
  const data = plainCopy(input) as PracticeRevisionType;
  const errors = validateRevision(data, t);
  if (errors.length > 0) return invalid(errors);
  const content = toContent(data);
  return db.transaction().execute(async (tx) => {
    const practice = await lockedPractice(tx, actor, id);
    if (practice.version !== data.version) return conflict(t);
    if (practice.status === 'withdrawn' || practice.status === 'archived')
      return invalid([{ field: 'body', message: t('practices.error.notEditable') }]);
    const contentErrors = await checkContent(tx, content, practice.networkId, t, practice.organisationId);
    if (contentErrors.length > 0) return invalid(contentErrors);
    const working = practice.workingVersionId ? await repo.findVersion(tx, practice.workingVersionId) : null;
    let versionId: string;
    let number: number;
    if (working && working.state === 'draft') {
      await repo.updateVersionContent(tx, working.id, content, completenessOf(content));
      versionId = working.id;
      number = working.number;
    } else if (working && (working.state === 'submitted' || working.state === 'in-review')) {
      return invalid([{ field: 'body', message: t('practices.error.underReview') }]);
    } else {
      // A returned version stays as the reviewers saw it; a published one stays public.
      number = await repo.nextVersionNumber(tx, id);
      versionId = await repo.insertVersionRow(tx, {
        practiceId: id,
        number,
        state: 'draft',
        content,
        completeness: completenessOf(content),
        createdBy: actor.userId,
      });
      await repo.insertEvent(tx, {
        practiceId: id,
        versionId,
        kind: 'revision-started',
        actorId: actor.userId,
      });
    }
    const status = practice.status === 'published' ? 'published' : 'draft';
    await repo.updatePracticeRow(tx, id, { workingVersionId: versionId, status });
    return ok({ id, version: practice.version + 1, versionNumber: number });
  });
}

/** Sends the working draft to the network's secretariat for review. */
export async function submitPractice(
  db: Db,
  actor: Principal,
  id: string,
  version: number,
  t: Translate,
): Promise<Result<{ version: number }> | Conflict> {
  return db.transaction().execute(async (tx) => {
    const practice = await lockedPractice(tx, actor, id);
    if (practice.version !== version) return conflict(t);
    const working = practice.workingVersionId ? await repo.findVersion(tx, practice.workingVersionId) : null;
    if (!working || working.state !== 'draft')
      return invalid([{ field: 'body', message: t('practices.error.nothingToSubmit') }]);
    await repo.setVersionState(tx, working.id, 'submitted', 'submitted_at');
    if (practice.status !== 'published') await repo.updatePracticeRow(tx, id, { status: 'submitted' });
    else await repo.updatePracticeRow(tx, id, {});
    await repo.insertEvent(tx, {
      practiceId: id,
      versionId: working.id,
      kind: 'submitted',
      actorId: actor.userId,
    });
    return ok({ version: practice.version + 1 });
  });
}

/** The secretariat sends a submitted version back to its authors, with what to change. */
export async function returnPractice(
  db: Db,
  actor: Principal,
  id: string,
  version: number,
  comment: string,
  t: Translate,
): Promise<Result<{ version: number }> | Conflict> {
  const text = comment.trim();
  if (text === '' || text.length > 10_000)
    return invalid([{ field: 'comment', message: t('practices.error.commentRequired') }]);
  return db.transaction().execute(async (tx) => {
    const practice = await repo.findPractice(tx, id, true);
    if (!practice) throw notFound();
    if (!isSecretariat(actor, practice.networkId)) throw forbidden();
    if (practice.version !== version) return conflict(t);
    const working = practice.workingVersionId ? await repo.findVersion(tx, practice.workingVersionId) : null;
    if (!working || (working.state !== 'submitted' && working.state !== 'in-review'))
      return invalid([{ field: 'body', message: t('practices.error.notUnderReview') }]);
    await repo.setVersionState(tx, working.id, 'returned');
    await repo.updatePracticeRow(tx, id, practice.status === 'published' ? {} : { status: 'returned' });
    await repo.insertEvent(tx, {
      practiceId: id,
      versionId: working.id,
      kind: 'returned',
      comment: text,
      actorId: actor.userId,
    });
    return ok({ version: practice.version + 1 });
  });
}

/**
 * The secretariat publishes a version once its reviewers have all answered. The version becomes
 * the public one and the search index follows; the version it replaces is kept as superseded.
 */
export async function publishPractice(
  db: Db,
  actor: Principal,
  id: string,
  version: number,
  t: Translate,
): Promise<Result<{ version: number }> | Conflict> {
  return db.transaction().execute(async (tx) => {
    const practice = await repo.findPractice(tx, id, true);
    if (!practice) throw notFound();
    if (!isSecretariat(actor, practice.networkId)) throw forbidden();
    if (practice.version !== version) return conflict(t);
    const working = practice.workingVersionId ? await repo.findVersion(tx, practice.workingVersionId) : null;
    if (!working || working.state !== 'in-review')
      return invalid([{ field: 'body', message: t('practices.error.notUnderReview') }]);
    const pending = await tx
      .selectFrom('practice_reviews')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('version_id', '=', working.id)
      .where('submitted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(pending.count) > 0)
      return invalid([
        { field: 'body', message: t('practices.error.reviewsPending', { count: Number(pending.count) }) },
      ]);
    await makePublic(tx, practice, working, actor.userId);
    return ok({ version: practice.version + 1 });
  });
}

/** Makes a version the public one: supersedes the previous, stamps dates, rewrites the search row. */
export async function makePublic(
  tx: Executor,
  practice: repo.PracticeRow,
  version: repo.VersionRow,
  actorId: string | null,
  publishedAt: Date = new Date(),
): Promise<void> {
  if (practice.publishedVersionId && practice.publishedVersionId !== version.id)
    await repo.setVersionState(tx, practice.publishedVersionId, 'superseded');
  await tx
    .updateTable('practice_versions')
    .set({ state: 'published', published_at: publishedAt })
    .where('id', '=', version.id)
    .execute();
  const firstPublishedAt = practice.firstPublishedAt ?? publishedAt;
  await repo.updatePracticeRow(tx, practice.id, {
    status: 'published',
    publishedVersionId: version.id,
    workingVersionId: practice.workingVersionId === version.id ? null : practice.workingVersionId,
    firstPublishedAt,
  });
  await repo.writeSearchRow(
    tx,
    {
      id: practice.id,
      networkId: practice.networkId,
      organisationId: practice.organisationId,
      firstPublishedAt,
    },
    version.content,
  );
  await repo.insertEvent(tx, {
    practiceId: practice.id,
    versionId: version.id,
    kind: 'published',
    actorId,
    at: publishedAt,
  });
}

/** Takes a practice out of public view (its authors or the secretariat); every version is kept. */
export async function withdrawPractice(
  db: Db,
  actor: Principal,
  id: string,
  version: number,
  comment: string,
  t: Translate,
): Promise<Result<{ version: number }> | Conflict> {
  return db.transaction().execute(async (tx) => {
    const practice = await lockedPractice(tx, actor, id);
    if (practice.version !== version) return conflict(t);
    if (practice.status === 'withdrawn')
      return invalid([{ field: 'body', message: t('practices.error.alreadyWithdrawn') }]);
    await repo.updatePracticeRow(tx, id, { status: 'withdrawn' });
    await repo.deleteSearchRow(tx, id);
    await repo.insertEvent(tx, {
      practiceId: id,
      versionId: practice.publishedVersionId ?? practice.workingVersionId,
      kind: 'withdrawn',
      comment: comment.trim().slice(0, 10_000) || null,
      actorId: actor.userId,
    });
    return ok({ version: practice.version + 1 });
  });
}

/** The secretariat archives a published practice: still readable, marked as archived, out of search. */
export async function archivePractice(
  db: Db,
  actor: Principal,
  id: string,
  version: number,
  t: Translate,
): Promise<Result<{ version: number }> | Conflict> {
  return db.transaction().execute(async (tx) => {
    const practice = await repo.findPractice(tx, id, true);
    if (!practice) throw notFound();
    if (!isSecretariat(actor, practice.networkId)) throw forbidden();
    if (practice.version !== version) return conflict(t);
    if (practice.status !== 'published')
      return invalid([{ field: 'body', message: t('practices.error.notPublished') }]);
    await repo.updatePracticeRow(tx, id, { status: 'archived' });
    await repo.deleteSearchRow(tx, id);
    await repo.insertEvent(tx, {
      practiceId: id,
      versionId: practice.publishedVersionId,
      kind: 'archived',
      actorId: actor.userId,
    });
    return ok({ version: practice.version + 1 });
  });
}

/**
 * A translator adds one language to the published version. That makes a new published version
 * (kind "translation"), so the history shows who translated what; a draft under way gets the same
 * text where it has none.
 */
export async function addTranslation(
  db: Db,
  actor: Principal,
  id: string,
  lang: string,
  input: Record<string, unknown>,
  t: Translate,
): Promise<Result<{ versionNumber: number }>> {
  if (!isContentLanguage(lang)) throw notFound();
  const user = await db
    .selectFrom('users')
    .select('translator_languages')
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  const errors: FieldError[] = [];
  const texts: Partial<Record<(typeof TEXT_FIELDS)[number], string>> = {};
  for (const field of TEXT_FIELDS) {
    const value = input[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') errors.push({ field, message: t('practices.error.text') });
    else if (value.length > TEXT_LIMITS[field])
      errors.push({ field, message: t('practices.error.tooLong', { max: TEXT_LIMITS[field] }) });
    else if (value.includes('\u0000')) errors.push({ field, message: t('practices.error.text') });
    else if (value.trim()) texts[field] = value.trim();
  }
  if (errors.length > 0) return invalid(errors);
  if (Object.keys(texts).length === 0)
    return invalid([{ field: 'title', message: t('practices.error.nothingTranslated') }]);
  return db.transaction().execute(async (tx) => {
    const practice = await repo.findPractice(tx, id, true);
    if (!practice) throw notFound();
    if (!canTranslate(actor, user?.translator_languages ?? [], lang) && !canManagePractice(actor, practice))
      throw forbidden();
    if (practice.status !== 'published' || !practice.publishedVersionId)
      return invalid([{ field: 'body', message: t('practices.error.notPublished') }]);
    const published = (await repo.findVersion(tx, practice.publishedVersionId))!;
    // The original text changes only through a reviewed revision, never as a "translation".
    if (lang === published.content.originalLanguage)
      return invalid([{ field: 'lang', message: t('practices.error.originalNotTranslation') }]);
    const content = withTranslation(published.content, lang, texts, true);
    const number = await repo.nextVersionNumber(tx, id);
    const versionId = await repo.insertVersionRow(tx, {
      practiceId: id,
      number,
      state: 'draft',
      kind: 'translation',
      content,
      completeness: completenessOf(content),
      note: lang,
      createdBy: actor.userId,
    });
    const version = (await repo.findVersion(tx, versionId))!;
    await makePublic(tx, practice, version, actor.userId, practice.firstPublishedAt ?? new Date());
    if (practice.workingVersionId) {
      const working = await repo.findVersion(tx, practice.workingVersionId);
      if (working && working.state === 'draft') {
        const merged = withTranslation(working.content, lang, texts, false);
        await repo.updateVersionContent(tx, working.id, merged, completenessOf(merged));
      }
    }
    await repo.insertEvent(tx, {
      practiceId: id,
      versionId,
      kind: 'translated',
      comment: lang,
      actorId: actor.userId,
    });
    return ok({ versionNumber: number });
  });
}

function withTranslation(
  content: PracticeContent,
  lang: string,
  texts: Partial<Record<(typeof TEXT_FIELDS)[number], string>>,
  overwrite: boolean,
): PracticeContent {
  const next: PracticeContent = structuredClone(content);
  for (const [field, text] of Object.entries(texts) as [(typeof TEXT_FIELDS)[number], string][]) {
    if (overwrite || next[field][lang] === undefined) next[field][lang] = text;
  }
  return next;
}
