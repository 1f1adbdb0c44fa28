import type { Db } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import * as networks from './networks.repository.ts';

/**
 * The network's secretariat (or an admin) ends an organisation's membership. The organisation
 * stays in the directory and in its other networks.
 */
export async function removeMember(
  db: Db,
  actor: Principal,
  networkId: string,
  organisationId: string,
): Promise<'removed' | 'forbidden' | 'not-found'> {
  if (!isSecretariat(actor, networkId)) return 'forbidden';
  return (await networks.deleteMembership(db, networkId, organisationId)) ? 'removed' : 'not-found';
}

/**
 * An admin removes a network from the instance (its memberships and roles go with it; the
 * organisations stay in the directory). Networks are the instance's to host, so not the
 * secretariat's to remove.
 */
export async function deleteNetwork(
  db: Db,
  actor: Principal,
  networkId: string,
): Promise<'deleted' | 'forbidden' | 'not-found'> {
  if (!actor.isAdmin) return 'forbidden';
  const deleted = await db
    .deleteFrom('networks')
    .where('id', '=', networkId)
    .returning('id')
    .executeTakeFirst();
  return deleted ? 'deleted' : 'not-found';
}
