import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { HttpProblem } from '../http/problems.ts';
import * as repo from './accounts.repository.ts';
import { API_TOKEN_PREFIX, hashToken } from './accounts.secrets.ts';

export const SESSION_COOKIE = 'puente_session';

/** The session cookie: HttpOnly, SameSite=Lax, Secure behind https, expiring with the session. */
export function setSessionCookie(
  reply: FastifyReply,
  session: { sessionToken: string; expiresAt: Date },
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, session.sessionToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: session.expiresAt,
  });
}
const TOKEN_TOUCH_INTERVAL_MS = 60 * 60 * 1000;

function toPrincipal(row: NonNullable<repo.PrincipalRow>, via: Principal['via']): Principal {
  return {
    userId: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    isAdmin: row.is_admin,
    organisationId: row.organisation_id,
    roles: row.roles.map((r) => ({ networkId: r.networkId, role: r.role })),
    via,
  };
}

/**
 * Who is calling. A bearer token wins over a cookie; a bearer token that is wrong or revoked is a
 * 401 (a script should learn it at once), an unknown or expired cookie is simply anonymous.
 */
export async function resolvePrincipal(request: FastifyRequest, deps: { db: Db }): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match || !match[1]!.startsWith(API_TOKEN_PREFIX)) throw new HttpProblem('unauthorized');
    const row = await repo.findPrincipalByApiToken(deps.db, hashToken(match[1]!));
    if (!row) throw new HttpProblem('unauthorized');
    if (
      row.tokenLastUsedAt === null ||
      Date.now() - new Date(row.tokenLastUsedAt).getTime() > TOKEN_TOUCH_INTERVAL_MS
    ) {
      await repo.touchApiToken(deps.db, row.tokenId);
    }
    return toPrincipal(row, 'token');
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const row = await repo.findPrincipalBySession(deps.db, hashToken(cookie));
  return row ? toPrincipal(row, 'session') : null;
}

export async function principalOfUser(
  db: Db,
  userId: string,
  via: Principal['via'] = 'session',
): Promise<Principal | null> {
  const row = await repo.findPrincipalByUserId(db, userId);
  return row ? toPrincipal(row, via) : null;
}

export function listApiTokens(db: Db, principal: Principal) {
  return repo.listApiTokensOfUser(db, principal.userId);
}

export async function listUsersForAdmin(db: Db, principal: Principal, page: number, pageSize: number) {
  if (!principal.isAdmin) throw new HttpProblem('forbidden');
  const [rows, total] = await Promise.all([
    repo.listUsers(db, pageSize, (page - 1) * pageSize),
    repo.countUsers(db),
  ]);
  return { rows, total: Number(total.count) };
}
