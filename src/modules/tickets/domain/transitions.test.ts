import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors';
import type { Actor } from '../../../platform/roles';
import { ACTION_NAMES, type ActionName, type TicketCommand } from './commands';
import { allowedActions, decide } from './decide';
import { aTicketIn, anActor } from './fixtures';
import { STATUSES, type Status } from '../../../platform/events/order';

// The workflow as issue #2 states it, written out independently of transitions.ts.
const OPEN: Status[] = ['registered', 'dispatched', 'in_progress', 'replied', 'awaiting_callback'];
type ActorName =
  | 'admin' | 'agent' | 'dispatcher' | 'supervisor' | 'leader'
  | 'handlerOfLeadUnit' | 'handlerOfCoUnit' | 'handlerOfOtherUnit' | 'owningCitizen' | 'otherCitizen';
const ACTORS: Record<ActorName, Actor> = {
  admin: anActor('admin', ['admin']),
  agent: anActor('agent', ['agent']),
  dispatcher: anActor('dispatcher', ['dispatcher']),
  supervisor: anActor('supervisor', ['supervisor']),
  leader: anActor('leader', ['leader']),
  handlerOfLeadUnit: anActor('h1', ['unit_handler'], 'u-lead'),
  handlerOfCoUnit: anActor('h2', ['unit_handler'], 'u-co'),
  handlerOfOtherUnit: anActor('h3', ['unit_handler'], 'u-other'),
  owningCitizen: anActor('citizen-owner', ['citizen']),
  otherCitizen: anActor('citizen-other', ['citizen']),
};
const roleOf = (a: ActorName) => ACTORS[a].roles[0]!;

const SPEC: Record<ActionName, { from: Status[]; who: ActorName[] }> = {
  answer: { from: ['registered'], who: ['agent', 'dispatcher'] },
  dispatch: { from: ['registered'], who: ['dispatcher'] },
  sign: { from: ['dispatched'], who: ['handlerOfLeadUnit'] },
  return: { from: ['dispatched', 'in_progress'], who: ['handlerOfLeadUnit'] },
  request_extension: { from: ['in_progress'], who: ['handlerOfLeadUnit'] },
  decide_extension: { from: ['in_progress'], who: ['dispatcher'] },
  reply: { from: ['in_progress'], who: ['handlerOfLeadUnit'] },
  approve_reply: { from: ['replied'], who: ['dispatcher'] },
  reject_reply: { from: ['replied'], who: ['dispatcher'] },
  callback: { from: ['awaiting_callback'], who: ['dispatcher'] },
  rate: { from: ['awaiting_callback'], who: ['owningCitizen'] },
  merge: { from: ['registered'], who: ['dispatcher'] },
  invalidate: { from: ['registered'], who: ['dispatcher'] },
  comment: {
    from: OPEN,
    who: ['admin', 'agent', 'dispatcher', 'supervisor', 'leader', 'handlerOfLeadUnit', 'handlerOfCoUnit', 'owningCitizen'],
  },
  supervise: { from: OPEN, who: ['supervisor', 'leader'] },
};

const COMMANDS: Record<ActionName, TicketCommand> = {
  answer: { action: 'answer', answer: '根据政策答复' },
  dispatch: { action: 'dispatch', leadUnitId: 'u-lead' },
  sign: { action: 'sign' },
  return: { action: 'return', reason: '不属本单位职责' },
  request_extension: { action: 'request_extension', hours: 48, reason: '需协调' },
  decide_extension: { action: 'decide_extension', approve: true },
  reply: { action: 'reply', reply: '已处理完毕', resolved: true },
  approve_reply: { action: 'approve_reply' },
  reject_reply: { action: 'reject_reply', reason: '答复不完整' },
  callback: { action: 'callback', satisfaction: 'satisfied' },
  rate: { action: 'rate', satisfaction: 'satisfied' },
  merge: { action: 'merge', intoTicketId: 't0' },
  invalidate: { action: 'invalidate', reason: '骚扰电话' },
  comment: { action: 'comment', text: '已联系市民' },
  supervise: { action: 'supervise', note: '请加快办理' },
};

function expected(status: Status, action: ActionName, actor: ActorName): string {
  const spec = SPEC[action];
  const roleMayEver = spec.who.some((w) => roleOf(w) === roleOf(actor));
  if (!roleMayEver) return 'AUTH.FORBIDDEN';
  if (!spec.from.includes(status)) return 'TICKET.ILLEGAL_TRANSITION';
  if (!spec.who.includes(actor)) return 'AUTH.FORBIDDEN';
  // A registered order has no unit yet, so no unit handler is involved in it.
  if (status === 'registered' && roleOf(actor) === 'unit_handler') return 'AUTH.FORBIDDEN';
  // The in-progress fixture has no pending extension request.
  if (action === 'decide_extension') return 'TICKET.NO_PENDING_EXTENSION';
  return 'ok';
}

function outcome(status: Status, action: ActionName, actor: ActorName): string {
  try {
    decide(aTicketIn(status), COMMANDS[action], ACTORS[actor]);
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe('transition table: every status × action × actor', () => {
  const cases = STATUSES.flatMap((s) =>
    ACTION_NAMES.flatMap((a) => (Object.keys(ACTORS) as ActorName[]).map((who) => [s, a, who] as const)),
  );
  it('covers 6 statuses × 15 actions × 10 actors', () => expect(cases).toHaveLength(900));
  it.each(cases)('given %s, when %s by %s', (status, action, who) => {
    expect(outcome(status, action, who)).toBe(expected(status, action, who));
  });
});

describe('allowedActions agrees with decide', () => {
  it.each(STATUSES.flatMap((s) => (Object.keys(ACTORS) as ActorName[]).map((who) => [s, who] as const)))(
    'in %s for %s',
    (status, who) => {
      const allowed = allowedActions(aTicketIn(status), ACTORS[who]);
      const succeeding = ACTION_NAMES.filter((a) => outcome(status, a, who) === 'ok');
      expect(allowed).toEqual(succeeding);
    },
  );
});
