import type { Role } from '../../../platform/roles';
import type { ActionName } from './commands';
import { STATUSES, type Status } from '../../../platform/events/order';

const OPEN: readonly Status[] = STATUSES.filter((s) => s !== 'closed');

export interface TransitionRule {
  /** Statuses in which the action is legal. */
  from: readonly Status[];
  /** Where it leads; `same` keeps the status; `depends` is decided by the command (callback, rating). */
  to: Status | 'same' | 'depends';
  /** Roles that may take it. */
  roles: readonly Role[];
  /** A unit handler must belong to the lead unit (`lead`) or to the lead or a co-handling unit (`lead_or_co`). */
  unitScope?: 'lead' | 'lead_or_co';
  label: { zh: string; en: string };
}

/**
 * The workflow of a work order. This table is the documentation: docs/workflow.md is generated from the same
 * facts and the exhaustive test in transitions.test.ts states every status × action × role outcome.
 * A citizen may act only on an order that is their own (checked with the unit scope).
 */
export const TRANSITIONS: Record<ActionName, TransitionRule> = {
  answer: { from: ['registered'], to: 'closed', roles: ['agent', 'dispatcher'], label: { zh: '直接答复', en: 'Answer directly' } },
  dispatch: { from: ['registered'], to: 'dispatched', roles: ['dispatcher'], label: { zh: '派单', en: 'Dispatch' } },
  sign: { from: ['dispatched'], to: 'in_progress', roles: ['unit_handler'], unitScope: 'lead', label: { zh: '签收', en: 'Sign for' } },
  return: { from: ['dispatched', 'in_progress'], to: 'registered', roles: ['unit_handler'], unitScope: 'lead', label: { zh: '退回', en: 'Return' } },
  request_extension: { from: ['in_progress'], to: 'same', roles: ['unit_handler'], unitScope: 'lead', label: { zh: '申请延期', en: 'Request extension' } },
  decide_extension: { from: ['in_progress'], to: 'same', roles: ['dispatcher'], label: { zh: '审批延期', en: 'Decide extension' } },
  reply: { from: ['in_progress'], to: 'replied', roles: ['unit_handler'], unitScope: 'lead', label: { zh: '答复', en: 'Reply' } },
  approve_reply: { from: ['replied'], to: 'awaiting_callback', roles: ['dispatcher'], label: { zh: '审核通过', en: 'Approve reply' } },
  reject_reply: { from: ['replied'], to: 'in_progress', roles: ['dispatcher'], label: { zh: '审核退回', en: 'Reject reply' } },
  callback: { from: ['awaiting_callback'], to: 'depends', roles: ['dispatcher'], label: { zh: '回访', en: 'Call back' } },
  rate: { from: ['awaiting_callback'], to: 'depends', roles: ['citizen'], label: { zh: '评价', en: 'Rate' } },
  merge: { from: ['registered'], to: 'closed', roles: ['dispatcher'], label: { zh: '合并', en: 'Merge' } },
  invalidate: { from: ['registered'], to: 'closed', roles: ['dispatcher'], label: { zh: '作废', en: 'Invalidate' } },
  comment: {
    from: OPEN,
    to: 'same',
    roles: ['admin', 'agent', 'dispatcher', 'supervisor', 'leader', 'unit_handler', 'citizen'],
    unitScope: 'lead_or_co',
    label: { zh: '备注', en: 'Comment' },
  },
  supervise: { from: OPEN, to: 'same', roles: ['supervisor', 'leader'], label: { zh: '督办', en: 'Supervise' } },
};
