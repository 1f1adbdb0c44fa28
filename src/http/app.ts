import crypto from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import type { Db } from '../db/schema.ts';
import type { Mailer } from '../mail/mailer.ts';
import { accountsPlugin, resolvePrincipal } from '../accounts/index.ts';
import { homePlugin } from '../home/index.ts';
import { directoryPlugin } from '../directory/index.ts';
import { practicesPlugin } from '../practices/index.ts';
import { cooperationPlugin } from '../cooperation/index.ts';
import { jobsPlugin } from '../jobs/index.ts';
import { meetingsPlugin } from '../meetings/index.ts';
import { updatesPlugin } from '../updates/index.ts';
import { questionsPlugin } from '../questions/index.ts';
import { subscriptionsPlugin } from '../subscriptions/index.ts';
import { dashboardPlugin } from '../dashboard/index.ts';
import { auditPlugin } from '../audit/index.ts';
import { referencePlugin } from '../reference/index.ts';
import { apiDocsPlugin } from '../api-docs/index.ts';
import { ASSETS_DIR } from '../web/assets.ts';
import { translator } from '../web/i18n.ts';
import { isLang, negotiateLanguage } from '../web/language.ts';
import { enforceAccess } from './access.ts';
import { registerBodyParsers, rejectNulCharacters } from './body-parsers.ts';
import { registerErrorHandling } from './error-handler.tsx';
import { registerValidators } from './validation.ts';
import './fastify-types.ts';

export interface AppDependencies {
  config: Config;
  db: Db;
  mailer: Mailer;
  /** The instance secret: signs cookies and keys the hashes of throttling keys. */
  secret: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDependencies;
    /** Every route with its declared access, for the authorization-matrix and fuzz harnesses. */
    routeTable: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  config: import('fastify').FastifyContextConfig;
  schema: import('fastify').FastifySchema | undefined;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The language in which to answer: the URL's for pages, else Accept-Language (or `?lang=`). */
function requestLanguage(url: string, acceptLanguage: string | undefined) {
  const prefix = /^\/([a-z]{2})(?:\/|\?|$)/.exec(url)?.[1];
  if (isLang(prefix)) return prefix;
  const query = /[?&]lang=([a-z]{2})\b/.exec(url)?.[1];
  if (isLang(query)) return query;
  return negotiateLanguage(acceptLanguage);
}

/** Anything shaped like an email address, in an error's text (SMTP errors quote the recipients). */
const EMAIL_ADDRESS = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[^\s<>"'(),;:@]+/g;
const withoutAddresses = (text: unknown) =>
  typeof text === 'string' ? text.replace(EMAIL_ADDRESS, '[address]') : '';

/**
 * An error as the log keeps it: its type, its message and stack with every email address masked,
 * and the codes that say what went wrong (an SMTP reply code, the command). Other properties are
 * left out: nodemailer's errors carry the rejected recipients and the server's whole answer.
 */
export function serializeError(error: unknown) {
  if (!(error instanceof Error))
    return { type: typeof error, message: withoutAddresses(String(error)), stack: '' };
  const details = error as Error & { code?: unknown; responseCode?: unknown; command?: unknown };
  return {
    type: error.constructor.name,
    message: withoutAddresses(error.message),
    stack: withoutAddresses(error.stack),
    ...(typeof details.code === 'string' || typeof details.code === 'number' ? { code: details.code } : {}),
    ...(typeof details.responseCode === 'number' ? { responseCode: details.responseCode } : {}),
    ...(typeof details.command === 'string' ? { command: details.command } : {}),
  };
}

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent') return false;
  return {
    level: config.logLevel,
    // Logs carry the route pattern, never the raw URL (reset tokens live in URLs), nor addresses,
    // cookies, authorization headers or bodies; errors without the email addresses they quote.
    serializers: {
      req(request: import('fastify').FastifyRequest) {
        return { id: request.id, method: request.method, route: request.routeOptions?.url ?? '(unmatched)' };
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode };
      },
      err: serializeError,
    },
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'],
  };
}

export async function buildApp(
  deps: AppDependencies,
  logger: FastifyServerOptions['logger'] = false,
): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  app.decorate('routeTable', [] as RouteEntry[]);
  app.decorateRequest('principal', null);
  app.decorateRequest('lang', 'en');
  app.decorateRequest('isApi', false);
  app.decorateRequest('t', translator('en'));

  registerValidators(app);
  registerBodyParsers(app);
  registerErrorHandling(app, config.bodyLimit);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((m) => m === 'HEAD' || m === 'OPTIONS')) return;
    // Static assets are public by nature; @fastify/static cannot pass route config through.
    if (route.url.startsWith('/assets/') && route.config?.access === undefined)
      route.config = { ...route.config, access: 'public' };
    const config = (route.config ?? {}) as import('fastify').FastifyContextConfig;
    if (config.access === undefined) {
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no config.access`);
    }
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.routeTable.push({ method, url: route.url, config, schema: route.schema });
    }
  });

  await app.register(fastifyCookie, { secret: deps.secret });
  // After the cookie parser (hooks run in the order they are added).
  app.addHook('onRequest', async (request) => {
    request.isApi = request.url.startsWith('/api/');
    request.lang = requestLanguage(request.url, request.headers['accept-language']);
    request.t = translator(request.lang);
    request.principal = await resolvePrincipal(request, deps);
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: config.baseUrl.startsWith('https:') ? { maxAge: 31_536_000 } : false,
  });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'puente_csrf',
    cookieOpts: {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      signed: true,
      secure: config.baseUrl.startsWith('https:'),
    },
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.writesPerMinute,
    timeWindow: '1 minute',
    // Reading is not limited here; writes are, per address.
    allowList: (request) => !UNSAFE_METHODS.has(request.method),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `retry after ${context.after}`,
    }),
  });

  // Authorization first, then the CSRF token, then validation and the handler.
  app.addHook('preValidation', enforceAccess);
  app.addHook('preValidation', async (request) => rejectNulCharacters(request));
  app.addHook('preValidation', (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method)) return done();
    // A bearer token is not sent by browsers on their own: such calls need no CSRF token.
    if (request.principal?.via === 'token') return done();
    if (request.routeOptions.config.csrfExempt) return done();
    app.csrfProtection(request, reply, done);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Puente API',
        version: '1',
        description:
          'The open API of Puente. Reads of public data need no account; writes need a personal API token sent as `Authorization: Bearer …`. Errors are RFC 9457 problem documents with a list of field errors in the language of `Accept-Language`.',
      },
      servers: [{ url: config.baseUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (pnt_…)' },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      const hidden = !url.startsWith('/api/v1/');
      return {
        schema: {
          ...(schema ?? {}),
          hide: hidden || (schema as { hide?: boolean } | undefined)?.hide === true,
        },
        url,
        route,
      };
    },
  });

  await app.register(fastifyStatic, {
    root: ASSETS_DIR,
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    decorateReply: false,
    constraints: {},
    allowedPath: (pathName) => !pathName.includes('..'),
    schemaHide: true,
  });

  await app.register(accountsPlugin);
  await app.register(referencePlugin);
  await app.register(homePlugin);
  await app.register(directoryPlugin);
  await app.register(practicesPlugin);
  await app.register(cooperationPlugin);
  await app.register(meetingsPlugin);
  await app.register(updatesPlugin);
  await app.register(questionsPlugin);
  await app.register(subscriptionsPlugin);
  await app.register(dashboardPlugin);
  await app.register(jobsPlugin);
  await app.register(auditPlugin);
  await app.register(apiDocsPlugin);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );

  return app;
}
