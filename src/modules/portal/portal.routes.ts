import { Type } from 'typebox';
import type { AppContext } from '../../platform/context';
import { citizenView, findOwnTicket } from './app/public-portal';
import { ratePublicRequest } from './app/rate-public-request';
import { submitPublicRequest } from './app/submit-public-request';
import { uploadAttachment } from '../tickets';
import { AttachmentBody, AttachmentMeta } from '../tickets';
import type { App } from '../../platform/http/app';
import { ErrorBody, Satisfaction } from '../../platform/http/schemas';
import { CitizenView, PublicRequestBody } from './schemas';

const NumberParams = Type.Object({ number: Type.String({ pattern: '^[0-9]{8,20}$' }) });
const PhoneQuery = Type.Object({ phone: Type.String({ minLength: 5, maxLength: 20 }) }, { additionalProperties: false });

/** The citizen portal: submit without an account, track and rate with order number + phone. */
export function publicRoutes(app: App, ctx: AppContext) {
  const open = { public: true } as const;
  app.post(
    '/public/tickets',
    {
      config: open,
      schema: {
        tags: ['portal'],
        security: [],
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        body: PublicRequestBody,
        response: { 201: Type.Object({ number: Type.String() }), 400: ErrorBody },
      },
    },
    async (request, reply) => reply.status(201).send(await submitPublicRequest(ctx, request.body, request.headers['idempotency-key'])),
  );

  app.post(
    '/public/attachments',
    { config: open, bodyLimit: 8 * 1024 * 1024, schema: { tags: ['portal'], security: [], body: AttachmentBody, response: { 201: AttachmentMeta, 400: ErrorBody, 413: ErrorBody } } },
    async (request, reply) => {
      const portal = { id: 'portal', name: '市民', roles: ['citizen' as const], unitId: null, kind: 'public' as const };
      return reply.status(201).send(await uploadAttachment(ctx, portal, request.body));
    },
  );

  app.get(
    '/public/tickets/:number',
    { config: open, schema: { tags: ['portal'], security: [], params: NumberParams, querystring: PhoneQuery, response: { 200: CitizenView, 404: ErrorBody, 429: ErrorBody } } },
    async (request) => citizenView(ctx, await findOwnTicket(ctx, request.params.number, request.query.phone, request.ip)),
  );

  app.post(
    '/public/tickets/:number/rating',
    {
      config: open,
      schema: {
        tags: ['portal'],
        security: [],
        params: NumberParams,
        body: Type.Object({ phone: Type.String({ minLength: 5, maxLength: 20 }), satisfaction: Satisfaction, comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 200: CitizenView, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => ratePublicRequest(ctx, request.params.number, request.body, request.ip),
  );
}
