import type { Ticket } from '../../../platform/events/order';
import { w3c } from './datetime';
import { publicText } from './public-text';
import { STATUS_MAP, type PublicStatus } from './status';

/** A service request as GET requests answers (the specification's field names and order). */
export interface RequestRecord {
  service_request_id: string;
  status: PublicStatus;
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export type PublicOrder = Pick<
  Ticket,
  'number' | 'status' | 'content' | 'caller' | 'address' | 'location' | 'categoryCode' | 'receivedAt' | 'updatedAt' | 'leadUnitId' | 'closure' | 'answer' | 'reply'
>;

/** What an order filed through Open311 adds: the description as the client sent it, its address id and media. */
export interface Open311Extras {
  description: string | null;
  addressId: string | null;
  mediaUrl: string | null;
}

/**
 * Why the order stands where it stands, in public: the approved reply once the centre has approved it (回访 or
 * 办结), the on-the-spot answer of a direct answer, or a note on a merged order. Nothing while units work on it.
 */
export function statusNotes(o: Pick<Ticket, 'status' | 'closure' | 'answer' | 'reply'>): string | null {
  if (o.closure === 'direct_answer') return o.answer;
  if (o.closure === 'merged') return '已与同一诉求的其他工单合并办理 (merged with another request about the same matter)';
  if ((o.status === 'awaiting_callback' || o.status === 'closed') && o.reply) return o.reply.text;
  return null;
}

/** One order as a GeoReport v2 service request: masked texts, public status, dates in the city's time. */
export function requestRecord(
  o: PublicOrder,
  refs: { serviceName: string | null; serviceNotice: string | null; agency: string | null; replyBy: string | null; extras: Open311Extras | null },
): RequestRecord {
  const notes = statusNotes(o);
  const description = refs.extras ? refs.extras.description : o.content;
  return {
    service_request_id: o.number,
    status: STATUS_MAP[o.status],
    status_notes: notes === null ? null : publicText(notes, o.caller),
    service_name: refs.serviceName,
    service_code: o.categoryCode ?? '',
    description: description === null ? null : publicText(description, o.caller),
    agency_responsible: refs.agency,
    service_notice: refs.serviceNotice,
    requested_datetime: w3c(o.receivedAt),
    updated_datetime: w3c(o.updatedAt),
    expected_datetime: refs.replyBy ? w3c(refs.replyBy) : null,
    address: o.address === null ? null : publicText(o.address, o.caller),
    address_id: refs.extras?.addressId ?? null,
    zipcode: null,
    lat: o.location?.lat ?? null,
    long: o.location?.lng ?? null,
    media_url: refs.extras?.mediaUrl ?? null,
  };
}
