import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import { canEditOrganisation } from './directory.commands.ts';
import { AccreditationInput, FocalPointInput, RelationshipInput } from './directory.schemas.ts';
import * as commands from './relations.commands.ts';
import { AccreditationFormPage, FocalPointFormPage, RelationshipFormPage } from './relations.views.tsx';

const TAG = 'Directory';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OWNING = { id: 'owningOrganisation' };
const pageId = Type.String({ maxLength: 200 });
const apiId = Type.String({ format: 'uuid' });

const ApiParams = Type.Object({ id: apiId });
const PageParams = Type.Object({ lang: LangParams.properties.lang, id: pageId });
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

/** The forms as the browser sends them: every field a text, an empty one meaning "none". */
const RelationshipForm = Type.Object({
  relatedOrganisationId: text(100),
  kind: text(100),
  since: text(100),
  note: text(4000),
});
const AccreditationForm = Type.Object({
  kind: text(200),
  accreditingOrganisationId: text(100),
  accreditingBody: text(600),
  grantedOn: text(100),
  note: text(4000),
});
const FocalPointForm = Type.Object({
  name: text(1000),
  title: text(1000),
  email: text(1000),
  phone: text(1000),
  languages: text(1000),
  version: text(12),
});
const FocalPointUpdate = Type.Object({
  ...FocalPointInput.properties,
  version: Type.Integer({ minimum: 1 }),
});

type Values = Record<string, string | undefined>;
const formValues = (body: unknown, fields: string[]): Values => {
  const record = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, typeof record[f] === 'string' ? record[f] : undefined]));
};
const orNull = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : null);

/** Page ids that are not ids are pages that do not exist. */
function requireUuids(...ids: string[]): void {
  if (!ids.every((id) => UUID.test(id))) throw new HttpProblem('not-found');
}

function failure(result: { errors: { field: string; message: string }[]; notFound?: true }): HttpProblem {
  if ('notFound' in result && result.notFound) return new HttpProblem('not-found');
  return new HttpProblem(commands.isForbidden(result.errors) ? 'forbidden' : 'validation', result.errors);
}

function failureStatus(result: { errors: { field: string; message: string }[] }): number {
  return commands.isForbidden(result.errors) ? 403 : 400;
}

function outcomeToProblem(outcome: 'deleted' | 'forbidden' | 'not-found'): void {
  if (outcome === 'forbidden') throw new HttpProblem('forbidden');
  if (outcome === 'not-found') throw new HttpProblem('not-found');
}

const backTo = (request: FastifyRequest<{ Params: { lang: string; id: string } }>) =>
  `/${request.params.lang}/organisations/${request.params.id}`;

/** Relationships between organisations, accreditations, and the edit and removal of focal points. */
export async function relationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  // ---- The empty forms, linked from the organisation page ----------------------------------

  app.get(
    `${L}/organisations/:id/relationships/new`,
    { schema: { params: PageParams }, config: { access: 'own-organisation', harness: { params: OWNING } } },
    async (request, reply) => {
      const { id } = request.params;
      requireUuids(id);
      if (!canEditOrganisation(request.principal, id)) throw new HttpProblem('forbidden');
      const organisations = await commands.organisationChoices(db);
      if (!organisations.some((o) => o.id === id)) throw new HttpProblem('not-found');
      return sendHtml(
        reply,
        <RelationshipFormPage
          ctx={pageContext(request, reply)}
          organisationId={id}
          organisations={organisations}
          values={{}}
          errors={[]}
        />,
      );
    },
  );

  app.get(
    `${L}/organisations/:id/accreditations/new`,
    { schema: { params: PageParams }, config: { access: 'secretariat', harness: { params: OWNING } } },
    async (request, reply) => {
      const { id } = request.params;
      requireUuids(id);
      const organisations = await commands.organisationChoices(db);
      if (!organisations.some((o) => o.id === id)) throw new HttpProblem('not-found');
      return sendHtml(
        reply,
        <AccreditationFormPage
          ctx={pageContext(request, reply)}
          organisationId={id}
          organisations={organisations}
          values={{}}
          errors={[]}
        />,
      );
    },
  );

  app.get(
    `${L}/organisations/:id/focal-points/:focalPointId/edit`,
    {
      schema: { params: Type.Object({ ...PageParams.properties, focalPointId: pageId }) },
      config: { access: 'own-organisation', harness: { params: OWNING } },
    },
    async (request, reply) => {
      const { id, focalPointId } = request.params;
      requireUuids(id, focalPointId);
      if (!canEditOrganisation(request.principal, id)) throw new HttpProblem('forbidden');
      const focalPoint = await db
        .selectFrom('focal_points')
        .select(['name', 'title', 'email', 'phone', 'languages', 'version'])
        .where('id', '=', focalPointId)
        .where('organisation_id', '=', id)
        .executeTakeFirst();
      if (!focalPoint) throw new HttpProblem('not-found');
      const values = {
        name: focalPoint.name,
        title: focalPoint.title ?? undefined,
        email: focalPoint.email ?? undefined,
        phone: focalPoint.phone ?? undefined,
        languages: focalPoint.languages.join(', '),
        version: String(focalPoint.version),
      };
      return sendHtml(
        reply,
        <FocalPointFormPage
          ctx={pageContext(request, reply)}
          organisationId={id}
          focalPointId={focalPointId}
          values={values}
          errors={[]}
        />,
      );
    },
  );

  // ---- Relationships -----------------------------------------------------------------------

  app.post(
    `${L}/organisations/:id/relationships`,
    {
      schema: { params: PageParams, body: RelationshipForm },
      attachValidation: true,
      config: {
        access: 'own-organisation',
        harness: {
          params: OWNING,
          body: { relatedOrganisationId: '00000000-0000-4000-8000-000000000000', kind: 'partner' },
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      requireUuids(id);
      if (!canEditOrganisation(request.principal, id)) throw new HttpProblem('forbidden');
      const values = formValues(request.body, ['relatedOrganisationId', 'kind', 'since', 'note']);
      const render = async (errors: { field: string; message: string }[], status: number) =>
        sendHtml(
          reply,
          <RelationshipFormPage
            ctx={pageContext(request, reply)}
            organisationId={id}
            organisations={await commands.organisationChoices(db)}
            values={values}
            errors={errors}
          />,
          status,
        );
      const errors = formErrors(request);
      if (errors) return render(errors, 400);
      const input = {
        relatedOrganisationId: values.relatedOrganisationId ?? '',
        kind: values.kind ?? '',
        since: orNull(values.since),
        note: orNull(values.note),
      };
      const result = await commands.addRelationship(db, request.principal, id, input, request.t);
      if ('notFound' in result) throw new HttpProblem('not-found');
      if (!result.ok) return render(result.errors, failureStatus(result));
      return seeOther(reply, `${backTo(request)}#relationships`);
    },
  );

  app.post(
    `${L}/organisations/:id/relationships/:relationshipId/delete`,
    {
      schema: { params: Type.Object({ ...PageParams.properties, relationshipId: pageId }) },
      config: { access: 'own-organisation', harness: { params: OWNING } },
    },
    async (request, reply) => {
      requireUuids(request.params.id, request.params.relationshipId);
      const { id, relationshipId } = request.params;
      outcomeToProblem(await commands.removeRelationship(db, request.principal, id, relationshipId));
      return seeOther(reply, `${backTo(request)}#relationships`);
    },
  );

  app.post(
    '/api/v1/organisations/:id/relationships',
    {
      schema: {
        tags: [TAG],
        summary: 'Record that this organisation is <kind> of another (its focal points, secretariat)',
        security: [{ bearer: [] }],
        params: ApiParams,
        body: RelationshipInput,
        response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }) }) },
      },
      config: {
        access: 'own-organisation',
        harness: {
          params: OWNING,
          body: { relatedOrganisationId: '00000000-0000-4000-8000-000000000000', kind: 'partner' },
        },
      },
    },
    async (request, reply) => {
      const result = await commands.addRelationship(
        db,
        request.principal,
        request.params.id,
        request.body,
        request.t,
      );
      if (!result.ok) throw failure(result);
      return reply.code(201).send(result.value);
    },
  );

  app.delete(
    '/api/v1/organisations/:id/relationships/:relationshipId',
    {
      schema: {
        tags: [TAG],
        summary: 'Remove a relationship of this organisation',
        security: [{ bearer: [] }],
        params: Type.Object({ id: apiId, relationshipId: apiId }),
        response: { 204: Type.Null() },
      },
      config: { access: 'own-organisation', harness: { params: OWNING } },
    },
    async (request, reply) => {
      const { id, relationshipId } = request.params;
      outcomeToProblem(await commands.removeRelationship(db, request.principal, id, relationshipId));
      return reply.code(204).send(null);
    },
  );

  // ---- Accreditations ----------------------------------------------------------------------

  app.post(
    `${L}/organisations/:id/accreditations`,
    {
      schema: { params: PageParams, body: AccreditationForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: { params: OWNING, body: { kind: 'Observer status', accreditingBody: 'IOM Council' } },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      requireUuids(id);
      const fields = ['kind', 'accreditingOrganisationId', 'accreditingBody', 'grantedOn', 'note'];
      const values = formValues(request.body, fields);
      const render = async (errors: { field: string; message: string }[], status: number) =>
        sendHtml(
          reply,
          <AccreditationFormPage
            ctx={pageContext(request, reply)}
            organisationId={id}
            organisations={await commands.organisationChoices(db)}
            values={values}
            errors={errors}
          />,
          status,
        );
      const errors = formErrors(request);
      if (errors) return render(errors, 400);
      const input = {
        kind: values.kind ?? '',
        accreditingOrganisationId: orNull(values.accreditingOrganisationId),
        accreditingBody: orNull(values.accreditingBody),
        grantedOn: orNull(values.grantedOn),
        note: orNull(values.note),
      };
      const result = await commands.addAccreditation(db, request.principal, id, input, request.t);
      if ('notFound' in result) throw new HttpProblem('not-found');
      if (!result.ok) return render(result.errors, failureStatus(result));
      return seeOther(reply, backTo(request));
    },
  );

  app.post(
    `${L}/organisations/:id/accreditations/:accreditationId/delete`,
    {
      schema: { params: Type.Object({ ...PageParams.properties, accreditationId: pageId }) },
      config: { access: 'secretariat', harness: { params: OWNING } },
    },
    async (request, reply) => {
      requireUuids(request.params.id, request.params.accreditationId);
      const { id, accreditationId } = request.params;
      outcomeToProblem(await commands.removeAccreditation(db, request.principal, id, accreditationId));
      return seeOther(reply, backTo(request));
    },
  );

  app.post(
    '/api/v1/organisations/:id/accreditations',
    {
      schema: {
        tags: [TAG],
        summary: 'Record an accreditation granted to this organisation (secretariat)',
        security: [{ bearer: [] }],
        params: ApiParams,
        body: AccreditationInput,
        response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }) }) },
      },
      config: {
        access: 'secretariat',
        harness: { params: OWNING, body: { kind: 'Observer status', accreditingBody: 'IOM Council' } },
      },
    },
    async (request, reply) => {
      const result = await commands.addAccreditation(
        db,
        request.principal,
        request.params.id,
        request.body,
        request.t,
      );
      if (!result.ok) throw failure(result);
      return reply.code(201).send(result.value);
    },
  );

  app.delete(
    '/api/v1/organisations/:id/accreditations/:accreditationId',
    {
      schema: {
        tags: [TAG],
        summary: 'Remove an accreditation of this organisation (secretariat)',
        security: [{ bearer: [] }],
        params: Type.Object({ id: apiId, accreditationId: apiId }),
        response: { 204: Type.Null() },
      },
      config: { access: 'secretariat', harness: { params: OWNING } },
    },
    async (request, reply) => {
      const { id, accreditationId } = request.params;
      outcomeToProblem(await commands.removeAccreditation(db, request.principal, id, accreditationId));
      return reply.code(204).send(null);
    },
  );

  // ---- Focal points ------------------------------------------------------------------------

  const FocalPointPageParams = Type.Object({ ...PageParams.properties, focalPointId: pageId });

  app.post(
    `${L}/organisations/:id/focal-points/:focalPointId`,
    {
      schema: { params: FocalPointPageParams, body: FocalPointForm },
      attachValidation: true,
      config: { access: 'own-organisation', harness: { params: OWNING, body: { name: 'X', version: '1' } } },
    },
    async (request, reply) => {
      const { id, focalPointId } = request.params;
      requireUuids(id, focalPointId);
      if (!canEditOrganisation(request.principal, id)) throw new HttpProblem('forbidden');
      const values = formValues(request.body, ['name', 'title', 'email', 'phone', 'languages', 'version']);
      const render = (
        errors: { field: string; message: string }[],
        status: number,
        current?: commands.FocalPointRecord,
      ) =>
        sendHtml(
          reply,
          <FocalPointFormPage
            ctx={pageContext(request, reply)}
            organisationId={id}
            focalPointId={focalPointId}
            values={values}
            errors={errors}
            current={current}
          />,
          status,
        );
      const errors = formErrors(request);
      if (errors) return render(errors, 400);
      const version = Number(values.version);
      if (!Number.isInteger(version) || version < 1)
        return render(
          [{ field: 'version', message: request.t('validation.invalid', { field: 'version' }) }],
          400,
        );
      const input = {
        name: values.name ?? '',
        title: orNull(values.title),
        email: orNull(values.email),
        phone: orNull(values.phone),
        languages: [
          ...new Set(
            (values.languages ?? '')
              .toLowerCase()
              .split(/[\s,;]+/)
              .filter(Boolean),
          ),
        ],
      };
      const result = await commands.updateFocalPoint(
        db,
        request.principal,
        id,
        focalPointId,
        version,
        input,
        request.t,
      );
      if ('notFound' in result) throw new HttpProblem('not-found');
      if ('conflict' in result) return render(result.errors, 409, result.current);
      if (!result.ok) {
        const fieldErrors = result.errors.map((e) => ({
          ...e,
          field: e.field.replace(/^languages\..*/, 'languages'),
        }));
        return render(fieldErrors, failureStatus(result));
      }
      return seeOther(reply, `${backTo(request)}#focal-points`);
    },
  );

  app.post(
    `${L}/organisations/:id/focal-points/:focalPointId/delete`,
    {
      schema: { params: FocalPointPageParams },
      config: { access: 'own-organisation', harness: { params: OWNING } },
    },
    async (request, reply) => {
      requireUuids(request.params.id, request.params.focalPointId);
      const { id, focalPointId } = request.params;
      outcomeToProblem(await commands.deleteFocalPoint(db, request.principal, id, focalPointId));
      return seeOther(reply, `${backTo(request)}#focal-points`);
    },
  );

  app.put(
    '/api/v1/organisations/:id/focal-points/:focalPointId',
    {
      schema: {
        tags: [TAG],
        summary: 'Edit a focal point, from the version read (409 if someone saved since); audited',
        security: [{ bearer: [] }],
        params: Type.Object({ id: apiId, focalPointId: apiId }),
        body: FocalPointUpdate,
        response: {
          200: Type.Object({ id: Type.String({ format: 'uuid' }), version: Type.Integer() }),
        },
      },
      config: { access: 'own-organisation', harness: { params: OWNING, body: { name: 'X', version: 1 } } },
    },
    async (request) => {
      const { id, focalPointId } = request.params;
      const { version, ...input } = request.body;
      const result = await commands.updateFocalPoint(
        db,
        request.principal,
        id,
        focalPointId,
        version,
        input,
        request.t,
      );
      if ('conflict' in result) throw new HttpProblem('conflict', result.errors);
      if (!result.ok) throw failure(result);
      return result.value;
    },
  );

  app.delete(
    '/api/v1/organisations/:id/focal-points/:focalPointId',
    {
      schema: {
        tags: [TAG],
        summary: 'Delete a focal point of this organisation; audited',
        security: [{ bearer: [] }],
        params: Type.Object({ id: apiId, focalPointId: apiId }),
        response: { 204: Type.Null() },
      },
      config: { access: 'own-organisation', harness: { params: OWNING } },
    },
    async (request, reply) => {
      const { id, focalPointId } = request.params;
      outcomeToProblem(await commands.deleteFocalPoint(db, request.principal, id, focalPointId));
      return reply.code(204).send(null);
    },
  );
}
