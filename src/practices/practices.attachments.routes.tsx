import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { L, LangParams, seeOther } from '../web/routes.ts';
import { UploadedFile, fileField, registerMultipartParser } from '../http/multipart.ts';
import {
  assertCanAttach,
  attachFile,
  contentDisposition,
  deleteAttachment,
  readAttachment,
  uploadBodyLimit,
} from './practices.attachments.ts';
import type { FormNotice } from './practices.form.views.tsx';
import * as repo from './practices.repository.ts';

/**
 * The attachments of a practice over HTTP: the upload (a multipart form, and the same in the API),
 * the download, the deletion. An upload's errors are shown on the page the form sits on.
 */

type Lang = 'fr' | 'es' | 'en' | 'pt';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pageId = Type.String({ maxLength: 200 });
const PageParams = Type.Object({ lang: LangParams.properties.lang, id: pageId });
const AttachmentParams = Type.Object({ lang: LangParams.properties.lang, id: pageId, attachmentId: pageId });
const ReturnBody = Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 20 })) });
const FileField = fileField(
  'The file: a PDF, or a PNG, JPEG, WebP or GIF image. Its type is read from its content.',
);
const UploadBody = Type.Object({ ...ReturnBody.properties, file: Type.Optional(FileField) });

export type ShowUploadErrors = (
  request: FastifyRequest<{ Params: { lang: Lang; id: string } }>,
  reply: FastifyReply,
  practice: repo.PracticeRow,
  errors: FieldError[],
  status: number,
) => Promise<FastifyReply>;

export async function practiceAttachmentRoutes(
  fastify: FastifyInstance,
  showErrors: ShowUploadErrors,
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;
  const attachmentLimit = app.deps.config.attachmentLimit;

  /** The practice, for those who manage it: unknown is 404, another organisation's is 403. */
  async function managedPractice(request: FastifyRequest, id: string) {
    if (!UUID.test(id)) throw new HttpProblem('not-found');
    await assertCanAttach(db, request.principal!, id);
    return (await repo.findPractice(db, id))!;
  }

  const backTo = (lang: Lang, id: string, returnTo: unknown, notice: FormNotice) =>
    returnTo === 'practice'
      ? `/${lang}/practices/${id}?version=working&notice=${notice}#attachments`
      : `/${lang}/practices/${id}/edit?notice=${notice}#attachments`;

  app.get(
    `${L}/practices/:id/attachments/:attachmentId`,
    {
      schema: { params: AttachmentParams },
      config: { access: 'public', harness: { params: { id: 'publishedPractice' } } },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      if (!UUID.test(id) || !UUID.test(attachmentId)) throw new HttpProblem('not-found');
      const file = await readAttachment(db, request.principal, id, attachmentId);
      return reply
        .type(file.mediaType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .header('content-length', String(file.data.length))
        .send(Buffer.from(file.data));
    },
  );

  app.post(
    `${L}/practices/:id/attachments/:attachmentId/delete`,
    {
      schema: { params: AttachmentParams, body: ReturnBody },
      attachValidation: true,
      config: { access: 'own-organisation', harness: { params: { id: 'ownPractice' } } },
    },
    async (request, reply) => {
      const { lang, id, attachmentId } = request.params;
      await managedPractice(request, id);
      if (!UUID.test(attachmentId)) throw new HttpProblem('not-found');
      await deleteAttachment(db, request.principal!, id, attachmentId);
      return seeOther(reply, backTo(lang, id, request.body?.returnTo, 'deleted'));
    },
  );

  // Uploads parse multipart/form-data, in a scope of their own: no other route accepts it.
  await app.register(async (child) => {
    registerMultipartParser(child);
    const scope = child.withTypeProvider<TypeBoxTypeProvider>();
    const bodyLimit = uploadBodyLimit(attachmentLimit);

    scope.post(
      `${L}/practices/:id/attachments`,
      {
        schema: { params: PageParams, body: UploadBody },
        attachValidation: true,
        bodyLimit,
        config: { access: 'own-organisation', harness: { params: { id: 'ownPractice' } } },
      },
      async (request, reply) => {
        const { lang, id } = request.params;
        const practice = await managedPractice(request, id);
        const body = (request.body ?? {}) as { file?: unknown; returnTo?: unknown };
        const file = body.file instanceof UploadedFile ? body.file : null;
        const result = await attachFile(db, request.principal!, id, file, attachmentLimit, request.t);
        if (result.ok) return seeOther(reply, backTo(lang, id, body.returnTo, 'attached'));
        const tooLarge = file !== null && file.size > attachmentLimit;
        return showErrors(request, reply, practice, result.errors, tooLarge ? 413 : 400);
      },
    );

    scope.post(
      '/api/v1/practices/:id/attachments',
      {
        bodyLimit,
        schema: {
          tags: ['Practices'],
          summary:
            'Attach a PDF or an image to a practice (multipart/form-data, the file in the part "file")',
          security: [{ bearer: [] }],
          consumes: ['multipart/form-data'],
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          body: Type.Object({ file: Type.Optional(FileField) }),
          response: {
            201: Type.Object({
              id: Type.String({ format: 'uuid' }),
              mediaType: Type.String(),
              sizeBytes: Type.Integer(),
            }),
          },
        },
        config: { access: 'own-organisation', harness: { params: { id: 'ownPractice' }, body: {} } },
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as { file?: unknown };
        const file = body.file instanceof UploadedFile ? body.file : null;
        const result = await attachFile(
          db,
          request.principal!,
          request.params.id,
          file,
          attachmentLimit,
          request.t,
        );
        if (!result.ok)
          throw new HttpProblem(
            file !== null && file.size > attachmentLimit ? 'too-large' : 'validation',
            result.errors,
          );
        const { id, mediaType, sizeBytes } = result.value;
        return reply
          .code(201)
          .header('location', `/${request.lang}/practices/${request.params.id}/attachments/${id}`)
          .send({ id, mediaType, sizeBytes });
      },
    );
  });
}
