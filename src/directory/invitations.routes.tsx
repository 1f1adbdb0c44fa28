import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { setSessionCookie } from '../accounts/index.ts';
import type { Principal } from '../http/access.ts';
import { HttpProblem } from '../http/problems.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import {
  AcceptInvitationInput,
  InvitationInput,
  acceptInvitation,
  findUsableInvitation,
  inviteFocalPoint,
} from './invitations.commands.ts';
import { AcceptInvitationPage, NewInvitationPage } from './invitations.views.tsx';

const TokenParams = Type.Object({
  lang: LangParams.properties.lang,
  token: Type.String({ minLength: 10, maxLength: 200 }),
});
/** The form sends an empty network as "": no network. */
const InvitationForm = Type.Object({
  organisationId: Type.String({ maxLength: 36 }),
  networkId: Type.Optional(Type.String({ maxLength: 36 })),
  email: Type.String({ maxLength: 254 }),
  name: Type.String({ maxLength: 200 }),
});

export async function invitationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config, mailer } = app.deps;
  const secureCookie = config.baseUrl.startsWith('https:');

  /** What the inviting secretariat may choose: every organisation; the networks it runs (all, for an admin). */
  async function choices(principal: Principal) {
    const organisations = await db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .orderBy(sql`lower(name::text)`)
      .execute();
    const runs = principal.roles.filter((r) => r.role === 'secretariat').map((r) => r.networkId);
    let query = db.selectFrom('networks').select(['id', 'name']).orderBy('slug');
    if (!principal.isAdmin)
      query = query.where('id', 'in', runs.length > 0 ? runs : ['00000000-0000-0000-0000-000000000000']);
    return { organisations, networks: await query.execute() };
  }

  app.get(
    `${L}/invitations/new`,
    {
      schema: {
        params: LangParams,
        querystring: Type.Object({ organisation: Type.Optional(Type.String({ maxLength: 36 })) }),
      },
      config: { access: 'secretariat' },
    },
    async (request, reply) => {
      const options = await choices(request.principal!);
      return sendHtml(
        reply,
        <NewInvitationPage
          ctx={pageContext(request, reply)}
          {...options}
          values={{ organisationId: request.query.organisation }}
        />,
      );
    },
  );

  app.post(
    `${L}/invitations`,
    {
      schema: { params: LangParams, body: InvitationForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: { body: { organisationId: 'not-a-uuid', email: 'x@example.org', name: 'X' } },
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, string | undefined>;
      const options = await choices(request.principal!);
      const values = {
        organisationId: body.organisationId,
        networkId: body.networkId,
        email: body.email,
        name: body.name,
      };
      const errors = formErrors(request);
      if (errors)
        return sendHtml(
          reply,
          <NewInvitationPage
            ctx={pageContext(request, reply)}
            {...options}
            values={values}
            errors={errors}
          />,
          400,
        );
      const input = { ...values, networkId: body.networkId ? body.networkId : null };
      const result = await inviteFocalPoint(
        { db, config, mailer },
        request.principal!,
        input,
        request.params.lang,
        request.t,
      );
      if (!result.ok) {
        const status = result.errors.some((e) => e.field === 'body') ? 403 : 400;
        return sendHtml(
          reply,
          <NewInvitationPage
            ctx={pageContext(request, reply)}
            {...options}
            values={values}
            errors={result.errors}
          />,
          status,
        );
      }
      return sendHtml(
        reply,
        <NewInvitationPage ctx={pageContext(request, reply)} {...options} sent={result.value} />,
        201,
      );
    },
  );

  app.get(
    `${L}/invitations/:token`,
    { schema: { params: TokenParams }, config: { access: 'public' } },
    async (request, reply) => {
      const invitation = (await findUsableInvitation(db, request.params.token)) ?? null;
      return sendHtml(
        reply,
        <AcceptInvitationPage
          ctx={pageContext(request, reply)}
          token={request.params.token}
          invitation={invitation}
        />,
        invitation ? 200 : 410,
      );
    },
  );

  app.post(
    `${L}/invitations/:token`,
    {
      schema: { params: TokenParams, body: AcceptInvitationInput },
      attachValidation: true,
      config: {
        access: 'public',
        rateLimit: { max: config.signInRequestsPerMinute, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const { token, lang } = request.params;
      const invitation = (await findUsableInvitation(db, token)) ?? null;
      const body = (request.body ?? {}) as Partial<AcceptInvitationInput>;
      const errors = formErrors(request);
      if (errors || !invitation) {
        return sendHtml(
          reply,
          <AcceptInvitationPage
            ctx={pageContext(request, reply)}
            token={token}
            invitation={invitation}
            values={{ name: typeof body.name === 'string' ? body.name : undefined }}
            errors={errors ?? []}
          />,
          invitation ? 400 : 410,
        );
      }
      const result = await acceptInvitation(db, config, token, body, lang, request.t);
      if (!result.ok) {
        const expired = 'expired' in result;
        return sendHtml(
          reply,
          <AcceptInvitationPage
            ctx={pageContext(request, reply)}
            token={token}
            invitation={expired ? null : invitation}
            values={{ name: body.name }}
            errors={result.errors}
          />,
          expired ? 410 : 400,
        );
      }
      setSessionCookie(reply, result.value, secureCookie);
      return seeOther(reply, `/${lang}/account`);
    },
  );

  app.post(
    '/api/v1/invitations',
    {
      schema: {
        tags: ['Directory'],
        summary: 'Invite a focal point of an organisation by email (secretariat)',
        security: [{ bearer: [] }],
        body: InvitationInput,
        response: {
          201: Type.Object({ email: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }),
        },
      },
      config: {
        access: 'secretariat',
        harness: {
          body: { organisationId: '00000000-0000-0000-0000-000000000000', email: 'x@example.org', name: 'X' },
        },
      },
    },
    async (request, reply) => {
      const result = await inviteFocalPoint(
        { db, config, mailer },
        request.principal!,
        request.body,
        request.lang,
        request.t,
      );
      if (!result.ok)
        throw new HttpProblem(
          result.errors.some((e) => e.field === 'body') ? 'forbidden' : 'validation',
          result.errors,
        );
      return reply
        .code(201)
        .send({ email: result.value.email, expiresAt: result.value.expiresAt.toISOString() });
    },
  );
}
