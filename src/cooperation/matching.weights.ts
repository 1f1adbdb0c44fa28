import type { Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, HttpProblem, type Result, invalid, ok } from '../http/problems.ts';
import type { Translate } from '../web/i18n.ts';
import { COMPONENT_NAME } from './matching.explain.ts';
import {
  COMPONENTS,
  type Component,
  DEFAULT_WEIGHTS,
  MAX_WEIGHT,
  type MatchingWeights,
} from './matching.score.ts';

/** A network's matching weights: its secretariat's choice, the defaults of the code where it made none. */

export interface NetworkWeights {
  weights: MatchingWeights;
  /** Whether the secretariat chose them (a row exists) rather than the defaults. */
  custom: boolean;
  updatedAt: Date | null;
}

const isComponent = (name: string): name is Component => (COMPONENTS as readonly string[]).includes(name);

/** The stored weights over the defaults; a stored component the code no longer knows is ignored. */
export async function loadWeights(db: Executor, networkId: string): Promise<NetworkWeights> {
  const row = await db
    .selectFrom('matching_weights')
    .select(['weights', 'updated_at'])
    .where('network_id', '=', networkId)
    .executeTakeFirst();
  const weights: MatchingWeights = { ...DEFAULT_WEIGHTS };
  if (!row) return { weights, custom: false, updatedAt: null };
  for (const [name, value] of Object.entries(row.weights))
    if (isComponent(name) && typeof value === 'number' && value >= 0 && value <= MAX_WEIGHT)
      weights[name] = value;
  return { weights, custom: true, updatedAt: row.updated_at };
}

/**
 * Checks weights as given (a form's texts or an API's numbers): each a number from 0 to 10, an
 * unknown component refused with its name. A component left out keeps its default.
 */
export function validateWeights(input: Record<string, unknown>, t: Translate): Result<MatchingWeights> {
  const errors: FieldError[] = [];
  const weights: MatchingWeights = { ...DEFAULT_WEIGHTS };
  for (const [name, raw] of Object.entries(input)) {
    if (!isComponent(name)) {
      errors.push({
        field: name,
        message: t('cooperationMatching.error.unknownComponent', {
          name,
          known: COMPONENTS.join(', '),
        }),
      });
      continue;
    }
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim().replace(',', '.')) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_WEIGHT) {
      errors.push({
        field: name,
        message: t('cooperationMatching.error.weightRange', {
          component: t(COMPONENT_NAME[name]),
          max: MAX_WEIGHT,
        }),
      });
      continue;
    }
    weights[name] = Math.round(value * 100) / 100;
  }
  return errors.length > 0 ? invalid(errors) : ok(weights);
}

/** Only the network's secretariat (or an admin) tunes its weights. */
function requireSecretariat(actor: Principal | null, networkId: string): void {
  if (!isSecretariat(actor, networkId)) throw new HttpProblem('forbidden');
}

export async function setMatchingWeights(
  db: Executor,
  actor: Principal | null,
  networkId: string,
  input: Record<string, unknown>,
  t: Translate,
): Promise<Result<NetworkWeights>> {
  requireSecretariat(actor, networkId);
  const result = validateWeights(input, t);
  if (!result.ok) return result;
  const now = new Date();
  const weights = JSON.stringify(result.value);
  await db
    .insertInto('matching_weights')
    .values({ network_id: networkId, weights, updated_by: actor!.userId, updated_at: now })
    .onConflict((oc) =>
      oc.column('network_id').doUpdateSet({ weights, updated_by: actor!.userId, updated_at: now }),
    )
    .execute();
  return ok({ weights: result.value, custom: true, updatedAt: now });
}

/** Back to the defaults of the code (and to later changes of them). */
export async function resetMatchingWeights(
  db: Executor,
  actor: Principal | null,
  networkId: string,
): Promise<NetworkWeights> {
  requireSecretariat(actor, networkId);
  await db.deleteFrom('matching_weights').where('network_id', '=', networkId).execute();
  return { weights: { ...DEFAULT_WEIGHTS }, custom: false, updatedAt: null };
}
