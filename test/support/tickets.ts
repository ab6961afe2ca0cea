import { expect } from 'vitest';
import type { TestApp } from './http';

export interface TicketJson {
  id: string;
  number: string;
  status: string;
  version: number;
  leadUnitId: string | null;
  allowedActions: string[];
  caller: { name: string | null; phone: string | null } | null;
  content: string;
  events?: { type: string; fromStatus: string | null; toStatus: string; actor: { id: string; name: string }; payload: Record<string, unknown> }[];
  [key: string]: unknown;
}

export const STREET = 's-320302002'; // 丰财街道, the demo "handler" account's unit
export const HOUSING = 'dept-housing'; // 市住建局, the demo "handler2" account's unit

/** Registers an order as the demo agent. */
export async function register(t: TestApp, body: Record<string, unknown> = {}): Promise<TicketJson> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: await t.as('agent'),
    payload: { channel: 'phone', content: '小区夜间施工噪音扰民，请尽快处理', caller: { name: '张先生', phone: '13812345678' }, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Takes an action as a demo user at the order's current version; returns the raw response. */
export async function act(t: TestApp, who: string, ticket: { id: string; version: number }, action: string, fields: Record<string, unknown> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/tickets/${ticket.id}/actions`,
    headers: await t.as(who),
    payload: { action, expectedVersion: ticket.version, ...fields },
  });
}

/** Takes an action that must succeed; returns the order after it. */
export async function actOk(t: TestApp, who: string, ticket: { id: string; version: number }, action: string, fields: Record<string, unknown> = {}): Promise<TicketJson> {
  const res = await act(t, who, ticket, action, fields);
  expect(res.statusCode, `${action} by ${who}: ${res.body}`).toBe(200);
  return res.json();
}

export async function fetchTicket(t: TestApp, who: string, id: string) {
  return t.app.inject({ method: 'GET', url: `/api/v1/tickets/${id}`, headers: await t.as(who) });
}
