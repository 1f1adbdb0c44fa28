import type { FastifyInstance } from 'fastify';
import { UploadedFile } from '../http/multipart.ts';

/**
 * The post form's multipart/form-data: like src/http/multipart.ts (Node's `Response.formData()`,
 * whole, during body parsing, so the CSRF token is checked before the handler), but keeping every
 * value of a repeated field (`countries`) and every file of the `attachments` input, which a post
 * may carry several of. Registered only in the scope of the post form's two routes.
 */
export type PostMultipartBody = Record<string, string | string[] | UploadedFile[]>;

const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export function registerPostMultipartParser(scope: FastifyInstance): void {
  if (scope.hasContentTypeParser('multipart/form-data')) scope.removeContentTypeParser('multipart/form-data');
  scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (request, body, done) => {
    const contentType = String(request.headers['content-type'] ?? '');
    new Response(body as unknown as BodyInit, { headers: { 'content-type': contentType } })
      .formData()
      .then(async (form) => {
        const fields: Record<string, string[]> = Object.create(null);
        const files: UploadedFile[] = [];
        for (const [name, value] of form) {
          if (FORBIDDEN_NAMES.has(name)) continue;
          if (typeof value === 'string') (fields[name] ??= []).push(value);
          else if (name === 'attachments' && (value.name !== '' || value.size > 0))
            // A file input left empty still sends its part, with no name and no bytes: no file.
            files.push(new UploadedFile(value.name, value.type, Buffer.from(await value.arrayBuffer())));
        }
        const result: PostMultipartBody = {};
        for (const [name, values] of Object.entries(fields))
          result[name] = values.length === 1 && name !== 'countries' ? values[0]! : values;
        if (files.length > 0) result.attachments = files;
        done(null, result);
      })
      .catch(() =>
        done(Object.assign(new Error('malformed multipart body'), { statusCode: 400 }), undefined),
      );
  });
}

/** The files a parsed form carries (none from a urlencoded form). */
export function filesOf(body: unknown): UploadedFile[] {
  const files = (body as { attachments?: unknown } | null)?.attachments;
  return Array.isArray(files) ? files.filter((file) => file instanceof UploadedFile) : [];
}
