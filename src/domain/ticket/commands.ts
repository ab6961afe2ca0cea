import type { Satisfaction } from './ticket';

/** Every action a person (or the system) can take on an existing work order. */
export type TicketCommand =
  | { action: 'answer'; answer: string }
  | { action: 'dispatch'; leadUnitId: string; coUnitIds?: string[]; note?: string }
  | { action: 'sign' }
  | { action: 'return'; reason: string }
  | { action: 'request_extension'; hours: number; reason: string }
  | { action: 'decide_extension'; approve: boolean; note?: string }
  | { action: 'reply'; reply: string; resolved: boolean; attachmentIds?: string[] }
  | { action: 'approve_reply'; note?: string }
  | { action: 'reject_reply'; reason: string }
  | { action: 'callback'; satisfaction: Satisfaction; note?: string; redispatch?: boolean }
  | { action: 'rate'; satisfaction: Satisfaction; comment?: string }
  | { action: 'merge'; intoTicketId: string }
  | { action: 'invalidate'; reason: string }
  | { action: 'comment'; text: string }
  | { action: 'supervise'; note: string };

export type ActionName = TicketCommand['action'];

export const ACTION_NAMES = [
  'answer',
  'dispatch',
  'sign',
  'return',
  'request_extension',
  'decide_extension',
  'reply',
  'approve_reply',
  'reject_reply',
  'callback',
  'rate',
  'merge',
  'invalidate',
  'comment',
  'supervise',
] as const satisfies readonly ActionName[];
