// The order's shared model: its statuses, channels and current state, read by every module. The events that
// change it are in order-events.ts.
export const STATUSES = ['registered', 'dispatched', 'in_progress', 'replied', 'awaiting_callback', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export const CHANNELS = ['phone', 'web', 'mobile', 'wechat', 'grid', '110', 'iot', 'email', 'letter', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const CLOSURES = ['direct_answer', 'resolved', 'unresolved', 'merged', 'invalid'] as const;
export type Closure = (typeof CLOSURES)[number];

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
