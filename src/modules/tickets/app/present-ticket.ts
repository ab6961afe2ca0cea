import type { AttachmentMeta } from '../attachment.store';
import type { Actor } from '../../../platform/roles';
import { maskPhone, maskSensitiveText } from '../../../platform/masking';
import type { ActionName } from '../domain/commands';
import { allowedActions } from '../domain/decide';
import type { Ticket } from '../../../platform/events/order';
import type { TicketEvent } from '../../../platform/events/order-events';
import { seesMaskedPersonalData } from '../domain/visibility';

export type TicketView = Omit<Ticket, 'attachmentIds'> & {
  attachments: AttachmentMeta[];
  allowedActions: ActionName[];
  events?: TicketEvent[];
};

/** Shapes an order for one viewer: masks what their unit need not see and lists what they may do now. */
export function presentTicket(
  ticket: Ticket,
  viewer: Actor,
  extra: { attachments?: AttachmentMeta[]; events?: TicketEvent[] } = {},
): TicketView {
  const { attachmentIds: _ids, ...rest } = ticket;
  const masked = seesMaskedPersonalData(viewer);
  const view: TicketView = {
    ...rest,
    caller: ticket.caller && masked ? { ...ticket.caller, phone: maskPhone(ticket.caller.phone) } : ticket.caller,
    content: masked ? maskSensitiveText(ticket.content) : ticket.content,
    title: masked ? maskSensitiveText(ticket.title) : ticket.title,
    attachments: extra.attachments ?? [],
    allowedActions: allowedActions(ticket, viewer),
  };
  if (extra.events) view.events = extra.events;
  return view;
}
