import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor } from '../db/schema.ts';
import type { NetworkRole } from './accounts.tables.ts';
import type { Lang } from '../web/language.ts';

/** The columns of a user that make a principal, with the network roles. */
function principalColumns(db: Executor) {
  return db
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      'users.email',
      'users.name',
      'users.locale',
      'users.is_admin',
      'users.organisation_id',
      jsonArrayFrom(
        eb
          .selectFrom('network_roles')
          .select(['network_roles.network_id as networkId', 'network_roles.role'])
          .whereRef('network_roles.user_id', '=', 'users.id'),
      ).as('roles'),
    ])
    .where('users.disabled_at', 'is', null);
}

export type PrincipalRow = Awaited<ReturnType<typeof findPrincipalByUserId>>;

export function findPrincipalByUserId(db: Executor, userId: string) {
  return principalColumns(db).where('users.id', '=', userId).executeTakeFirst();
}

export function findPrincipalBySession(db: Executor, idHash: string) {
  return principalColumns(db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export function findPrincipalByApiToken(db: Executor, tokenHash: string) {
  return principalColumns(db)
    .innerJoin('api_tokens', 'api_tokens.user_id', 'users.id')
    .select(['api_tokens.id as tokenId', 'api_tokens.last_used_at as tokenLastUsedAt'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
}

export function findUserByEmail(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash', 'locale', 'disabled_at'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export function insertUser(
  db: Executor,
  user: {
    email: string;
    name: string;
    passwordHash: string | null;
    locale: Lang;
    isAdmin: boolean;
    organisationId: string | null;
  },
) {
  return db
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      locale: user.locale,
      is_admin: user.isAdmin,
      organisation_id: user.organisationId,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export function grantNetworkRole(db: Executor, userId: string, networkId: string, role: NetworkRole) {
  return db
    .insertInto('network_roles')
    .values({ user_id: userId, network_id: networkId, role })
    .onConflict((oc) => oc.columns(['user_id', 'network_id']).doUpdateSet({ role }))
    .execute();
}

export function updatePasswordHash(db: Executor, userId: string, passwordHash: string) {
  return db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

export function insertSession(db: Executor, idHash: string, userId: string, expiresAt: Date) {
  return db
    .insertInto('sessions')
    .values({ id_hash: idHash, user_id: userId, expires_at: expiresAt })
    .execute();
}

export function deleteSession(db: Executor, idHash: string) {
  return db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export function deleteSessionsOfUser(db: Executor, userId: string) {
  return db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export function deleteExpiredSessions(db: Executor) {
  return db
    .deleteFrom('sessions')
    .where('expires_at', '<=', sql<Date>`now()`)
    .execute();
}

export function countRecentFailures(db: Executor, keyHash: string, windowMinutes: number) {
  return db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('key_hash', '=', keyHash)
    .where('failed_at', '>', sql<Date>`now() - make_interval(mins => ${windowMinutes})`)
    .executeTakeFirstOrThrow();
}

export function insertFailures(db: Executor, keyHashes: string[]) {
  return db
    .insertInto('login_failures')
    .values(keyHashes.map((key_hash) => ({ key_hash })))
    .execute();
}

export function deleteFailures(db: Executor, keyHash: string) {
  return db.deleteFrom('login_failures').where('key_hash', '=', keyHash).execute();
}

export function deleteOldFailures(db: Executor, olderThanMinutes: number) {
  return db
    .deleteFrom('login_failures')
    .where('failed_at', '<', sql<Date>`now() - make_interval(mins => ${olderThanMinutes})`)
    .execute();
}

export function insertPasswordReset(db: Executor, tokenHash: string, userId: string, expiresAt: Date) {
  return db
    .insertInto('password_resets')
    .values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt })
    .execute();
}

export function findUsablePasswordReset(db: Executor, tokenHash: string) {
  return db
    .selectFrom('password_resets')
    .select(['user_id'])
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** Marks a reset token used, atomically: of two concurrent uses, only one gets the user id. */
export function consumePasswordReset(db: Executor, tokenHash: string) {
  return db
    .updateTable('password_resets')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['user_id'])
    .executeTakeFirst();
}

export function deletePasswordResetsOfUser(db: Executor, userId: string) {
  return db.deleteFrom('password_resets').where('user_id', '=', userId).execute();
}

export function insertApiToken(
  db: Executor,
  token: { userId: string; name: string; tokenHash: string; tokenPrefix: string },
) {
  return db
    .insertInto('api_tokens')
    .values({
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      token_prefix: token.tokenPrefix,
    })
    .returning(['id', 'name', 'token_prefix', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function listApiTokensOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'token_prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function revokeApiTokenOfUser(db: Executor, userId: string, tokenId: string) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(['id'])
    .executeTakeFirst();
}

export function touchApiToken(db: Executor, tokenId: string) {
  return db
    .updateTable('api_tokens')
    .set({ last_used_at: sql`now()` })
    .where('id', '=', tokenId)
    .execute();
}

export function listUsers(db: Executor, limit: number, offset: number) {
  return db
    .selectFrom('users')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select((eb) => [
      'users.id',
      'users.email',
      'users.name',
      'users.locale',
      'users.is_admin',
      'users.created_at',
      'users.disabled_at',
      'organisations.name as organisation_name',
      jsonArrayFrom(
        eb
          .selectFrom('network_roles')
          .innerJoin('networks', 'networks.id', 'network_roles.network_id')
          .select(['networks.slug', 'networks.name', 'network_roles.role'])
          .whereRef('network_roles.user_id', '=', 'users.id')
          .orderBy('networks.slug'),
      ).as('roles'),
    ])
    .orderBy('users.email')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function countUsers(db: Executor) {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
}
