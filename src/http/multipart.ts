import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

/*
 * multipart/form-data (RFC 7578) for the few forms that send a file: parsed by Node's own
 * `Response.formData()` (undici), whole, during body parsing, so that the CSRF token in the form
 * is checked like any other form's before the handler runs.
 */

/**
 * A file received in a multipart body. The bytes sit in a private field so that walks over the
 * parsed body (the NUL-character check, the validator) see the name and size but never iterate
 * over megabytes of bytes.
 */
export class UploadedFile {
  readonly #bytes: Buffer;
  readonly size: number;
  constructor(
    readonly name: string,
    readonly declaredType: string,
    bytes: Buffer,
  ) {
    this.#bytes = bytes;
    this.size = bytes.length;
  }
  bytes(): Buffer {
    return this.#bytes;
  }
}

/** What the multipart parser gives a route: the text fields and the part named `file`, if any. */
export type MultipartBody = Record<string, string | UploadedFile>;

/**
 * Registers a multipart/form-data parser in one plugin scope. It reads the whole body (the route's
 * bodyLimit bounds it) during body parsing, so that the CSRF token in the form is checked like any
 * other form's, before the handler runs. Fields become strings; the first part named `file` becomes
 * an UploadedFile; other files are ignored. A body that is not valid multipart is a 400.
 */
export function registerMultipartParser(scope: FastifyInstance): void {
  if (scope.hasContentTypeParser('multipart/form-data')) scope.removeContentTypeParser('multipart/form-data');
  scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (request, body, done) => {
    const contentType = String(request.headers['content-type'] ?? '');
    new Response(body as unknown as BodyInit, { headers: { 'content-type': contentType } })
      .formData()
      .then(async (form) => {
        const result: MultipartBody = Object.create(null);
        for (const [name, value] of form) {
          if (name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
          if (typeof value === 'string') {
            if (result[name] === undefined) result[name] = value;
          } else if (
            name === 'file' &&
            !(result.file instanceof UploadedFile) &&
            (value.name !== '' || value.size > 0)
          ) {
            // A file input left empty still sends its part, with no name and no bytes: no file.
            result.file = new UploadedFile(value.name, value.type, Buffer.from(await value.arrayBuffer()));
          }
        }
        done(null, { ...result });
      })
      .catch(() =>
        done(Object.assign(new Error('malformed multipart body'), { statusCode: 400 }), undefined),
      );
  });
}

/** The schema of a file part: any value passes (the parser made it an UploadedFile); it documents the field. */
export function fileField(description: string) {
  return Type.Unsafe<unknown>({ description, contentMediaType: 'application/octet-stream' });
}
