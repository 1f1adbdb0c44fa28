import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Principal } from '../http/access.ts';
import type { Translate } from './i18n.ts';
import type { Lang } from './language.ts';

/** What every page component may need about the request, without seeing Fastify. */
export interface PageContext {
  lang: Lang;
  t: Translate;
  principal: Principal | null;
  /** The path without its language prefix, for the language switcher (`/login`). */
  pathWithoutLang: string;
  /** A CSRF token for the forms of this page, made on first use. */
  csrfToken(): string;
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  let token: string | undefined;
  const path = request.url.split('?')[0] ?? '/';
  const pathWithoutLang = path.replace(/^\/(fr|es|en|pt)(?=\/|$)/, '') || '/';
  return {
    lang: request.lang,
    t: request.t,
    principal: request.principal,
    pathWithoutLang,
    csrfToken: () => (token ??= reply.generateCsrf()),
  };
}

/** Sends a whole HTML document rendered from a component tree (escaped by default). */
export function sendHtml(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send('<!DOCTYPE html>' + renderToString(page));
}

export type Children = ComponentChildren;
