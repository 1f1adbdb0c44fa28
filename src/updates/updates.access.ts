import { memberNetworkIds } from '../cooperation/index.ts';
import type { Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import type { UpdateStatus, UpdateVisibility } from './updates.tables.ts';

/**
 * Who may see and do what in the information-exchange feed. Every command and every query that
 * returns non-public posts starts with one of these.
 *
 * - A public post is for anyone; a network post for the network's members (through a role or
 *   their organisation's membership), its secretariat and admins. A withdrawn post is seen only
 *   by those who manage it.
 * - A focal point posts for their organisation in a network it belongs to; the network's
 *   secretariat posts for the network (or for any member organisation).
 * - The author, their organisation's focal points and the network's secretariat edit and withdraw.
 */

export interface UpdateAccessShape {
  networkId: string;
  organisationId: string | null;
  authorId: string | null;
  visibility: UpdateVisibility;
  status: UpdateStatus;
}

/** Which posts a reader sees in a list: everything (admins), or public posts and their networks' posts. */
export interface ReaderScope {
  everything: boolean;
  networkIds: string[];
  organisationId: string | null;
  userId: string | null;
}

export async function readerScope(db: Executor, reader: Principal | null): Promise<ReaderScope> {
  if (reader === null) return { everything: false, networkIds: [], organisationId: null, userId: null };
  return {
    everything: reader.isAdmin,
    networkIds: [...(await memberNetworkIds(db, reader))],
    organisationId: reader.organisationId,
    userId: reader.userId,
  };
}

export function canManageUpdate(
  actor: Principal | null,
  post: Pick<UpdateAccessShape, 'networkId' | 'organisationId' | 'authorId'>,
): boolean {
  if (actor === null) return false;
  return (
    isSecretariat(actor, post.networkId) ||
    (post.authorId !== null && post.authorId === actor.userId) ||
    (post.organisationId !== null && post.organisationId === actor.organisationId)
  );
}

export function canViewUpdateIn(scope: ReaderScope, actor: Principal | null, post: UpdateAccessShape) {
  if (canManageUpdate(actor, post)) return true;
  if (post.status !== 'published') return false;
  return post.visibility === 'public' || scope.everything || scope.networkIds.includes(post.networkId);
}

export async function canViewUpdate(db: Executor, actor: Principal | null, post: UpdateAccessShape) {
  if (post.visibility === 'public' && post.status === 'published') return true;
  return canViewUpdateIn(await readerScope(db, actor), actor, post);
}

/**
 * Whether the actor may post in a network, as an organisation (`organisationId`) or as the
 * network itself (`null`, the secretariat only). The organisation must be a member of the network.
 */
export async function canPostAs(
  db: Executor,
  actor: Principal,
  networkId: string,
  organisationId: string | null,
): Promise<boolean> {
  const secretariat = isSecretariat(actor, networkId);
  if (organisationId === null) return secretariat;
  if (!secretariat && actor.organisationId !== organisationId) return false;
  const membership = await db
    .selectFrom('network_memberships')
    .select('organisation_id')
    .where('network_id', '=', networkId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return membership !== undefined;
}

/** Whether a principal might post at all (to offer the "new post" link). */
export function mayPost(actor: Principal | null): boolean {
  return actor !== null && (actor.organisationId !== null || isSecretariat(actor));
}
