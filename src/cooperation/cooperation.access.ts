import type { Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import type { ItemSide, RecordStatus, Visibility } from './cooperation.tables.ts';

/**
 * Who may see and do what in the cooperation exchange. Every command and every query that returns
 * non-public data calls one of these first.
 *
 * - Offers and demands: the public sees those whose visibility is public; members of the network
 *   see the network's. Focal points manage their organisation's, the secretariat all of its network's.
 * - Matches (facilitation): the network's secretariat and the focal points of the two
 *   organisations concerned; never the public, nor other members (facilitation notes are private).
 * - Cooperation records: completed ones are public; the others are for the network's members.
 *   The secretariat and the parties' focal points manage them.
 * - Indicators follow what they measure: a network's or an objective's are public, a record's
 *   are visible to whoever sees the record; the secretariat defines them, and a record's parties
 *   may define and feed their record's.
 */

/** The networks in which the principal is a member: through a role, or through their organisation's membership. */
export async function memberNetworkIds(db: Executor, actor: Principal | null): Promise<Set<string>> {
  const ids = new Set<string>();
  if (actor === null) return ids;
  for (const role of actor.roles) ids.add(role.networkId);
  if (actor.organisationId !== null) {
    const rows = await db
      .selectFrom('network_memberships')
      .select('network_id')
      .where('organisation_id', '=', actor.organisationId)
      .execute();
    for (const row of rows) ids.add(row.network_id);
  }
  return ids;
}

export async function isNetworkMember(db: Executor, actor: Principal | null, networkId: string) {
  if (actor === null) return false;
  if (actor.isAdmin) return true;
  return (await memberNetworkIds(db, actor)).has(networkId);
}

export interface ItemAccessShape {
  side: ItemSide;
  networkId: string;
  organisationId: string;
  visibility: Visibility;
}

export function canManageItem(
  actor: Principal | null,
  item: Pick<ItemAccessShape, 'networkId' | 'organisationId'>,
) {
  if (actor === null) return false;
  return isSecretariat(actor, item.networkId) || actor.organisationId === item.organisationId;
}

export async function canViewItem(db: Executor, actor: Principal | null, item: ItemAccessShape) {
  if (item.visibility === 'public') return true;
  if (canManageItem(actor, item)) return true;
  return isNetworkMember(db, actor, item.networkId);
}

/** A focal point offers or asks for their own organisation, when it is a member of the network; the secretariat for any member. */
export async function canActFor(db: Executor, actor: Principal, organisationId: string, networkId: string) {
  if (!isSecretariat(actor, networkId) && actor.organisationId !== organisationId) return false;
  const membership = await db
    .selectFrom('network_memberships')
    .select('organisation_id')
    .where('network_id', '=', networkId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return membership !== undefined;
}

export interface MatchAccessShape {
  networkId: string;
  demandOrganisationId: string;
  offerOrganisationId: string;
}

/** The secretariat of the network, or a focal point of either party: they see, propose and move a match. */
export function canFacilitate(actor: Principal | null, match: MatchAccessShape) {
  if (actor === null) return false;
  return (
    isSecretariat(actor, match.networkId) ||
    (actor.organisationId !== null &&
      (actor.organisationId === match.demandOrganisationId ||
        actor.organisationId === match.offerOrganisationId))
  );
}

export interface RecordAccessShape {
  networkId: string;
  status: RecordStatus;
  partyOrganisationIds: readonly string[];
}

export function canManageRecord(actor: Principal | null, record: Omit<RecordAccessShape, 'status'>) {
  if (actor === null) return false;
  return (
    isSecretariat(actor, record.networkId) ||
    (actor.organisationId !== null && record.partyOrganisationIds.includes(actor.organisationId))
  );
}

export async function canViewRecord(db: Executor, actor: Principal | null, record: RecordAccessShape) {
  if (record.status === 'completed') return true;
  if (canManageRecord(actor, record)) return true;
  return isNetworkMember(db, actor, record.networkId);
}

/** The organisations that are parties to a record (for the checks above). */
export async function partiesOfRecord(db: Executor, recordId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('cooperation_record_parties')
    .select('organisation_id')
    .where('record_id', '=', recordId)
    .execute();
  return [...new Set(rows.map((row) => row.organisation_id))];
}
