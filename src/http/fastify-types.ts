import type { Access, Principal } from './access.ts';
import type { Lang } from '../web/language.ts';
import type { Translate } from '../web/i18n.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; every route must declare it (checked at start-up). */
    access?: Access;
    /** Hints for the authorization-matrix and fuzz harnesses (test/). */
    harness?: RouteHarness;
    /**
     * Why this unsafe route takes no CSRF token — only for requests that carry their own
     * unguessable secret and change nothing else (RFC 8058 one-click unsubscribe from a mail client).
     */
    csrfExempt?: string;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The interface language: from the URL for pages, from Accept-Language for the API. */
    lang: Lang;
    t: Translate;
    isApi: boolean;
  }
}

/**
 * How the harnesses should call a route. `params` names a fixture for each path parameter
 * (e.g. `{ id: 'ownApiToken' }`); `body` is a valid body, so that a denied call proves the
 * guard and not the validator.
 */
export interface RouteHarness {
  params?: Record<string, string>;
  body?: Record<string, unknown>;
  /** Body fields whose value is a fixture, named as in `params` (e.g. `{ organisationId: 'owningOrganisation' }`). */
  bodyParams?: Record<string, string>;
  /** The route answers the same to everyone (e.g. login form POST): skip the allow/deny check. */
  skipMatrix?: string;
}

export {};
