import { sql } from 'kysely';
import type { Db, Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, type Result, HttpProblem, invalid, ok } from '../http/problems.ts';
import type { Translate } from '../web/i18n.ts';
import { LANGUAGES, type Lang } from '../web/language.ts';
import { principlesOfNetwork } from './practices.repository.ts';

/**
 * A network's smart-practice principles (seed 000: P1 at design, P4 at implementation): the tags
 * its practices carry. The network's secretariat keeps the list; everyone may read it.
 */

export const PRINCIPLE_CODE = /^[A-Za-z0-9.-]{1,20}$/;
export const PRINCIPLE_STAGES = ['design', 'implementation'] as const;
export type PrincipleStage = (typeof PRINCIPLE_STAGES)[number];
const LABEL_LIMIT = 500;

export interface PrincipleInput {
  code: string;
  stage: string;
  label: Partial<Record<Lang, string>>;
}

export async function networkBySlug(db: Executor, slug: string) {
  return (
    (await db
      .selectFrom('networks')
      .select(['id', 'slug', 'name'])
      .where('slug', '=', slug)
      .executeTakeFirst()) ?? null
  );
}

export const listPrinciples = principlesOfNetwork;

/**
 * Adds a principle, or changes the stage and label of an existing code. Its label is a tag that
 * every reader sees, so it is given in the four interface languages.
 */
export async function savePrinciple(
  db: Db,
  actor: Principal,
  networkId: string,
  input: PrincipleInput,
  t: Translate,
): Promise<Result<{ code: string; created: boolean }>> {
  if (!isSecretariat(actor, networkId)) throw new HttpProblem('forbidden');
  const errors: FieldError[] = [];
  const code = input.code.trim();
  if (!PRINCIPLE_CODE.test(code))
    errors.push({ field: 'code', message: t('practiceWorkflow.principles.error.code') });
  if (!(PRINCIPLE_STAGES as readonly string[]).includes(input.stage))
    errors.push({ field: 'stage', message: t('practiceWorkflow.principles.error.stage') });
  const label: Record<string, string> = {};
  for (const lang of LANGUAGES) {
    const text = (input.label[lang] ?? '').trim();
    if (text === '' || text.length > LABEL_LIMIT || text.includes('\u0000'))
      errors.push({
        field: `label.${lang}`,
        message: t('practiceWorkflow.principles.error.label', { max: LABEL_LIMIT }),
      });
    else label[lang] = text;
  }
  if (errors.length > 0) return invalid(errors);
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('smart_principles')
      .select('code')
      .where('network_id', '=', networkId)
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (existing) {
      await tx
        .updateTable('smart_principles')
        .set({ stage: input.stage as PrincipleStage, label: JSON.stringify(label) })
        .where('network_id', '=', networkId)
        .where('code', '=', code)
        .execute();
      return ok({ code, created: false });
    }
    const last = await tx
      .selectFrom('smart_principles')
      .select(sql<number>`coalesce(max(position), 0)`.as('position'))
      .where('network_id', '=', networkId)
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('smart_principles')
      .values({
        network_id: networkId,
        code,
        stage: input.stage as PrincipleStage,
        label: JSON.stringify(label),
        position: Number(last.position) + 1,
      })
      .execute();
    return ok({ code, created: true });
  });
}

/**
 * Deletes a principle no practice of the network uses: a tag that practices carry would vanish
 * from their pages (their versions keep the code, with nothing to say what it meant).
 */
export async function deletePrinciple(
  db: Db,
  actor: Principal,
  networkId: string,
  code: string,
  t: Translate,
): Promise<Result<{ code: string }>> {
  if (!isSecretariat(actor, networkId)) throw new HttpProblem('forbidden');
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('smart_principles')
      .select('code')
      .where('network_id', '=', networkId)
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (!existing) throw new HttpProblem('not-found');
    const used = await tx
      .selectFrom('practices as p')
      .innerJoin('practice_versions as v', 'v.practice_id', 'p.id')
      .select((eb) => eb.fn.count<string>('p.id').distinct().as('count'))
      .where('p.network_id', '=', networkId)
      .where(sql<boolean>`v.content -> 'smartPrinciples' @> ${JSON.stringify([code])}::jsonb`)
      .executeTakeFirstOrThrow();
    if (Number(used.count) > 0)
      return invalid([
        {
          field: 'code',
          message: t('practiceWorkflow.principles.error.inUse', { code, count: Number(used.count) }),
        },
      ]);
    await tx
      .deleteFrom('smart_principles')
      .where('network_id', '=', networkId)
      .where('code', '=', code)
      .execute();
    return ok({ code });
  });
}
