import type { Sql } from '../../platform/db/database';
import type { Ticket } from '../../platform/events/order';
import type { Module } from '../../platform/module';
import { attachmentRoutes } from './attachments.routes';
import { ticketStore, type ClosedOrder, type OrderQuery, type RecentOrder } from './ticket.store';
import { ticketRoutes } from './tickets.routes';

export { actInTransaction, actOnTicket } from './app/act-on-ticket';
export { createTicket, type NewTicket } from './app/create-ticket';
export { uploadAttachment } from './app/upload-attachment';
export { presentTicket, type TicketView } from './app/present-ticket';
export { AttachmentBody, AttachmentMeta, Location, Phone, AttachmentIds } from './schemas';
export { canSee, publicActorId, seesMaskedPersonalData } from './domain/visibility';
export type { TicketCommand, ActionName } from './domain/commands';
export type { EventDraft } from './domain/decide';
export type { ClosedOrder, OrderQuery, RecentOrder };

/**
 * Work orders through the double closed loop: registration, the fifteen actions, lists and views, attachments.
 * The order's state row and idempotency keys are its tables; its events go through the platform's event log.
 */
export const ticketsModule: Module = {
  name: 'tickets',
  tables: ['tickets', 'idempotency_keys', 'attachments'],
  routes: (app, ctx) => {
    ticketRoutes(app, ctx);
    attachmentRoutes(app, ctx);
  },
};

// What other modules may read of the orders.
export const getTicket = (sql: Sql, id: string): Promise<Ticket | null> => ticketStore(sql).get(id);
export const getTicketByNumber = (sql: Sql, number: string): Promise<Ticket | null> => ticketStore(sql).getByNumber(number);
export const getTickets = (sql: Sql, ids: readonly string[]): Promise<Ticket[]> => ticketStore(sql).getMany(ids);
/** Locks the orders free now (inside a transaction) and leaves out those another transaction holds. */
export const lockFreeTickets = (tx: Sql, ids: readonly string[]): Promise<Ticket[]> => ticketStore(tx).getMany(ids, { skipLocked: true });
export const ticketIdsTagged = (sql: Sql, tag: string): Promise<string[]> => ticketStore(sql).idsTagged(tag);
export const closedOrdersForTraining = (sql: Sql, limit: number): Promise<ClosedOrder[]> => ticketStore(sql).closedForTraining(limit);
export const countClosedSince = (sql: Sql, at: string): Promise<number> => ticketStore(sql).closedSince(at);
export const recentOrders = (sql: Sql, since: string, callerPhone: string | null, limit: number): Promise<RecentOrder[]> =>
  ticketStore(sql).recentCandidates(since, callerPhone, limit);
/** Orders by number, category, status and registration time, newest first, unscoped (integrations that publish orders: Open311). */
export const queryOrders = (sql: Sql, query: OrderQuery): Promise<Ticket[]> => ticketStore(sql).query(query);
/** The order an integration registered under its own reference (`externalRef`) on its channel. */
export const getTicketByExternalRef = (sql: Sql, channel: Ticket['channel'], ref: string): Promise<Ticket | null> =>
  ticketStore(sql).getByExternalRef(channel, ref);
