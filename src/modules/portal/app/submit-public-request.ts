import { AppError } from '../../../platform/errors';
import { createTicket } from '../../tickets';
import type { AppContext } from '../../../platform/context';

export interface PublicRequest {
  content: string;
  title?: string | undefined;
  caller: { name?: string | undefined; phone: string };
  address?: string | undefined;
  location?: { lat: number; lng: number } | undefined;
  attachmentIds?: string[] | undefined;
  channel?: 'web' | 'mobile' | 'wechat' | undefined;
}

/** A citizen's request from the portal, without an account: the phone number is how they track it. */
export async function submitPublicRequest(ctx: AppContext, input: PublicRequest, idempotencyKey?: string): Promise<{ number: string }> {
  const phone = input.caller.phone.replace(/[\s-]/g, '');
  if (!/^(1[3-9]\d{9}|0\d{9,11})$/.test(phone)) {
    throw new AppError('VALIDATION.FAILED', 'caller.phone must be a mainland mobile or landline number', 'caller.phone');
  }
  const portal = { id: `portal:${phone}`, name: input.caller.name?.trim() || '市民', roles: ['citizen' as const], unitId: null, kind: 'public' as const };
  const { ticket } = await createTicket(
    ctx,
    portal,
    {
      channel: input.channel ?? 'web',
      content: input.content,
      title: input.title,
      caller: { name: input.caller.name ?? null, phone },
      address: input.address,
      location: input.location,
      attachmentIds: input.attachmentIds,
    },
    idempotencyKey,
  );
  return { number: ticket.number };
}
