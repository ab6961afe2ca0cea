import type { Satisfaction } from '../../../platform/events/order';
import { actOnTicket } from '../../tickets';
import type { AppContext } from '../../../platform/context';
import { citizenView, findOwnTicket, publicActor, type CitizenView } from './public-portal';

/** The citizen rates the outcome on the portal; a satisfied rating closes the order, an unsatisfied one waits for a callback. */
export async function ratePublicRequest(
  ctx: AppContext,
  number: string,
  input: { phone: string; satisfaction: Satisfaction; comment?: string | undefined },
  ip?: string,
): Promise<CitizenView> {
  const ticket = await findOwnTicket(ctx, number, input.phone, ip);
  const after = await actOnTicket(ctx, publicActor(ticket), ticket.id, { action: 'rate', satisfaction: input.satisfaction, comment: input.comment }, ticket.version);
  return citizenView(ctx, after);
}
