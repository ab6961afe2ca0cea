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
import { actorOf } from '../../app/actor';
import { authenticate } from '../../app/authenticate';
import type { AppContext } from '../../app/ports';
import type { UserRecord } from '../db/user.store';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { toErrorResponse } from './error-map';
import { registerRoutes } from './routes/index';

declare module 'fastify' {
  interface FastifyRequest {
    user: UserRecord | null;
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

export interface AppOptions {
  logger?: boolean;
  trustProxy?: boolean;
  /** Extra routes from features built on the foundation (deadlines, assist, ...). */
  plugins?: ((app: App, ctx: AppContext) => Promise<void> | void)[];
  webDist?: string | null;
}

/** The signed-in user of a route that is not public; the auth hook has already checked it. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token>');
  return request.actor;
}

/** Builds the HTTP application (no listening: tests call inject()). */
export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<App> {
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
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? BODY_AJV : PARAMS_AJV).compile(schema));

  app.decorateRequest('user', null);
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
    const user = await authenticate(ctx, token);
    request.user = user;
    request.actor = actorOf(user);
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

  await app.register(async (api) => registerRoutes(api as unknown as App, ctx), { prefix: '/api/v1' });
  for (const plugin of options.plugins ?? []) {
    await app.register(async (scoped) => plugin(scoped as unknown as App, ctx), { prefix: '/api/v1' });
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
