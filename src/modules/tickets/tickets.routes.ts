import { Type } from 'typebox';
import type { AppContext } from '../../platform/context';
import type { Status } from '../../platform/events/order';
import { requireActor, type App } from '../../platform/http/app';
import { ErrorBody, IdParams } from '../../platform/http/schemas';
import { actOnTicket } from './app/act-on-ticket';
import { createTicket } from './app/create-ticket';
import { fullView, getTicket } from './app/get-ticket';
import { listTickets } from './app/list-tickets';
import { commandOf } from './domain/commands';
import { ActionBody, NewTicketBody, TicketQueryBase, ticketPageSchema, ticketQuerySchema, ticketViewSchema } from './schemas';

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Makes a retried request return the first result' })),
});

const OWN_QUERY = new Set(Object.keys(TicketQueryBase.properties));

export function ticketRoutes(app: App, ctx: AppContext) {
  const TicketView = ticketViewSchema(ctx.orderViews);

  app.post(
    '/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Register a request as a work order',
        headers: IdempotencyHeaders,
        body: NewTicketBody,
        response: { 201: TicketView, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { ticket, events, replayed } = await createTicket(ctx, actor, request.body, request.headers['idempotency-key']);
      if (replayed) void reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(await fullView(ctx, actor, ticket, events));
    },
  );

  app.get(
    '/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'List work orders the user may see',
        querystring: ticketQuerySchema(ctx.orderViews),
        response: { 200: ticketPageSchema(ctx.orderViews), 400: ErrorBody },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, sort, status, ...rest } = request.query as Record<string, unknown> & { page?: number; pageSize?: number; sort?: string; status?: string };
      // our own filters, and the parameters the modules' view extensions read
      const own = Object.fromEntries(Object.entries(rest).filter(([k]) => OWN_QUERY.has(k)));
      const extension = Object.fromEntries(Object.entries(rest).filter(([k]) => !OWN_QUERY.has(k)));
      return listTickets(ctx, requireActor(request), { ...own, ...(status ? { status: status.split(',') as Status[] } : {}) }, { page, pageSize, ...(sort ? { sort } : {}) }, extension);
    },
  );

  app.get(
    '/tickets/:id',
    { schema: { tags: ['tickets'], summary: 'One work order with its timeline', params: IdParams, response: { 200: TicketView, 404: ErrorBody } } },
    async (request) => getTicket(ctx, requireActor(request), request.params.id),
  );

  app.post(
    '/tickets/:id/actions',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Take an action on a work order (dispatch, sign, reply, callback, ...)',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: ActionBody,
        response: { 200: TicketView, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { command, expectedVersion } = commandOf(request.body);
      const after = await actOnTicket(ctx, actor, request.params.id, command, expectedVersion, request.headers['idempotency-key']);
      return fullView(ctx, actor, after);
    },
  );
}
