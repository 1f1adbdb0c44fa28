import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from './problems.ts';

/**
 * What a route declares about who may call it, in `config.access`. The guard below enforces it
 * before any handler runs; domains still check the specific resource (which network, which
 * organisation) as the first line of each command and query.
 *
 * - `public`: anyone.
 * - `signed-in`: any account.
 * - `member`: a member of at least one network (focal points, secretariat and admins included).
 * - `own-organisation`: a focal point of the organisation concerned, its network's secretariat, or an admin.
 * - `secretariat`: the secretariat of at least one network, or an admin.
 * - `admin`: instance administrators only.
 */
export type Access = 'public' | 'signed-in' | 'member' | 'own-organisation' | 'secretariat' | 'admin';

export const ACCESS_LEVELS: readonly Access[] = [
  'public',
  'signed-in',
  'member',
  'own-organisation',
  'secretariat',
  'admin',
];

export interface NetworkRoleGrant {
  networkId: string;
  role: 'secretariat' | 'member';
}

/** Who is calling: resolved once per request from the session cookie or the bearer token. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  locale: 'fr' | 'es' | 'en' | 'pt';
  isAdmin: boolean;
  organisationId: string | null;
  roles: NetworkRoleGrant[];
  via: 'session' | 'token';
}

export function isMember(principal: Principal | null): boolean {
  return (
    principal !== null &&
    (principal.isAdmin || principal.organisationId !== null || principal.roles.length > 0)
  );
}

export function isSecretariat(principal: Principal | null, networkId?: string): boolean {
  if (principal === null) return false;
  if (principal.isAdmin) return true;
  return principal.roles.some(
    (r) => r.role === 'secretariat' && (networkId === undefined || r.networkId === networkId),
  );
}

/** Whether the principal passes the route-level gate; the resource-level rule is the domain's. */
export function passesGate(access: Access, principal: Principal | null): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'signed-in':
      return principal !== null;
    case 'member':
      return isMember(principal);
    case 'own-organisation':
      return principal !== null && (principal.organisationId !== null || isSecretariat(principal));
    case 'secretariat':
      return isSecretariat(principal);
    case 'admin':
      return principal?.isAdmin === true;
  }
}

export async function enforceAccess(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const access = request.routeOptions.config.access;
  if (access === undefined || passesGate(access, request.principal)) return;
  throw new HttpProblem(request.principal === null ? 'unauthorized' : 'forbidden');
}
