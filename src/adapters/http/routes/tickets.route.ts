import { Type } from 'typebox';
import { actOnTicket } from '../../../app/act-on-ticket';
import { createTicket } from '../../../app/create-ticket';
import { fullView, getTicket } from '../../../app/get-ticket';
import { listTickets } from '../../../app/list-tickets';
import type { AppContext } from '../../../app/ports';
import type { TicketCommand } from '../../../domain/ticket/commands';
import type { Status } from '../../../domain/ticket/ticket';
import { requireActor, type App } from '../app';
import { ActionBody, ErrorBody, IdParams, NewTicketBody, TicketPage, TicketQuery, TicketView } from '../schemas';

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Makes a retried request return the first result' })),
});

export function ticketRoutes(app: App, ctx: AppContext) {
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
    { schema: { tags: ['tickets'], summary: 'List work orders the user may see', querystring: TicketQuery, response: { 200: TicketPage, 400: ErrorBody } } },
    async (request) => {
      const { page = 1, pageSize = 20, sort, status, ...filter } = request.query;
      return listTickets(
        ctx,
        requireActor(request),
        { ...filter, ...(status ? { status: status.split(',') as Status[] } : {}) },
        { page, pageSize, ...(sort ? { sort } : {}) },
      );
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
      const { expectedVersion, ...command } = request.body;
      const after = await actOnTicket(ctx, actor, request.params.id, command as unknown as TicketCommand, expectedVersion, request.headers['idempotency-key']);
      return fullView(ctx, actor, after);
    },
  );
}
