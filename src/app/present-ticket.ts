import type { AttachmentMeta } from '../adapters/db/attachment.store';
import type { Actor } from '../domain/roles';
import { maskPhone, maskSensitiveText } from '../domain/masking';
import type { ActionName } from '../domain/ticket/commands';
import { allowedActions } from '../domain/ticket/decide';
import type { Ticket, TicketEvent } from '../domain/ticket/ticket';
import { seesMaskedPersonalData } from '../domain/ticket/visibility';
import type { DeadlineView } from './sla/deadline-view';

export type TicketView = Omit<Ticket, 'attachmentIds'> & {
  attachments: AttachmentMeta[];
  allowedActions: ActionName[];
  events?: TicketEvent[];
  /** Added by src/app/sla/deadline-view.ts when the view is read. */
  deadlines?: DeadlineView['deadlines'];
  warning?: DeadlineView['warning'];
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
