import type { Actor, Role } from '../../../platform/roles';
import type { Status, Ticket } from '../../../platform/events/order';

/** Builders shared by the domain tests. */
export function aTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't1',
    number: '20251001000001',
    status: 'registered',
    version: 1,
    channel: 'phone',
    title: '小区噪音扰民',
    content: '夜间施工噪音扰民，请处理',
    caller: { name: '张先生', phone: '13812345678' },
    address: '鼓楼区丰财街道某小区',
    location: null,
    categoryCode: '020101',
    urgency: 'normal',
    tags: [],
    receivedAt: '2025-10-01T02:00:00.000Z',
    createdAt: '2025-10-01T02:00:00.000Z',
    updatedAt: '2025-10-01T02:00:00.000Z',
    externalRef: null,
    createdBy: 'agent',
    citizenUserId: 'citizen-owner',
    leadUnitId: null,
    coUnitIds: [],
    closure: null,
    mergedInto: null,
    answer: null,
    reply: null,
    satisfaction: null,
    pendingExtension: null,
    redispatchCount: 0,
    returnCount: 0,
    attachmentIds: [],
    ...overrides,
  };
}

/** An order in the given status, as it would be after the normal path led there. */
export function aTicketIn(status: Status): Ticket {
  const handled = status !== 'registered' && status !== 'closed';
  return aTicket({
    status,
    leadUnitId: handled ? 'u-lead' : null,
    coUnitIds: handled ? ['u-co'] : [],
    reply:
      status === 'replied' || status === 'awaiting_callback'
        ? { text: '已处理', resolved: true, at: '2025-10-02T02:00:00.000Z', by: 'h', unitId: 'u-lead', attachmentIds: [] }
        : null,
    closure: status === 'closed' ? 'resolved' : null,
  });
}

export function anActor(id: string, roles: Role[], unitId: string | null = null): Actor {
  return { id, name: id, roles, unitId, kind: 'user' };
}
