import type { Role } from '../roles';

export const STATUSES = ['registered', 'dispatched', 'in_progress', 'replied', 'awaiting_callback', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export const CHANNELS = ['phone', 'web', 'mobile', 'wechat', 'grid', '110', 'iot', 'email', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export type Closure = 'direct_answer' | 'resolved' | 'unresolved' | 'merged' | 'invalid';

export interface Caller {
  name: string | null;
  phone: string | null;
}

export interface Reply {
  text: string;
  resolved: boolean;
  at: string;
  by: string;
  unitId: string | null;
  attachmentIds: string[];
}

export interface PendingExtension {
  hours: number;
  reason: string;
  requestedAt: string;
  requestedBy: string;
}

/** The current state of a work order. Times are ISO-8601 UTC strings. */
export interface Ticket {
  id: string;
  number: string;
  status: Status;
  version: number;
  channel: Channel;
  title: string;
  content: string;
  caller: Caller | null;
  address: string | null;
  location: { lat: number; lng: number } | null;
  categoryCode: string | null;
  urgency: Urgency;
  tags: string[];
  receivedAt: string;
  createdAt: string;
  updatedAt: string;
  externalRef: string | null;
  createdBy: string | null;
  citizenUserId: string | null;
  leadUnitId: string | null;
  coUnitIds: string[];
  closure: Closure | null;
  mergedInto: string | null;
  answer: string | null;
  reply: Reply | null;
  satisfaction: Satisfaction | null;
  pendingExtension: PendingExtension | null;
  redispatchCount: number;
  returnCount: number;
  attachmentIds: string[];
}

export interface TicketEvent {
  id: string;
  ticketId: string;
  seq: number;
  type: EventType;
  at: string;
  actor: { id: string; name: string; roles: Role[]; unitId: string | null; kind: 'user' | 'system' | 'public' };
  fromStatus: Status | null;
  toStatus: Status;
  payload: Record<string, unknown>;
}

export const EVENT_TYPES = [
  'created',
  'answered',
  'dispatched',
  'signed',
  'returned',
  'extension_requested',
  'extension_decided',
  'replied',
  'reply_approved',
  'reply_rejected',
  'callback_recorded',
  'redispatched',
  'rated',
  'merged',
  'invalidated',
  'commented',
  'supervised',
  // recorded by the platform (src/app/sla): a deadline set, met, moved or cleared
  'deadline_changed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const isOpen = (t: Pick<Ticket, 'status'>): boolean => t.status !== 'closed';
