import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, safeLocalPath, seeOther } from '../web/routes.ts';
import * as commands from './accounts.commands.ts';
import * as queries from './accounts.queries.ts';
import { SESSION_COOKIE, setSessionCookie } from './accounts.queries.ts';
import {
  ApiTokenView,
  ForgotPasswordForm,
  LoginForm,
  MeView,
  NewApiToken,
  ResetPasswordForm,
} from './accounts.schemas.ts';
import {
  AccountPage,
  AdminUsersPage,
  ForgotPasswordPage,
  LoginPage,
  ResetPasswordPage,
} from './accounts.views.tsx';

const TAG = 'Accounts';

function commandContext(app: FastifyInstance): commands.AccountsContext {
  return { db: app.deps.db, config: app.deps.config, mailer: app.deps.mailer, secret: app.deps.secret };
}

function tokenView(row: {
  id: string;
  name: string;
  token_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}) {
  const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

const ResetParams = Type.Object({
  lang: LangParams.properties.lang,
  token: Type.String({ minLength: 10, maxLength: 200 }),
});
const TokenIdParams = Type.Object({ lang: LangParams.properties.lang, id: Type.String({ format: 'uuid' }) });
const LoginQuery = Type.Object({
  next: Type.Optional(Type.String({ maxLength: 2000 })),
  notice: Type.Optional(Type.String({ maxLength: 20 })),
});

export async function accountsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = commandContext(app);
  const secureCookie = app.deps.config.baseUrl.startsWith('https:');
  const addressOf = (request: FastifyRequest) => request.ip;

  // ---- Pages -------------------------------------------------------------------------------

  app.get(
    `${L}/login`,
    { schema: { params: LangParams, querystring: LoginQuery }, config: { access: 'public' } },
    async (request, reply) => {
      const notice =
        request.query.notice === 'reset' || request.query.notice === 'signedOut'
          ? request.query.notice
          : undefined;
      return sendHtml(
        reply,
        <LoginPage ctx={pageContext(request, reply)} next={request.query.next} notice={notice} />,
      );
    },
  );

  app.post(
    `${L}/login`,
    {
      schema: { params: LangParams, body: LoginForm },
      attachValidation: true,
      config: {
        access: 'public',
        rateLimit: { max: app.deps.config.signInRequestsPerMinute, timeWindow: '1 minute' },
        harness: { skipMatrix: 'sign-in is open to everyone; it answers with a form error' },
      },
    },
    async (request, reply) => {
      const body = request.body as Partial<LoginForm>;
      const errors = formErrors(request);
      if (errors) {
        return sendHtml(
          reply,
          <LoginPage
            ctx={pageContext(request, reply)}
            email={typeof body?.email === 'string' ? body.email : undefined}
            next={typeof body?.next === 'string' ? body.next : undefined}
            errors={errors}
          />,
          400,
        );
      }
      const result = await commands.signIn(
        ctx,
        { email: body.email!, password: body.password!, address: addressOf(request) },
        request.t,
      );
      if (!result.ok) {
        return sendHtml(
          reply,
          <LoginPage
            ctx={pageContext(request, reply)}
            email={body.email}
            next={body.next}
            errors={result.errors}
          />,
          400,
        );
      }
      // Rotate: whatever session the browser had before is closed.
      await commands.signOut(app.deps.db, request.cookies[SESSION_COOKIE]);
      setSessionCookie(reply, result.value, secureCookie);
      return seeOther(reply, safeLocalPath(body.next, `/${request.params.lang}/account`));
    },
  );

  app.post(
    `${L}/logout`,
    {
      schema: { params: LangParams },
      config: {
        access: 'public',
        harness: { skipMatrix: 'signing out is allowed to anyone, signed in or not' },
      },
    },
    async (request, reply) => {
      await commands.signOut(app.deps.db, request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return seeOther(reply, `/${request.params.lang}/login?notice=signedOut`);
    },
  );

  app.get(
    `${L}/password/forgot`,
    { schema: { params: LangParams }, config: { access: 'public' } },
    async (request, reply) => sendHtml(reply, <ForgotPasswordPage ctx={pageContext(request, reply)} />),
  );

  app.post(
    `${L}/password/forgot`,
    {
      schema: { params: LangParams, body: ForgotPasswordForm },
      attachValidation: true,
      config: {
        access: 'public',
        rateLimit: { max: app.deps.config.signInRequestsPerMinute, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const errors = formErrors(request);
      const email = (request.body as Partial<ForgotPasswordForm>)?.email;
      if (errors) {
        return sendHtml(
          reply,
          <ForgotPasswordPage
            ctx={pageContext(request, reply)}
            email={typeof email === 'string' ? email : undefined}
            errors={errors}
          />,
          400,
        );
      }
      try {
        await commands.requestPasswordReset(ctx, email!, request.params.lang);
      } catch (error) {
        // The answer must not reveal whether the address has an account, even when mail fails.
        request.log.error({ err: error }, 'password reset mail could not be sent');
      }
      return sendHtml(reply, <ForgotPasswordPage ctx={pageContext(request, reply)} sent />);
    },
  );

  app.get(
    `${L}/password/reset/:token`,
    { schema: { params: ResetParams }, config: { access: 'public' } },
    async (request, reply) => {
      const usable = await commands.isUsableResetToken(app.deps.db, request.params.token);
      return sendHtml(
        reply,
        <ResetPasswordPage
          ctx={pageContext(request, reply)}
          token={request.params.token}
          expired={!usable}
        />,
        usable ? 200 : 410,
      );
    },
  );

  app.post(
    `${L}/password/reset/:token`,
    {
      schema: { params: ResetParams, body: ResetPasswordForm },
      attachValidation: true,
      config: {
        access: 'public',
        rateLimit: { max: app.deps.config.signInRequestsPerMinute, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const { token, lang } = request.params;
      const errors = formErrors(request);
      if (errors)
        return sendHtml(
          reply,
          <ResetPasswordPage ctx={pageContext(request, reply)} token={token} errors={errors} />,
          400,
        );
      const body = request.body as ResetPasswordForm;
      const result = await commands.resetPassword(
        app.deps.db,
        { token, password: body.password, confirm: body.confirm },
        request.t,
      );
      if (!result.ok) {
        const expired = 'expired' in result;
        return sendHtml(
          reply,
          <ResetPasswordPage
            ctx={pageContext(request, reply)}
            token={token}
            errors={result.errors}
            expired={expired}
          />,
          expired ? 410 : 400,
        );
      }
      return seeOther(reply, `/${lang}/login?notice=reset`);
    },
  );

  app.get(
    `${L}/account`,
    {
      schema: { params: LangParams, querystring: Type.Object({ revoked: Type.Optional(Type.Literal('1')) }) },
      config: { access: 'signed-in' },
    },
    async (request, reply) => {
      const tokens = await queries.listApiTokens(app.deps.db, request.principal!);
      return sendHtml(
        reply,
        <AccountPage
          ctx={pageContext(request, reply)}
          tokens={tokens}
          revoked={request.query.revoked === '1'}
        />,
      );
    },
  );

  app.post(
    `${L}/account/tokens`,
    {
      schema: { params: LangParams, body: NewApiToken },
      attachValidation: true,
      config: { access: 'signed-in', harness: { body: { name: 'matrix' } } },
    },
    async (request, reply) => {
      const errors = formErrors(request);
      const principal = request.principal!;
      if (errors) {
        const tokens = await queries.listApiTokens(app.deps.db, principal);
        return sendHtml(
          reply,
          <AccountPage ctx={pageContext(request, reply)} tokens={tokens} errors={errors} />,
          400,
        );
      }
      const created = await commands.createApiToken(app.deps.db, principal, request.body.name);
      const tokens = await queries.listApiTokens(app.deps.db, principal);
      // The token is shown once, on this response only; it is never stored in clear.
      return sendHtml(
        reply,
        <AccountPage
          ctx={pageContext(request, reply)}
          tokens={tokens}
          newToken={{ name: created.name, token: created.token }}
        />,
        201,
      );
    },
  );

  app.post(
    `${L}/account/tokens/:id/revoke`,
    {
      schema: { params: TokenIdParams },
      config: { access: 'signed-in', harness: { params: { id: 'ownApiToken' } } },
    },
    async (request, reply) => {
      const revoked = await commands.revokeApiToken(app.deps.db, request.principal!, request.params.id);
      if (!revoked) throw new HttpProblem('not-found');
      return seeOther(reply, `/${request.params.lang}/account?revoked=1#tokens`);
    },
  );

  const AdminQuery = Type.Object({
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  });
  app.get(
    `${L}/admin/users`,
    { schema: { params: LangParams, querystring: AdminQuery }, config: { access: 'admin' } },
    async (request, reply) => {
      const { rows, total } = await queries.listUsersForAdmin(
        app.deps.db,
        request.principal!,
        request.query.page ?? 1,
        100,
      );
      return sendHtml(reply, <AdminUsersPage ctx={pageContext(request, reply)} rows={rows} total={total} />);
    },
  );

  // ---- API ---------------------------------------------------------------------------------

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: [TAG],
        summary: 'The account making the call',
        security: [{ bearer: [] }],
        response: { 200: MeView },
      },
      config: { access: 'signed-in' },
    },
    async (request) => {
      const p = request.principal!;
      return {
        id: p.userId,
        email: p.email,
        name: p.name,
        locale: p.locale,
        isAdmin: p.isAdmin,
        organisationId: p.organisationId,
        roles: p.roles,
      };
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags: [TAG],
        summary: 'My personal API tokens',
        security: [{ bearer: [] }],
        response: { 200: Type.Array(ApiTokenView) },
      },
      config: { access: 'signed-in' },
    },
    async (request) => (await queries.listApiTokens(app.deps.db, request.principal!)).map(tokenView),
  );

  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: [TAG],
        summary: 'Create a personal API token (shown once)',
        security: [{ bearer: [] }],
        body: NewApiToken,
        response: { 201: Type.Intersect([ApiTokenView, Type.Object({ token: Type.String() })]) },
      },
      config: { access: 'signed-in', harness: { body: { name: 'matrix' } } },
    },
    async (request, reply) => {
      const created = await commands.createApiToken(app.deps.db, request.principal!, request.body.name);
      return reply
        .code(201)
        .send({ ...tokenView({ ...created, last_used_at: null, revoked_at: null }), token: created.token });
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Revoke one of my tokens',
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null() },
      },
      config: { access: 'signed-in', harness: { params: { id: 'ownApiToken' } } },
    },
    async (request, reply) => {
      if (!(await commands.revokeApiToken(app.deps.db, request.principal!, request.params.id)))
        throw new HttpProblem('not-found');
      return reply.code(204).send(null);
    },
  );

  const UserListItem = Type.Object({
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    name: Type.String(),
    isAdmin: Type.Boolean(),
    roles: Type.Array(Type.Object({ network: Type.String(), role: Type.String() })),
  });
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: [TAG],
        summary: 'All accounts (admins only)',
        security: [{ bearer: [] }],
        querystring: AdminQuery,
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(UserListItem) }) },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const { rows, total } = await queries.listUsersForAdmin(
        app.deps.db,
        request.principal!,
        request.query.page ?? 1,
        100,
      );
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          email: r.email,
          name: r.name,
          isAdmin: r.is_admin,
          roles: r.roles.map((g) => ({ network: g.slug, role: g.role })),
        })),
      };
    },
  );
}
