import { sql } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { Db, Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { type Result, HttpProblem, invalid, ok } from '../http/problems.ts';
import type { Translate } from '../web/i18n.ts';
import { CONTENT_LANGUAGES } from './practices.languages.ts';

/**
 * The translator role: members who may add a language to a published practice (a new published
 * version of kind "translation"). Admins grant it, per language, in `users.translator_languages`.
 */

export async function translatorLanguagesOf(db: Executor, userId: string): Promise<string[]> {
  const row = await db
    .selectFrom('users')
    .select('translator_languages')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.translator_languages ?? [];
}

/** The users an admin may pick from: active accounts, by name. */
export async function translatorCandidates(db: Executor, limit = 1000) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'translator_languages as languages'])
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .orderBy('email')
    .limit(limit)
    .execute();
}

/** The users who translate into at least one language. */
export async function listTranslators(db: Executor) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'translator_languages as languages'])
    .where(sql<boolean>`cardinality(translator_languages) > 0`)
    .orderBy('name')
    .orderBy('email')
    .execute();
}

/** Sets the languages a user translates into (none takes the role away); recorded in the audit log. */
export async function setTranslatorLanguages(
  db: Db,
  actor: Principal,
  userId: string,
  languages: readonly string[],
  t: Translate,
): Promise<Result<{ userId: string; languages: string[] }>> {
  if (!actor.isAdmin) throw new HttpProblem('forbidden');
  const chosen = [...new Set(languages)];
  const unknown = chosen.filter((lang) => !CONTENT_LANGUAGES.includes(lang));
  if (unknown.length > 0)
    return invalid([{ field: 'languages', message: t('practiceWorkflow.translators.error.language') }]);
  const ordered = CONTENT_LANGUAGES.filter((lang) => chosen.includes(lang));
  return db.transaction().execute(async (tx) => {
    const user = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userId)
      ? await tx
          .selectFrom('users')
          .select(['id', 'translator_languages'])
          .where('id', '=', userId)
          .executeTakeFirst()
      : undefined;
    if (!user) return invalid([{ field: 'userId', message: t('practiceWorkflow.translators.error.user') }]);
    await tx.updateTable('users').set({ translator_languages: ordered }).where('id', '=', userId).execute();
    await recordAudit(tx, {
      actorUserId: actor.userId,
      action: 'user.translator-languages',
      subjectType: 'user',
      subjectId: userId,
      details: { before: user.translator_languages, after: ordered },
    });
    return ok({ userId, languages: ordered });
  });
}
