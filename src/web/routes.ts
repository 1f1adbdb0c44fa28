import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { localizeValidationErrors } from '../http/validation.ts';
import type { FieldError } from '../http/problems.ts';

/** The language segment of every page URL: `/fr/…`, `/es/…`, `/en/…`, `/pt/…`; others are 404. */
export const L = '/:lang(^(?:fr|es|en|pt)$)';

export const LangParams = Type.Object({
  lang: Type.Union([Type.Literal('fr'), Type.Literal('es'), Type.Literal('en'), Type.Literal('pt')]),
});

/** For form routes declared with `attachValidation`: the localized field errors, if any. */
export function formErrors(request: FastifyRequest): FieldError[] | null {
  const error = request.validationError as
    (Error & { validation?: unknown[]; validationContext?: string }) | undefined;
  if (!error) return null;
  return localizeValidationErrors((error.validation ?? []) as never, request.t, error.validationContext);
}

/** A redirect after a successful POST (303, so that reloading does not resend the form). */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('location', location).send();
}

/** Only a local path is an acceptable `next` after sign-in (no open redirect). */
export function safeLocalPath(next: string | undefined, fallback: string): string {
  const hasControlCharacter = [...(next ?? '')].some((c) => c.charCodeAt(0) < 0x20);
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\') || hasControlCharacter) {
    return fallback;
  }
  return next;
}
