import { hash, verify } from '@node-rs/argon2';
import type { Db, Executor } from '../db/schema.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Config } from '../config.ts';
import type { Principal } from '../http/access.ts';
import { type FieldError, type Result, invalid, ok } from '../http/problems.ts';
import { inputValidator, plainCopy } from '../http/validation.ts';
import { NewUser } from './accounts.schemas.ts';
import { recordAudit } from '../audit/index.ts';
import type { Translate } from '../web/i18n.ts';
import { translator } from '../web/i18n.ts';
import type { Lang } from '../web/language.ts';
import * as repo from './accounts.repository.ts';
import { API_TOKEN_PREFIX, hashToken, keyedHash, newToken } from './accounts.secrets.ts';

const THROTTLE_WINDOW_MINUTES = 15;
const UNIQUE_VIOLATION = '23505';
const validateNewUser = inputValidator(NewUser);
// Verifying against a real hash when the account does not exist keeps the timing the same.
let dummyHash: Promise<string> | undefined;

export interface AccountsContext {
  db: Db;
  config: Config;
  mailer: Mailer;
  secret: string;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password); // argon2id with the library's OWASP-recommended defaults
}

export interface SignInInput {
  email: string;
  password: string;
  /** The caller's address, used only as a keyed hash for throttling. */
  address: string;
}

/** Checks the credentials and opens a session; throttled per account and per address. */
export async function signIn(
  ctx: AccountsContext,
  input: SignInInput,
  t: Translate,
): Promise<Result<{ sessionToken: string; userId: string; locale: Lang; expiresAt: Date }>> {
  const accountKey = keyedHash(ctx.secret, `account:${input.email.toLowerCase()}`);
  const addressKey = keyedHash(ctx.secret, `address:${input.address}`);
  const [accountFailures, addressFailures] = await Promise.all([
    repo.countRecentFailures(ctx.db, accountKey, THROTTLE_WINDOW_MINUTES),
    repo.countRecentFailures(ctx.db, addressKey, THROTTLE_WINDOW_MINUTES),
  ]);
  if (
    Number(accountFailures.count) >= ctx.config.loginAttemptsPerAccount ||
    Number(addressFailures.count) >= ctx.config.loginAttemptsPerAddress
  ) {
    return invalid([
      { field: 'email', message: t('accounts.login.throttled', { minutes: THROTTLE_WINDOW_MINUTES }) },
    ]);
  }
  const user = await repo.findUserByEmail(ctx.db, input.email);
  dummyHash ??= hashPassword('not a real password, only for timing');
  const passwordOk = await verify(user?.password_hash ?? (await dummyHash), input.password).catch(
    () => false,
  );
  if (!user || !user.password_hash || user.disabled_at !== null || !passwordOk) {
    await repo.insertFailures(ctx.db, [accountKey, addressKey]);
    return invalid([{ field: 'password', message: t('accounts.login.failed') }]);
  }
  const session = await ctx.db.transaction().execute(async (tx) => {
    await repo.deleteFailures(tx, accountKey);
    return openSession(tx, user.id, ctx.config.sessionDays);
  });
  return ok({ ...session, userId: user.id, locale: user.locale });
}

/** Opens a new session for a user (sign-in, accepted invitation); the cookie carries the token. */
export async function openSession(
  db: Executor,
  userId: string,
  sessionDays: number,
): Promise<{ sessionToken: string; expiresAt: Date }> {
  const sessionToken = newToken();
  const expiresAt = new Date(Date.now() + sessionDays * 86_400_000);
  await repo.insertSession(db, hashToken(sessionToken), userId, expiresAt);
  return { sessionToken, expiresAt };
}

export async function signOut(db: Db, sessionToken: string | undefined): Promise<void> {
  if (sessionToken) await repo.deleteSession(db, hashToken(sessionToken));
}

/**
 * Emails a single-use reset link if the address has an account. The answer is the same either
 * way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(ctx: AccountsContext, email: string, lang: Lang): Promise<void> {
  const user = await repo.findUserByEmail(ctx.db, email);
  if (!user || user.disabled_at !== null) return;
  const token = newToken();
  const expiresAt = new Date(Date.now() + ctx.config.passwordResetMinutes * 60_000);
  await repo.insertPasswordReset(ctx.db, hashToken(token), user.id, expiresAt);
  const t = translator(lang);
  const link = `${ctx.config.baseUrl}/${lang}/password/reset/${token}`;
  const text = t('accounts.resetMail.body', {
    name: user.name,
    link,
    minutes: ctx.config.passwordResetMinutes,
  });
  await ctx.mailer.send({ to: user.email, subject: t('accounts.resetMail.subject'), text });
}

export async function isUsableResetToken(db: Db, token: string): Promise<boolean> {
  return (await repo.findUsablePasswordReset(db, hashToken(token))) !== undefined;
}

export async function resetPassword(
  db: Db,
  input: { token: string; password: string; confirm: string },
  t: Translate,
): Promise<Result<{ userId: string }> | { ok: false; expired: true; errors: FieldError[] }> {
  if (input.password !== input.confirm) {
    return invalid([{ field: 'confirm', message: t('accounts.reset.mismatch') }]);
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const reset = await repo.consumePasswordReset(tx, hashToken(input.token));
    if (!reset) return { ok: false as const, expired: true as const, errors: [] };
    await repo.updatePasswordHash(tx, reset.user_id, passwordHash);
    // A new password closes every open session and every other pending link.
    await repo.deleteSessionsOfUser(tx, reset.user_id);
    await repo.deletePasswordResetsOfUser(tx, reset.user_id);
    await recordAudit(tx, {
      actorUserId: reset.user_id,
      action: 'password.reset',
      subjectType: 'user',
      subjectId: reset.user_id,
    });
    return ok({ userId: reset.user_id });
  });
}

export interface CreateUserInput {
  email: string;
  name: string;
  password?: string | undefined;
  locale?: Lang | undefined;
  isAdmin?: boolean | undefined;
  organisationId?: string | null | undefined;
  roles?: { networkId: string; role: 'secretariat' | 'member' }[];
}

/** Creates an account (CLI, demo, invitations). `actor` is null for the CLI and the demo loader. */
export async function createUser(
  db: Db,
  actor: Principal | null,
  input: CreateUserInput,
  t: Translate,
): Promise<Result<{ id: string }>> {
  if (actor !== null && !actor.isAdmin)
    return invalid([{ field: 'body', message: t('error.forbidden.body') }]);
  const { roles, ...fields } = input;
  const errors = validateNewUser(plainCopy(fields), t);
  if (errors.length > 0) return invalid(errors);
  const emailTaken = () =>
    invalid<{ id: string }>([{ field: 'email', message: t('accounts.user.emailTaken') }]);
  if (await repo.findUserByEmail(db, input.email)) return emailTaken();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db
    .transaction()
    .execute(async (tx) => {
      const { id } = await repo.insertUser(tx, {
        email: input.email,
        name: input.name,
        passwordHash,
        locale: input.locale ?? 'en',
        isAdmin: input.isAdmin ?? false,
        organisationId: input.organisationId ?? null,
      });
      for (const grant of roles ?? []) await repo.grantNetworkRole(tx, id, grant.networkId, grant.role);
      await recordAudit(tx, {
        actorUserId: actor?.userId ?? null,
        action: 'user.create',
        subjectType: 'user',
        subjectId: id,
        details: { isAdmin: input.isAdmin ?? false, organisationId: input.organisationId ?? null },
      });
      return ok({ id });
    })
    .catch((error: unknown) => {
      // Two creations of the same address at once: the unique index decides, the loser is told.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return emailTaken();
      throw error;
    });
}

export async function createApiToken(db: Db, principal: Principal, name: string) {
  const token = newToken(API_TOKEN_PREFIX);
  const row = await repo.insertApiToken(db, {
    userId: principal.userId,
    name,
    tokenHash: hashToken(token),
    tokenPrefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
  });
  return { token, ...row };
}

/** Revokes one of the principal's own tokens; false when there is no such live token of theirs. */
export async function revokeApiToken(db: Db, principal: Principal, tokenId: string): Promise<boolean> {
  return (await repo.revokeApiTokenOfUser(db, principal.userId, tokenId)) !== undefined;
}

/** Housekeeping: expired sessions and old throttling records. */
export async function purgeExpired(db: Db): Promise<void> {
  await repo.deleteExpiredSessions(db);
  await repo.deleteOldFailures(db, THROTTLE_WINDOW_MINUTES * 4);
}
