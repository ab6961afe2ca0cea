import { describe, expect, it } from 'vitest';
import type { DeadlinePolicy, DeadlineRule } from './deadline-policy';
import { DEFAULT_SLA_POLICY, selectRule, validateRules } from './deadline-policy';

const rule = (partial: Partial<DeadlineRule> & Pick<DeadlineRule, 'urgency'>, replyDays: number): DeadlineRule => ({
  categoryPrefix: null,
  unitId: null,
  sign: { amount: 1, unit: 'working_days' },
  reply: { amount: replyDays, unit: 'working_days' },
  ...partial,
});

const policy: DeadlinePolicy = {
  version: 7,
  rules: [
    rule({ urgency: 'normal' }, 5),
    rule({ urgency: 'normal', categoryPrefix: '01' }, 4),
    rule({ urgency: 'normal', categoryPrefix: '0102' }, 3),
    rule({ urgency: 'normal', unitId: 'water' }, 10),
    rule({ urgency: 'normal', unitId: 'water', categoryPrefix: '01' }, 8),
    rule({ urgency: 'urgent', categoryPrefix: '01' }, 1),
  ],
};

describe('policy selection: unit > longest category prefix > urgency default', () => {
  it.each([
    ['normal', null, null, 5, 'urgency default'],
    ['normal', '0301', null, 5, 'category without a rule → default'],
    ['normal', '010101', null, 4, 'category subtree 01'],
    ['normal', '010201', null, 3, 'longer prefix 0102 wins over 01'],
    ['normal', '0301', 'water', 10, 'unit rule wins over the default'],
    ['normal', '010201', 'water', 8, 'unit + category wins over a longer category alone'],
    ['normal', '010201', 'police', 3, 'another unit does not match the unit rule'],
    ['urgent', '0101', null, 1, 'urgent category rule'],
    ['urgent', '0301', null, 2, 'no urgent default in the policy → built-in default (2 working days)'],
    ['emergency', null, null, 24, 'built-in emergency default: 24 calendar hours'],
  ] as const)('%s / %s / %s → reply %s (%s)', (urgency, categoryCode, unitId, amount, _why) => {
    expect(selectRule(policy, { urgency, categoryCode, unitId }).reply.amount).toBe(amount);
  });

  it('has the issue defaults built in', () => {
    const pick = (urgency: 'normal' | 'urgent' | 'emergency') =>
      selectRule(DEFAULT_SLA_POLICY, { urgency, categoryCode: null, unitId: null });
    expect(pick('emergency')).toMatchObject({ sign: { amount: 1, unit: 'calendar_hours' }, reply: { amount: 24, unit: 'calendar_hours' } });
    expect(pick('urgent')).toMatchObject({ sign: { amount: 4, unit: 'working_hours' }, reply: { amount: 2, unit: 'working_days' } });
    expect(pick('normal')).toMatchObject({ sign: { amount: 1, unit: 'working_days' }, reply: { amount: 5, unit: 'working_days' } });
  });
});

describe('policy validation', () => {
  it('accepts the defaults', () => {
    expect(validateRules(DEFAULT_SLA_POLICY.rules)).toEqual([]);
  });

  it('names every problem and where it is', () => {
    const problems = validateRules([
      rule({ urgency: 'normal' }, 5),
      rule({ urgency: 'normal' }, 6),
      rule({ urgency: 'urgent', categoryPrefix: 'x1' }, 1),
      { ...rule({ urgency: 'urgent' }, 1), sign: { amount: 0, unit: 'working_hours' } },
      { ...rule({ urgency: 'emergency' }, 1), reply: { amount: 1, unit: 'weeks' as 'working_days' } },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['rules[1]', 'rules[2].categoryPrefix', 'rules[3].sign', 'rules[4].reply']);
  });
});
