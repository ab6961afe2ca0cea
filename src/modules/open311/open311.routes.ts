import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { isAppError } from '../../platform/errors';
import type { App } from '../../platform/http/app';
import { STATUS_OF } from '../../platform/http/error-map';
import { clientOfKey } from './app/clients';
import { discoveryDocument } from './app/discovery';
import { countAgainstLimit } from './app/rate-limit';
import { getRequest, listRequests, requestOfToken } from './app/read-requests';
import { loadServices } from './app/services';
import { submitRequest } from './app/submit-request';
import { Open311Error, isOpen311Error } from './domain/errors';
import { formatOfUrl, isFormat, splitFormat, type Format } from './domain/format';
import { readRequestsQuery } from './domain/query';
import type { FormBody } from './domain/submission';
import { definitionOf, serviceListItem } from './app/present-services';
import { open311Store } from './open311.store';
import type { Open311Options } from './options';
import { render } from './render';


const FORM = 'application/x-www-form-urlencoded';
const FORM_BODY_LIMIT = 256 * 1024;

/** A form body: each field's value, or its values when it came more than once (`attribute[code][]=…`). */
export function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const had = out[key];
    out[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

/** A JSON body read as a form (some clients send one): text and numbers kept, anything else dropped. */
function asForm(body: unknown): FormBody {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const out: Record<string, string | string[]> = {};
  const scalar = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null);
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (Array.isArray(v)) out[k] = v.map(scalar).filter((s): s is string => s !== null);
    else {
      const s = scalar(v);
      if (s !== null) out[k] = s;
    }
  }
  return out;
}

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);

/** GeoReport v2 as the specification has it, at /open311/v2, and its discovery document at /open311/discovery.{xml,json}. */
export function open311Routes(options: Open311Options) {
  return async (root: App, ctx: AppContext) => {
    await root.register(
      async (child) => {
        const app = child.withTypeProvider<TypeBoxTypeProvider>();
        app.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => done(null, parseForm(String(body))));

        const send = (reply: FastifyReply, format: Format, root: string, value: unknown, status = 200) => {
          const { body, type } = render(format, root, value);
          return reply.status(status).type(type).send(body);
        };

        // Every failure as GeoReport v2 shapes it, in the requested format: 404 what does not exist, 403 a bad
        // api_key, 429 too many requests, 413 a body too large, and 400 for anything else (the specification's
        // "general service error", unexpected failures included: those are logged).
        app.setErrorHandler((error, request, reply) => {
          let e: Open311Error;
          if (isOpen311Error(error)) e = error;
          else if (isAppError(error)) {
            const status = STATUS_OF[error.code];
            e = new Open311Error([403, 404, 429].includes(status) ? status : 400, error.message);
          } else {
            const fe = error as { statusCode?: unknown; validation?: unknown; message?: unknown };
            const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
            if (status >= 500) request.log.error({ err: error }, 'open311 request failed');
            const bodyProblem = status === 415 || (fe as { validationContext?: unknown }).validationContext === 'body';
            const message = bodyProblem ? `POST requests takes a form body (${FORM})` : status >= 500 ? 'General service error: the request could not be processed; try again later' : String(fe.message ?? 'Bad request');
            e = new Open311Error(status === 413 || status === 404 ? status : 400, message);
          }
          return send(reply, formatOfUrl(request.url), 'errors', e.problems.map((p) => ({ code: p.code, description: p.description })), e.status);
        });
        app.setNotFoundHandler((request, reply) =>
          send(reply, formatOfUrl(request.url), 'errors', [{ code: 404, description: `No resource ${request.method} ${request.url.split('?')[0]}: see /open311/discovery.xml` }], 404),
        );

        const formatParam = (raw: string): Format => {
          const f = raw.toLowerCase();
          if (!isFormat(f)) throw new Open311Error(404, `Unknown format .${raw.slice(0, 20)}: use .xml or .json`);
          return f;
        };
        const fileParam = (file: string): { name: string; format: Format } => {
          const split = splitFormat(file);
          if (!split) throw new Open311Error(404, `Unknown resource ${file.slice(0, 60)}: name it with .xml or .json`);
          return split;
        };
        const checkJurisdiction = (value: unknown) => {
          const j = one(value)?.trim();
          if (j && j !== options.jurisdictionId) throw new Open311Error(404, `jurisdiction_id ${j.slice(0, 60)} was not found: this endpoint serves ${options.jurisdictionId}`);
        };
        const reads = async (request: FastifyRequest) => {
          const query = request.query as Record<string, unknown>;
          checkJurisdiction(query.jurisdiction_id);
          await countAgainstLimit(ctx, `read:${request.ip}`, options.readsPerMinute);
          return query;
        };

        const FormatParams = Type.Object({ format: Type.String({ description: 'xml or json' }) });
        const FileParams = Type.Object({ file: Type.String({ description: '<id>.xml or <id>.json' }) });
        const Query = Type.Object({ jurisdiction_id: Type.Optional(Type.String()) }, { additionalProperties: true });
        const tags = ['open311'];

        app.get('/discovery.:format', { schema: { tags, summary: 'GeoReport v2 service discovery', security: [], params: FormatParams } }, async (request, reply) => {
          const format = formatParam(request.params.format);
          await reads(request);
          const base = options.baseUrl ?? `${request.protocol}://${request.host}`;
          return send(reply, format, 'discovery', await discoveryDocument(ctx, options, base));
        });

        app.get('/v2/services.:format', { schema: { tags, summary: 'GET Service List', security: [], params: FormatParams, querystring: Query } }, async (request, reply) => {
          const format = formatParam(request.params.format);
          await reads(request);
          const { services } = await loadServices(ctx.db);
          return send(reply, format, 'services', services.map(serviceListItem(await modeOf(ctx))));
        });

        app.get('/v2/services/:file', { schema: { tags, summary: 'GET Service Definition', security: [], params: FileParams, querystring: Query } }, async (request, reply) => {
          const { name, format } = fileParam(request.params.file);
          await reads(request);
          const service = (await loadServices(ctx.db)).services.find((s) => s.code === name);
          if (!service) throw new Open311Error(404, `service_code ${name.slice(0, 60)} was not found`);
          return send(reply, format, 'service_definition', definitionOf(service));
        });

        app.post(
          '/v2/requests.:format',
          { schema: { tags, summary: 'POST Service Request (application/x-www-form-urlencoded, api_key required)', security: [], params: FormatParams,
            body: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.Union([Type.String(), Type.Number()]))]), {
              description: 'The form fields (a JSON object with the same fields is read too)',
            }), } },
          async (request, reply) => {
            const format = formatParam(request.params.format);
            const form = asForm(request.body);
            const query = request.query as Record<string, unknown>;
            checkJurisdiction(form.jurisdiction_id ?? query.jurisdiction_id);
            const client = await clientOfKey(ctx, one(form.api_key) ?? one(query.api_key));
            await countAgainstLimit(ctx, `post:${client.id}`, options.postsPerMinute);
            return send(reply, format, 'service_requests', [await submitRequest(ctx, client, form)]);
          },
        );

        app.get('/v2/requests.:format', { schema: { tags, summary: 'GET Service Requests (last 90 days, at most 1,000, newest first)', security: [], params: FormatParams, querystring: Query } }, async (request, reply) => {
          const format = formatParam(request.params.format);
          const query = await reads(request);
          const strings = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, one(v)]));
          const read = readRequestsQuery(strings, ctx.clock.now());
          if (!read.query) throw new Open311Error(400, read.problems);
          return send(reply, format, 'service_requests', (await listRequests(ctx, read.query)));
        });

        app.get('/v2/requests/:file', { schema: { tags, summary: 'GET Service Request', security: [], params: FileParams, querystring: Query } }, async (request, reply) => {
          const { name, format } = fileParam(request.params.file);
          await reads(request);
          return send(reply, format, 'service_requests', (await getRequest(ctx, name)));
        });

        app.get('/v2/tokens/:file', { schema: { tags, summary: 'GET service_request_id from a token', security: [], params: FileParams, querystring: Query } }, async (request, reply) => {
          const { name, format } = fileParam(request.params.file);
          await reads(request);
          return send(reply, format, 'service_requests', await requestOfToken(ctx, name));
        });
      },
      { prefix: '/open311' },
    );
  };
}

const modeOf = async (ctx: AppContext) => (await open311Store(ctx.db).mode()).mode;
