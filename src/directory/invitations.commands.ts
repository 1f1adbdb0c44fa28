import { Type, type Static } from 'typebox';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Db } from '../db/schema.ts';
import type { Mailer } from '../mail/mailer.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, type Result, invalid, ok } from '../http/problems.ts';
import { inputValidator, plainCopy } from '../http/validation.ts';
import {
  findUserByEmail,
  grantNetworkRole,
  hashPassword,
  insertUser,
  openSession,
} from '../accounts/index.ts';
import { hashToken, newToken } from '../accounts/accounts.secrets.ts';
import { recordAudit } from '../audit/index.ts';
import { type Translate, translator } from '../web/i18n.ts';
import { type Lang, pickText } from '../web/language.ts';

export const InvitationInput = Type.Object({
  organisationId: Type.String({ format: 'uuid' }),
  networkId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  email: Type.String({ format: 'email', minLength: 3, maxLength: 254 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
});
export type InvitationInput = Static<typeof InvitationInput>;

export const AcceptInvitationInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ minLength: 10, maxLength: 1024 }),
  confirm: Type.String({ maxLength: 1024 }),
});
export type AcceptInvitationInput = Static<typeof AcceptInvitationInput>;

const validateInvitation = inputValidator(InvitationInput);
const validateAcceptance = inputValidator(AcceptInvitationInput);

export interface InvitationContext {
  db: Db;
  config: Config;
  mailer: Mailer;
}

/**
 * The secretariat invites a focal point of an organisation: a single-use link, valid for
 * `PUENTE_INVITATION_DAYS`, sent by email in the page's language. Following it creates the
 * account bound to the organisation (and a member of the network, when one is given).
 */
export async function inviteFocalPoint(
  ctx: InvitationContext,
  actor: Principal,
  input: unknown,
  lang: Lang,
  t: Translate,
): Promise<Result<{ email: string; expiresAt: Date }>> {
  const data = plainCopy(input) as InvitationInput;
  if (!isSecretariat(actor, data?.networkId ?? undefined))
    return invalid([{ field: 'body', message: t('error.forbidden.body') }]);
  const errors = validateInvitation(data, t);
  if (errors.length > 0) return invalid(errors);
  const organisation = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '=', data.organisationId)
    .executeTakeFirst();
  if (!organisation)
    return invalid([{ field: 'organisationId', message: t('directory.error.unknownOrganisation') }]);
  if (
    data.networkId &&
    !(await ctx.db.selectFrom('networks').select('id').where('id', '=', data.networkId).executeTakeFirst())
  ) {
    return invalid([{ field: 'networkId', message: t('invitations.error.unknownNetwork') }]);
  }
  if (await findUserByEmail(ctx.db, data.email))
    return invalid([{ field: 'email', message: t('accounts.user.emailTaken') }]);
  const token = newToken();
  const expiresAt = new Date(Date.now() + ctx.config.invitationDays * 86_400_000);
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('invitations')
      .values({
        token_hash: hashToken(token),
        organisation_id: data.organisationId,
        network_id: data.networkId ?? null,
        email: data.email,
        name: data.name,
        invited_by: actor.userId,
        expires_at: expiresAt,
      })
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.userId,
      action: 'invitation.create',
      subjectType: 'organisation',
      subjectId: data.organisationId,
      details: { fields: ['email', 'name'] },
    });
  });
  const mt = translator(lang);
  const organisationName = pickText(organisation.name, lang)?.text ?? '';
  await ctx.mailer.send({
    to: data.email,
    subject: mt('invitations.mail.subject', { organisation: organisationName }),
    text: mt('invitations.mail.body', {
      name: data.name,
      inviter: actor.name,
      organisation: organisationName,
      link: `${ctx.config.baseUrl}/${lang}/invitations/${token}`,
      days: ctx.config.invitationDays,
    }),
  });
  return ok({ email: data.email, expiresAt });
}

export function findUsableInvitation(db: Db, token: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('organisations', 'organisations.id', 'invitations.organisation_id')
    .select(['invitations.email', 'invitations.name', 'organisations.name as organisationName'])
    .where('invitations.token_hash', '=', hashToken(token))
    .where('invitations.used_at', 'is', null)
    .where('invitations.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/**
 * Accepts an invitation: consumes it atomically (of two uses, one wins), creates the account
 * bound to the organisation, records the focal point, and opens a session — all in one transaction.
 */
export async function acceptInvitation(
  db: Db,
  config: Config,
  token: string,
  input: unknown,
  lang: Lang,
  t: Translate,
): Promise<
  | Result<{ userId: string; sessionToken: string; expiresAt: Date }>
  | { ok: false; expired: true; errors: FieldError[] }
> {
  const data = plainCopy(input) as AcceptInvitationInput;
  const errors = validateAcceptance(data, t);
  if (errors.length > 0) return invalid(errors);
  if (data.password !== data.confirm)
    return invalid([{ field: 'confirm', message: t('accounts.reset.mismatch') }]);
  const passwordHash = await hashPassword(data.password);
  return db.transaction().execute(async (tx) => {
    const invitation = await tx
      .updateTable('invitations')
      .set({ used_at: sql`now()` })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning(['organisation_id', 'network_id', 'email', 'invited_by'])
      .executeTakeFirst();
    if (!invitation) return { ok: false as const, expired: true as const, errors: [] };
    if (await findUserByEmail(tx, invitation.email))
      return invalid([{ field: 'name', message: t('accounts.user.emailTaken') }]);
    const { id: userId } = await insertUser(tx, {
      email: invitation.email,
      name: data.name,
      passwordHash,
      locale: lang,
      isAdmin: false,
      organisationId: invitation.organisation_id,
    });
    if (invitation.network_id) await grantNetworkRole(tx, userId, invitation.network_id, 'member');
    await tx
      .insertInto('focal_points')
      .values({
        organisation_id: invitation.organisation_id,
        user_id: userId,
        name: data.name,
        email: invitation.email,
        languages: [lang],
      })
      .execute();
    await recordAudit(tx, {
      actorUserId: userId,
      action: 'invitation.accept',
      subjectType: 'organisation',
      subjectId: invitation.organisation_id,
      details: { invitedBy: invitation.invited_by, fields: ['name', 'email'] },
    });
    const session = await openSession(tx, userId, config.sessionDays);
    return ok({ userId, ...session });
  });
}
