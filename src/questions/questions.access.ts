import type { Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';

/**
 * Who may see and do what with questions to the network (see README.md):
 * - a public question is seen by anyone, a network one by the network's members;
 * - a member institution (membership role member or coordinator, not observer) asks through its
 *   people, the network's secretariat asks for any member institution;
 * - every member institution but the asking one answers once, through its people, or the
 *   secretariat records an answer for it;
 * - the asking institution and the secretariat close a question early.
 */

/** The membership roles that ask and answer; observers read but neither ask nor answer. */
export const ANSWERING_ROLES = ['member', 'coordinator'] as const;

/** The networks where the principal is a member: through a role, or through their organisation. */
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

export async function canViewQuestion(
  db: Executor,
  actor: Principal | null,
  question: { networkId: string; visibility: string },
): Promise<boolean> {
  if (question.visibility === 'public') return true;
  if (actor === null) return false;
  if (actor.isAdmin) return true;
  return (await memberNetworkIds(db, actor)).has(question.networkId);
}

/** Whether the organisation asks and answers in the network (member or coordinator). */
export async function isAnsweringMember(db: Executor, networkId: string, organisationId: string) {
  const row = await db
    .selectFrom('network_memberships')
    .select('organisation_id')
    .where('network_id', '=', networkId)
    .where('organisation_id', '=', organisationId)
    .where('role', 'in', ANSWERING_ROLES)
    .executeTakeFirst();
  return row !== undefined;
}

/** A focal point acts for their own organisation; the network's secretariat for any. */
export function mayActFor(actor: Principal, networkId: string, organisationId: string): boolean {
  return isSecretariat(actor, networkId) || actor.organisationId === organisationId;
}

export function canClose(
  actor: Principal | null,
  question: { networkId: string; organisationId: string },
): boolean {
  if (actor === null) return false;
  return isSecretariat(actor, question.networkId) || actor.organisationId === question.organisationId;
}
