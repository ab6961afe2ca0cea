import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import type { Module } from '../module';
import type { Actor } from '../roles';
import { toErrorResponse } from './error-map';
import { systemRoutes } from './system.routes';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    token: string | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a signed-in user (login, health, the citizen portal). */
    public?: boolean;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

// Bodies are JSON and must carry the right types; query strings, paths and headers are text and get coerced.
const ajvOptions = { removeAdditional: false, useDefaults: true, allErrors: false, discriminator: true, strict: false } as const;
const BODY_AJV = addFormats(new Ajv({ ...ajvOptions, coerceTypes: false }));
const PARAMS_AJV = addFormats(new Ajv({ ...ajvOptions, coerceTypes: 'array' }));

const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * A TypeBox union carrying an OpenAPI `discriminator` is validated as `oneOf` (Ajv tells variants apart by the tag
 * only there), and an unknown tag is reported with the tags the variants allow.
 */
function compileValidator(ajv: Ajv, schema: object) {
  const s = schema as { anyOf?: { properties?: Record<string, { const?: unknown }> }[]; discriminator?: { propertyName: string } };
  if (!s.discriminator || !s.anyOf) return ajv.compile(schema);
  const { anyOf, ...rest } = s;
  const tag = s.discriminator.propertyName;
  const validate = ajv.compile({ ...rest, type: 'object', required: [tag], oneOf: anyOf });
  const allowedValues = anyOf.map((v) => v.properties?.[tag]?.const).filter((v) => v !== undefined);
  const check = (data: unknown): boolean => {
    const ok = validate(data);
    check.errors = validate.errors?.map((e) => (e.keyword === 'discriminator' ? { ...e, params: { ...e.params, allowedValues } } : e)) ?? null;
    return ok;
  };
  check.errors = null as typeof validate.errors;
  return check;
}

export interface AppOptions {
  /** The modules whose routes the app serves (src/main.ts lists them). */
  modules: readonly Module[];
  logger?: boolean;
  trustProxy?: boolean;
  webDist?: string | null;
}

/** The signed-in user of a route that is not public; the auth hook has already checked it. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token>');
  return request.actor;
}

/** Builds the HTTP application (no listening: tests call inject()). */
export async function buildApp(ctx: AppContext, options: AppOptions): Promise<App> {
  const authenticator = options.modules.find((m) => m.authenticate);
  const app = Fastify({
    logger: options.logger ? { level: 'info', redact: ['req.headers.authorization'] } : false,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { maxParamLength: 500 },
    // Router-level failures (an over-long path parameter, a bad URL) get the same error bodies as the rest.
    frameworkErrors: (error, _request, reply) => {
      const { status, body } = toErrorResponse(error);
      void (reply as unknown as FastifyReply).status(status).send(body);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(({ schema, httpPart }) => compileValidator(httpPart === 'body' ? BODY_AJV : PARAMS_AJV, schema));

  app.decorateRequest('actor', null);
  app.decorateRequest('token', null);

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const retryAfter = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retryAfter) void reply.header('Retry-After', String(retryAfter));
    return reply.status(status).send(body);
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config?.public) return;
    if (!request.routeOptions.url) return; // unknown route: the not-found handler answers
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!authenticator?.authenticate) throw new AppError('AUTH.UNAUTHENTICATED', 'This server has no sign-in module');
    request.actor = await authenticator.authenticate(ctx, token);
    request.token = token ?? null;
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '12345 政务服务便民热线平台 API', version: '1', description: 'Work orders through the double closed loop. Error codes: docs/api.md.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/v1/docs', uiConfig: { docExpansion: 'list' } });

  await app.register(async (api) => systemRoutes(api as unknown as App, ctx), { prefix: '/api/v1' });
  for (const module of options.modules) {
    if (module.routes) await app.register(async (api) => module.routes!(api as unknown as App, ctx), { prefix: '/api/v1' });
    if (module.rootRoutes) await app.register(async (root) => module.rootRoutes!(root as unknown as App, ctx));
  }
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const webDist = options.webDist === undefined ? WEB_DIST : options.webDist;
  const serveWeb = webDist !== null && existsSync(`${webDist}/index.html`);
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler((request, reply) => {
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      // The console is a single-page app: its routes are all index.html.
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` });
  });

  return app as unknown as App;
}
