import type { AppContext } from '../../../platform/context';
import type { Ticket } from '../../../platform/events/order';
import { replyDeadlines } from '../../deadlines';
import { getUnits } from '../../org';
import { queryOrders } from '../../tickets';
import { Open311Error } from '../domain/errors';
import { MAX_REQUESTS, type RequestsQuery } from '../domain/query';
import { requestRecord, type RequestRecord } from '../domain/request-record';
import { statusesOf, UNLISTED_CLOSURES } from '../domain/status';
import type { Service } from '../domain/service';
import { open311Store } from '../open311.store';
import { loadServices } from './services';

/**
 * GET requests: orders of every channel, newest first, at most 1,000, never those of a private category nor
 * those closed as invalid, with no caller's name, phone, e-mail or ID number in any text.
 */
export async function listRequests(ctx: AppContext, q: RequestsQuery): Promise<RequestRecord[]> {
  const { services, names } = await loadServices(ctx.db);
  const hidden = { excludeCategoryCodes: services.filter((s) => s.private).map((s) => s.code), excludeClosures: UNLISTED_CLOSURES, categorised: true };
  const orders = q.numbers
    ? await queryOrders(ctx.db, { numbers: q.numbers, ...hidden, limit: MAX_REQUESTS })
    : await queryOrders(ctx.db, {
        categoryCodes: q.serviceCodes,
        statuses: q.statuses ? q.statuses.flatMap(statusesOf) : null,
        receivedFrom: q.from,
        receivedTo: q.to,
        ...hidden,
        limit: MAX_REQUESTS,
      });
  return records(ctx, orders, services, names);
}

/** GET requests/{id}: one order by its number; 404 when there is none or it is not public. */
export async function getRequest(ctx: AppContext, number: string): Promise<RequestRecord[]> {
  const found = /^[0-9]{1,30}$/.test(number) ? await listRequests(ctx, { numbers: [number], serviceCodes: null, statuses: null, from: '', to: '' }) : [];
  if (found.length === 0) throw new Open311Error(404, `service_request_id ${number.slice(0, 40)} was not found`);
  return found;
}

async function records(ctx: AppContext, orders: Ticket[], services: Service[], names: Map<string, string>): Promise<RequestRecord[]> {
  if (orders.length === 0) return [];
  const byCode = new Map(services.map((s) => [s.code, s]));
  const leadIds = [...new Set(orders.map((o) => o.leadUnitId).filter((u): u is string => u !== null))];
  const units = new Map((await getUnits(ctx.db, leadIds)).map((u) => [u.id, u.name]));
  const deadlines = await replyDeadlines(ctx.db, orders, ctx.clock.now());
  const filed = orders.filter((o) => o.channel === 'open311').map((o) => o.id);
  const submissions = new Map((await open311Store(ctx.db).submissionsOfTickets(filed)).map((s) => [s.ticketId, s.submission]));
  return orders.map((o) => {
    const s = submissions.get(o.id);
    const service = o.categoryCode ? byCode.get(o.categoryCode) : undefined;
    return requestRecord(o, {
      serviceName: o.categoryCode ? (names.get(o.categoryCode) ?? null) : null,
      serviceNotice: service?.serviceNotice ?? null,
      agency: o.leadUnitId ? (units.get(o.leadUnitId) ?? null) : null,
      replyBy: deadlines.get(o.id) ?? null,
      extras: s ? { description: s.description, addressId: s.addressId, mediaUrl: s.mediaUrls[0] ?? null } : null,
    });
  });
}

/** GET tokens/{token}: the order a submission became; its number is empty while it is still queued. */
export async function requestOfToken(ctx: AppContext, token: string): Promise<{ service_request_id: string | null; token: string }[]> {
  const s = /^[A-Za-z0-9_-]{1,100}$/.test(token) ? await open311Store(ctx.db).submissionByToken(token) : null;
  if (!s) throw new Open311Error(404, `token ${token.slice(0, 40)} was not found`);
  if (s.status === 'failed') throw new Open311Error(404, `token ${token} was not registered as a request: ${s.error ?? 'unknown reason'}`);
  return [{ service_request_id: s.ticketNumber, token: s.token }];
}
