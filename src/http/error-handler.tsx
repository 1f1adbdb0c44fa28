import crypto from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Layout } from '../web/layout.tsx';
import { PageHeading } from '../web/components.tsx';
import { pageContext, sendHtml } from '../web/render.tsx';
import { BodyParseError } from './body-parsers.ts';
import { type FieldError, HttpProblem, type ProblemKind, STATUS_OF } from './problems.ts';
import { localizeValidationErrors } from './validation.ts';

const TITLE_KEY: Record<ProblemKind, string> = {
  'not-found': 'error.notFound.title',
  unauthorized: 'error.unauthorized.title',
  forbidden: 'error.forbidden.title',
  csrf: 'error.csrf.title',
  conflict: 'error.conflict.title',
  'too-large': 'error.tooLarge.title',
  'bad-request': 'error.badRequest.title',
  validation: 'error.badRequest.title',
  'unsupported-media-type': 'error.badRequest.title',
  'rate-limited': 'error.rateLimited.title',
  server: 'error.server.title',
};

const BODY_KEY: Record<ProblemKind, string> = {
  'not-found': 'error.notFound.body',
  unauthorized: 'error.unauthorized.body',
  forbidden: 'error.forbidden.body',
  csrf: 'error.csrf.body',
  conflict: 'error.conflict.title',
  'too-large': 'error.tooLarge.body',
  'bad-request': 'error.badRequest.body',
  validation: 'error.badRequest.body',
  'unsupported-media-type': 'validation.unsupportedMediaType',
  'rate-limited': 'error.rateLimited.body',
  server: 'error.server.body',
};

function formatBytes(bytes: number): string {
  return bytes >= 1_048_576 ? `${Math.round(bytes / 104_857.6) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Maps any error to a problem kind and its field errors, without reading its message. */
function classify(
  error: FastifyError | Error,
  request: FastifyRequest,
  bodyLimit: number,
): { kind: ProblemKind; errors: FieldError[] } {
  const t = request.t;
  if (error instanceof HttpProblem) return { kind: error.kind, errors: error.errors };
  if (error instanceof BodyParseError) {
    const message =
      error.reason === 'malformed-json'
        ? t('validation.malformedJson')
        : error.reason === 'null-character'
          ? t('validation.nullCharacter', { field: error.field })
          : t('validation.invalidUtf8', { field: error.field });
    return { kind: 'bad-request', errors: [{ field: error.field, message }] };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return {
      kind: 'validation',
      errors: localizeValidationErrors(fastifyError.validation, t, fastifyError.validationContext),
    };
  }
  const code = fastifyError.code ?? '';
  if (code.startsWith('FST_CSRF'))
    return { kind: 'csrf', errors: [{ field: '_csrf', message: t('error.csrf.body') }] };
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyError.statusCode === 413) {
    return {
      kind: 'too-large',
      errors: [
        {
          field: 'body',
          message: t('error.tooLarge.body', {
            limit: formatBytes(request.routeOptions?.bodyLimit ?? bodyLimit),
          }),
        },
      ],
    };
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fastifyError.statusCode === 415) {
    return {
      kind: 'unsupported-media-type',
      errors: [{ field: 'content-type', message: t('validation.unsupportedMediaType') }],
    };
  }
  if (fastifyError.statusCode === 429) return { kind: 'rate-limited', errors: [] };
  if (fastifyError.statusCode === 404) return { kind: 'not-found', errors: [] };
  if (
    fastifyError.statusCode !== undefined &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return { kind: 'bad-request', errors: [{ field: 'body', message: t('error.badRequest.body') }] };
  }
  return { kind: 'server', errors: [] };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  kind: ProblemKind,
  errors: FieldError[] = [],
  reference?: string,
): FastifyReply {
  const status = STATUS_OF[kind];
  const t = request.t;
  const title = t(TITLE_KEY[kind]);
  const detail = t(BODY_KEY[kind], { reference: reference ?? '', limit: '' });
  if (request.isApi) {
    return reply
      .code(status)
      .type('application/problem+json; charset=utf-8')
      .header('content-language', request.lang)
      .send({
        type: `about:blank#${kind}`,
        title,
        status,
        detail: errors.length > 0 ? errors.map((e) => e.message).join(' ') : detail,
        ...(reference ? { instance: `urn:puente:error:${reference}` } : {}),
        errors,
      });
  }
  const ctx = pageContext(request, reply);
  const body = kind === 'too-large' || errors.length > 0 ? errors.map((e) => e.message) : [detail];
  return sendHtml(
    reply,
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      {body.map((paragraph) => (
        <p class="lead">{paragraph}</p>
      ))}
      {kind === 'unauthorized' ? (
        <p>
          <a
            class="button"
            href={`/${ctx.lang}/login?next=${encodeURIComponent(request.url.split('?')[0] ?? '/')}`}
          >
            {t('layout.signIn')}
          </a>
        </p>
      ) : (
        <p>
          <a href={`/${ctx.lang}`}>{t('error.backHome')}</a>
        </p>
      )}
    </Layout>,
    status,
  );
}

/** One error handler: logs the request context, localizes the answer, never leaks a 5xx message. */
export function registerErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { kind, errors } = classify(error, request, bodyLimit);
    if (kind === 'server') {
      const reference = crypto.randomBytes(4).toString('hex');
      request.log.error({ err: error, reference }, 'request failed');
      return sendProblem(request, reply, 'server', [], reference);
    }
    if (kind === 'rate-limited') {
      const retry = reply.getHeader('retry-after');
      if (retry !== undefined) reply.header('retry-after', retry);
    }
    return sendProblem(request, reply, kind, errors);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 'not-found'));
}
