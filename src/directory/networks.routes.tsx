import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { LANGUAGES } from '../web/language.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import * as commands from './directory.commands.ts';
import { getNetwork, listNetworks, searchOrganisations } from './directory.queries.ts';
import { LocalizedTextSchema, MembershipInput, NetworkInput, NetworkUpdate } from './directory.schemas.ts';
import { deleteNetwork, removeMember } from './networks.commands.ts';
import {
  type NetworkDetail,
  type NetworkFormValues,
  NetworkEditPage,
  NetworkPage,
  NetworksListPage,
  TEXT_FIELDS,
  formValuesOf,
} from './networks.views.tsx';

const TAG = 'Directory';
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 });
const SlugParams = Type.Object({ slug: Slug });
const PageSlugParams = Type.Object({ lang: LangParams.properties.lang, slug: Slug });
const MemberParams = Type.Object({ slug: Slug, organisationId: Type.String({ format: 'uuid' }) });

const Text = LocalizedTextSchema(10_000);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const NetworkSummary = Type.Object({
  slug: Type.String(),
  name: Text,
  kind: Type.String(),
  region: Nullable(Type.String()),
  yearFounded: Nullable(Type.Integer()),
  fundingStatus: Nullable(Type.String()),
  countries: Type.Array(Type.String()),
  memberCount: Type.Integer(),
});
const NetworkView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  name: Text,
  kind: Type.String(),
  description: Text,
  objectives: Text,
  region: Nullable(Type.String()),
  yearFounded: Nullable(Type.Integer()),
  coordinatingOrganisationId: Nullable(Type.String()),
  meetingCadence: Text,
  fundingStatus: Nullable(Type.String()),
  fundingNote: Text,
  fundingYear: Nullable(Type.Integer()),
  countries: Type.Array(Type.String()),
  version: Type.Integer(),
  members: Type.Array(
    Type.Object({
      organisationId: Type.String(),
      name: Text,
      role: Type.String(),
      since: Nullable(Type.String()),
      headquartersCountry: Nullable(Type.String()),
      countriesServed: Type.Array(Type.String()),
    }),
  ),
  elsewhere: Type.Array(
    Type.Object({ organisationId: Type.String(), network: Type.String(), name: Text, role: Type.String() }),
  ),
});
const Saved = Type.Object({ id: Type.String(), slug: Type.String(), version: Type.Integer() });

function networkView(n: NetworkDetail) {
  return {
    id: n.id,
    slug: n.slug,
    name: n.name,
    kind: n.kind,
    description: n.description,
    objectives: n.objectives,
    region: n.region,
    yearFounded: n.year_founded,
    coordinatingOrganisationId: n.coordinating_organisation_id,
    meetingCadence: n.meeting_cadence,
    fundingStatus: n.funding_status,
    fundingNote: n.funding_note,
    fundingYear: n.funding_year,
    countries: n.countries,
    version: n.version,
    members: n.members.map((m) => ({
      organisationId: m.id,
      name: m.name,
      role: m.role,
      since: m.since,
      headquartersCountry: m.headquartersCountry,
      countriesServed: m.countriesServed,
    })),
    elsewhere: n.elsewhere.map((e) => ({
      organisationId: e.organisationId,
      network: e.slug,
      name: e.name,
      role: e.role,
    })),
  };
}

// The edit form, as browsers send it: every field text, one per language (`name.fr`…).
const formProperties: Record<string, ReturnType<typeof Type.String>> = {};
for (const field of TEXT_FIELDS)
  for (const lang of LANGUAGES) formProperties[`${field}.${lang}`] = Type.String({ maxLength: 10_000 });
for (const field of [
  'slug',
  'kind',
  'region',
  'yearFounded',
  'coordinatingOrganisationId',
  'fundingStatus',
  'fundingYear',
  'countries',
])
  formProperties[field] = Type.String({ maxLength: 2000 });
const NetworkForm = Type.Object({
  ...Type.Partial(Type.Object(formProperties)).properties,
  version: Type.String({ pattern: '^[0-9]{1,9}$' }),
});
const MemberForm = Type.Object({
  organisationId: Type.String({ maxLength: 100 }),
  role: Type.String({ maxLength: 20 }),
  since: Type.Optional(Type.String({ maxLength: 20 })),
});

/** A number where the form holds digits, null where it is empty, else the text (for the validator to name). */
function integerOrText(value: string | undefined): number | string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  return /^-?[0-9]{1,9}$/.test(text) ? Number(text) : text;
}

function inputFromForm(values: NetworkFormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {
    slug: values.slug?.trim() ?? '',
    kind: values.kind ?? '',
    region: values.region?.trim() || null,
    yearFounded: integerOrText(values.yearFounded),
    coordinatingOrganisationId: values.coordinatingOrganisationId?.trim() || null,
    fundingStatus: values.fundingStatus?.trim() || null,
    fundingYear: integerOrText(values.fundingYear),
    countries: (values.countries ?? '')
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((code) => code.toUpperCase()),
  };
  for (const field of TEXT_FIELDS) {
    const text: Record<string, string> = {};
    for (const lang of LANGUAGES) {
      const value = values[`${field}.${lang}`]?.trim();
      if (value) text[lang] = value;
    }
    input[field] = text;
  }
  return input;
}

/** Command errors named after the form's fields (`countries.3` is the countries field). */
function formFieldErrors(errors: FieldError[], lang: string): FieldError[] {
  return errors.map((error) => {
    const base = error.field.split('.')[0]!;
    if (base === 'countries') return { ...error, field: 'countries' };
    if (error.field === 'name') return { ...error, field: `name.${lang}` };
    return error;
  });
}

async function findNetwork(app: FastifyInstance, slug: string): Promise<NetworkDetail> {
  const network = await getNetwork(app.deps.db, slug);
  if (!network) throw new HttpProblem('not-found');
  return network;
}

/** The route's gate lets any secretariat in; only this network's secretariat (or an admin) passes here. */
function requireSecretariatOf(principal: Principal | null, network: { id: string }): Principal {
  if (!principal || !isSecretariat(principal, network.id)) throw new HttpProblem('forbidden');
  return principal;
}

function stringValues(body: unknown): NetworkFormValues {
  const values: NetworkFormValues = {};
  if (body && typeof body === 'object')
    for (const [key, value] of Object.entries(body)) if (typeof value === 'string') values[key] = value;
  return values;
}

export async function networksRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;

  async function renderNetworkPage(
    request: FastifyRequest,
    reply: FastifyReply,
    network: NetworkDetail,
    extra: { saved?: boolean; memberValues?: NetworkFormValues; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const canEdit = isSecretariat(request.principal, network.id);
    let candidates: { id: string; name: Record<string, string> }[] | undefined;
    if (canEdit) {
      const members = new Set(network.members.map((m) => m.id));
      const { items } = await searchOrganisations(db, { pageSize: 100 });
      candidates = items.filter((o) => !members.has(o.id));
    }
    return sendHtml(
      reply,
      <NetworkPage
        ctx={pageContext(request, reply)}
        network={network}
        canEdit={canEdit}
        {...(candidates ? { candidates } : {})}
        {...extra}
      />,
      status,
    );
  }

  // ---- Pages -------------------------------------------------------------------------------

  app.get(
    `${L}/networks`,
    { schema: { params: LangParams }, config: { access: 'public' } },
    async (request, reply) =>
      sendHtml(
        reply,
        <NetworksListPage ctx={pageContext(request, reply)} networks={await listNetworks(db)} />,
      ),
  );

  app.get(
    `${L}/networks/:slug`,
    {
      schema: {
        params: PageSlugParams,
        querystring: Type.Object({ saved: Type.Optional(Type.Literal('1')) }),
      },
      config: { access: 'public', harness: { params: { slug: 'networkSlug' } } },
    },
    async (request, reply) => {
      const network = await findNetwork(app, request.params.slug);
      return renderNetworkPage(request, reply, network, { saved: request.query.saved === '1' });
    },
  );

  app.get(
    `${L}/networks/:slug/edit`,
    {
      schema: { params: PageSlugParams },
      config: { access: 'secretariat', harness: { params: { slug: 'networkSlug' } } },
    },
    async (request, reply) => {
      const network = await findNetwork(app, request.params.slug);
      requireSecretariatOf(request.principal, network);
      return sendHtml(
        reply,
        <NetworkEditPage
          ctx={pageContext(request, reply)}
          network={network}
          values={formValuesOf(network)}
        />,
      );
    },
  );

  app.post(
    `${L}/networks/:slug/edit`,
    {
      schema: { params: PageSlugParams, body: NetworkForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: {
          params: { slug: 'networkSlug' },
          body: { slug: 'matrix-network', kind: 'network', 'name.en': 'Matrix network', version: '1' },
        },
      },
    },
    async (request, reply) => {
      const { lang, slug } = request.params;
      const network = await findNetwork(app, slug);
      const principal = requireSecretariatOf(request.principal, network);
      const values = stringValues(request.body);
      const ctx = pageContext(request, reply);
      const errors = formErrors(request);
      if (errors)
        return sendHtml(
          reply,
          <NetworkEditPage ctx={ctx} network={network} values={values} errors={errors} />,
          400,
        );
      const result = await commands.updateNetwork(
        db,
        principal,
        network.id,
        Number(values.version),
        inputFromForm(values),
        request.t,
      );
      if (result.ok) return seeOther(reply, `/${lang}/networks/${result.value.slug}?saved=1`);
      if ('conflict' in result) {
        const current = await findNetwork(app, slug);
        const saved = formValuesOf(current);
        // The user's values stay in the form; saving again, knowingly, starts from the current version.
        return sendHtml(
          reply,
          <NetworkEditPage
            ctx={ctx}
            network={current}
            values={{ ...values, version: saved.version! }}
            saved={saved}
            errors={result.errors}
          />,
          409,
        );
      }
      return sendHtml(
        reply,
        <NetworkEditPage
          ctx={ctx}
          network={network}
          values={values}
          errors={formFieldErrors(result.errors, lang)}
        />,
        400,
      );
    },
  );

  app.post(
    `${L}/networks/:slug/members`,
    {
      schema: { params: PageSlugParams, body: MemberForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: {
          params: { slug: 'networkSlug' },
          body: { organisationId: '00000000-0000-4000-8000-000000000000', role: 'member' },
        },
      },
    },
    async (request, reply) => {
      const { lang, slug } = request.params;
      const network = await findNetwork(app, slug);
      const principal = requireSecretariatOf(request.principal, network);
      const values = stringValues(request.body);
      const errors = formErrors(request);
      if (errors) return renderNetworkPage(request, reply, network, { memberValues: values, errors }, 400);
      const result = await commands.addMember(
        db,
        principal,
        network.id,
        {
          organisationId: values.organisationId ?? '',
          role: values.role ?? '',
          ...(values.since?.trim() ? { since: values.since.trim() } : {}),
        },
        request.t,
      );
      if (!result.ok)
        return renderNetworkPage(
          request,
          reply,
          network,
          { memberValues: values, errors: result.errors },
          400,
        );
      return seeOther(reply, `/${lang}/networks/${slug}#members`);
    },
  );

  // ---- API ---------------------------------------------------------------------------------

  app.get(
    '/api/v1/networks',
    {
      schema: {
        tags: [TAG],
        summary: 'Networks, coalitions, working groups and platforms on this instance',
        response: { 200: Type.Array(NetworkSummary) },
      },
      config: { access: 'public' },
    },
    async () =>
      (await listNetworks(db)).map((n) => ({
        slug: n.slug,
        name: n.name,
        kind: n.kind,
        region: n.region,
        yearFounded: n.year_founded,
        fundingStatus: n.funding_status,
        countries: n.countries,
        memberCount: Number(n.members ?? 0),
      })),
  );

  app.get(
    '/api/v1/networks/:slug',
    {
      schema: {
        tags: [TAG],
        summary: 'One network with its members and what they do in other networks',
        params: SlugParams,
        response: { 200: NetworkView },
      },
      config: { access: 'public', harness: { params: { slug: 'networkSlug' } } },
    },
    async (request) => networkView(await findNetwork(app, request.params.slug)),
  );

  app.post(
    '/api/v1/networks',
    {
      schema: {
        tags: [TAG],
        summary: 'Create a network (admins only)',
        security: [{ bearer: [] }],
        body: NetworkInput,
        response: { 201: Saved },
      },
      config: {
        access: 'admin',
        harness: { body: { slug: 'matrix-created', name: { en: 'Created by the matrix' }, kind: 'network' } },
      },
    },
    async (request, reply) => {
      const result = await commands.createNetwork(db, request.principal!, request.body, request.t);
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply.code(201).send(result.value);
    },
  );

  app.put(
    '/api/v1/networks/:slug',
    {
      schema: {
        tags: [TAG],
        summary: 'Update a network (its secretariat); a stale version is a 409 conflict',
        security: [{ bearer: [] }],
        params: SlugParams,
        body: NetworkUpdate,
        response: { 200: Saved },
      },
      config: {
        access: 'secretariat',
        harness: {
          params: { slug: 'networkSlug' },
          body: { slug: 'matrix-network', name: { en: 'Matrix network' }, kind: 'network', version: 1 },
        },
      },
    },
    async (request) => {
      const network = await findNetwork(app, request.params.slug);
      const principal = requireSecretariatOf(request.principal, network);
      const { version, ...input } = request.body;
      const result = await commands.updateNetwork(db, principal, network.id, version, input, request.t);
      if (result.ok) return result.value;
      throw new HttpProblem('conflict' in result ? 'conflict' : 'validation', result.errors);
    },
  );

  app.post(
    '/api/v1/networks/:slug/members',
    {
      schema: {
        tags: [TAG],
        summary: "Add a member organisation (the network's secretariat)",
        security: [{ bearer: [] }],
        params: SlugParams,
        body: MembershipInput,
        response: { 201: Type.Object({ networkId: Type.String(), organisationId: Type.String() }) },
      },
      config: {
        access: 'secretariat',
        harness: {
          params: { slug: 'networkSlug' },
          body: { organisationId: '00000000-0000-4000-8000-000000000000', role: 'member' },
        },
      },
    },
    async (request, reply) => {
      const network = await findNetwork(app, request.params.slug);
      const principal = requireSecretariatOf(request.principal, network);
      const result = await commands.addMember(db, principal, network.id, request.body, request.t);
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply.code(201).send(result.value);
    },
  );

  app.delete(
    '/api/v1/networks/:slug/members/:organisationId',
    {
      schema: {
        tags: [TAG],
        summary: "End an organisation's membership (the network's secretariat)",
        security: [{ bearer: [] }],
        params: MemberParams,
        response: { 204: Type.Null() },
      },
      config: {
        access: 'secretariat',
        harness: { params: { slug: 'networkSlug', organisationId: 'owningOrganisation' } },
      },
    },
    async (request, reply) => {
      const network = await findNetwork(app, request.params.slug);
      const principal = requireSecretariatOf(request.principal, network);
      const outcome = await removeMember(db, principal, network.id, request.params.organisationId);
      if (outcome === 'forbidden') throw new HttpProblem('forbidden');
      if (outcome === 'not-found') throw new HttpProblem('not-found');
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/networks/:slug',
    {
      schema: {
        tags: [TAG],
        summary: 'Remove a network from this instance (admins); its organisations stay in the directory',
        security: [{ bearer: [] }],
        params: SlugParams,
        response: { 204: Type.Null() },
      },
      // A random slug: the harness must not delete the network the other routes are called in.
      config: { access: 'admin', harness: {} },
    },
    async (request, reply) => {
      const network = await findNetwork(app, request.params.slug);
      const outcome = await deleteNetwork(db, request.principal!, network.id);
      if (outcome === 'forbidden') throw new HttpProblem('forbidden');
      if (outcome === 'not-found') throw new HttpProblem('not-found');
      return reply.code(204).send(null);
    },
  );
}
