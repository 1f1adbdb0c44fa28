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
