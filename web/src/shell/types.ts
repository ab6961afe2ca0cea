// DTOs of the public API (/api/v1) as the console sees them; optional fields (deadlines, warning) are added by
// other parts of the platform and may be absent. The enumerations come from the server's pure domain modules,
// so the console and the API cannot disagree on a status, channel, role or urgency.
import type { Role, UnitKind } from '../../../src/platform/roles';
import type { Channel, Satisfaction, Status, Urgency } from '../../../src/platform/events/order';

export { ROLES, UNIT_KINDS, type Role, type UnitKind } from '../../../src/platform/roles';
import { ROLES } from '../../../src/platform/roles';

/** Every role but the citizen's: the people who work in the console. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'citizen');
export type { AnalysisForAgent } from '../../../src/modules/intake/domain/intake';
export { CHANNELS, SATISFACTIONS, STATUSES, URGENCIES, type Channel, type Satisfaction, type Status, type Urgency } from '../../../src/platform/events/order';


export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  unitName: string | null;
  /** false once an administrator disabled the account (sent by GET /users). */
  active?: boolean;
  createdAt?: string;
}

/** One entry of GET /audit: who did what to an account, unit or setting, with the state before and after. */
export interface AuditEntry {
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  fromState: unknown;
  toState: unknown;
  ip: string | null;
}





export interface Category {
  code: string;
  name: string;
  nameEn: string;
  level: number;
  parentCode: string | null;
  /** The unit that usually handles this category, if the centre set one. */
  unitHint?: string | null;
}

export interface Unit {
  id: string;
  name: string;
  nameEn?: string | null;
  kind: UnitKind;
  parentId: string | null;
  divisionCode: string | null;
}

export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Event types the platform records (workflow, deadlines). Unknown ones still show, by their code. */
export const EVENT_TYPES = [
  'created', 'answered', 'dispatched', 'signed', 'returned', 'extension_requested', 'extension_decided', 'replied',
  'reply_approved', 'reply_rejected', 'callback_recorded', 'redispatched', 'rated', 'merged', 'invalidated',
  'commented', 'supervised', 'deadline_changed',
] as const;

export interface TicketEvent {
  id: string;
  seq: number;
  type: string;
  at: string;
  actor: { id: string; name: string; roles: string[]; unitId: string | null } | null;
  fromStatus: string | null;
  toStatus: string | null;
  payload: Record<string, unknown> | null;
}

/** Deadlines and warning level are added by the SLA work; the console shows them when present. */
export interface Deadlines {
  signBy?: string;
  replyBy?: string;
  originalReplyBy?: string;
  policyVersion?: number;
  countFrom?: string;
  signedAt?: string | null;
  /** The deadline running now; null when no unit clock runs. */
  dueAt?: string | null;
}

export type WarningLevel = 'none' | 'yellow' | 'orange' | 'red' | string;

export interface Ticket {
  id: string;
  number: string;
  status: Status;
  version: number;
  channel: Channel;
  title: string | null;
  content: string;
  caller: { name: string | null; phone: string | null } | null;
  address: string | null;
  location: { lat: number; lng: number } | null;
  categoryCode: string | null;
  urgency: Urgency;
  tags: string[];
  receivedAt: string;
  createdAt: string;
  updatedAt: string;
  externalRef: string | null;
  leadUnitId: string | null;
  coUnitIds: string[];
  closure: null | 'direct_answer' | 'resolved' | 'unresolved' | 'merged' | 'invalid';
  mergedInto: string | null;
  /** The agent's direct answer, when the order was closed on the spot. */
  answer?: string | null;
  reply: { text: string; resolved: boolean; at: string; by: string | null } | null;
  satisfaction: Satisfaction | null;
  pendingExtension: { hours: number; reason: string; requestedAt: string; requestedBy: string | null } | null;
  redispatchCount: number;
  returnCount: number;
  attachments: Attachment[];
  allowedActions: string[];
  events?: TicketEvent[];
  deadlines?: Deadlines | null;
  warning?: WarningLevel | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PublicTicketView {
  number: string;
  status: string;
  title: string | null;
  content: string;
  createdAt: string;
  reply: { text: string; resolved?: boolean; at?: string } | null;
  answer?: string | null;
  satisfaction: Satisfaction | null;
  canRate: boolean;
  timeline: { type: string; at: string }[];
}

