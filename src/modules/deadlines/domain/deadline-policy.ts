import type { Urgency } from '../../../platform/events/order';
import type { DeadlineLimit } from './deadline-limit';
import { validateLimit } from './deadline-limit';

/**
 * One row of the deadline policy: for an urgency, optionally narrowed to a category subtree (by code prefix)
 * and/or a handling unit, the time allowed to sign for an order and the time allowed to reply.
 */
export interface DeadlineRule {
  urgency: Urgency;
  categoryPrefix: string | null;
  unitId: string | null;
  sign: DeadlineLimit;
  reply: DeadlineLimit;
}

/** A policy is versioned as a whole: every admin edit stores a new version; tickets record the version used. */
export interface DeadlinePolicy {
  version: number;
  rules: DeadlineRule[];
}

/**
 * Defaults from the issue. Urgent sign is 4 WORKING hours (not calendar): the urgent reply clock already runs on
 * working time, and 7×24 response is what the `emergency` urgency is for; a calendar 4 h sign limit would turn an
 * urgent order received on Friday evening red overnight when no unit office is staffed. Admins can change it.
 */
export const DEFAULT_DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    urgency: 'emergency',
    categoryPrefix: null,
    unitId: null,
    sign: { amount: 1, unit: 'calendar_hours' },
    reply: { amount: 24, unit: 'calendar_hours' },
  },
  {
    urgency: 'urgent',
    categoryPrefix: null,
    unitId: null,
    sign: { amount: 4, unit: 'working_hours' },
    reply: { amount: 2, unit: 'working_days' },
  },
  {
    urgency: 'normal',
    categoryPrefix: null,
    unitId: null,
    sign: { amount: 1, unit: 'working_days' },
    reply: { amount: 5, unit: 'working_days' },
  },
];

export const DEFAULT_SLA_POLICY: DeadlinePolicy = { version: 0, rules: [...DEFAULT_DEADLINE_RULES] };

export interface PolicyTarget {
  urgency: Urgency;
  categoryCode: string | null;
  unitId: string | null;
}

/**
 * Most specific match wins: a unit rule beats a category rule, a longer category prefix beats a shorter one,
 * and the urgency's default rule (no unit, no category) is the fallback. If the policy lacks a default for the
 * urgency, the built-in default applies, so every order always gets deadlines.
 */
export function selectRule(policy: DeadlinePolicy, target: PolicyTarget): DeadlineRule {
  let best: DeadlineRule | null = null;
  let bestScore = -1;
  for (const rule of policy.rules) {
    const score = matchScore(rule, target);
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  if (best) return best;
  const fallback = DEFAULT_DEADLINE_RULES.find((r) => r.urgency === target.urgency);
  if (!fallback) throw new RangeError(`no default deadline rule for urgency ${target.urgency}`);
  return fallback;
}

/** -1 when the rule does not apply; otherwise higher is more specific. */
function matchScore(rule: DeadlineRule, target: PolicyTarget): number {
  if (rule.urgency !== target.urgency) return -1;
  if (rule.unitId !== null && rule.unitId !== target.unitId) return -1;
  if (rule.categoryPrefix !== null && !(target.categoryCode ?? '').startsWith(rule.categoryPrefix)) return -1;
  return (rule.unitId !== null ? 1000 : 0) + (rule.categoryPrefix?.length ?? 0);
}

/** Problems with a rule set, as `{field, message}`; empty when it is valid. */
export function validateRules(rules: readonly DeadlineRule[]): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    const key = `${rule.urgency}|${rule.categoryPrefix ?? ''}|${rule.unitId ?? ''}`;
    if (seen.has(key)) problems.push({ field: `rules[${i}]`, message: 'duplicate rule for the same urgency, category and unit' });
    seen.add(key);
    if (rule.categoryPrefix !== null && !/^\d{2,6}$/.test(rule.categoryPrefix)) {
      problems.push({ field: `rules[${i}].categoryPrefix`, message: 'category prefix must be 2 to 6 digits' });
    }
    const sign = validateLimit(rule.sign);
    if (sign) problems.push({ field: `rules[${i}].sign`, message: sign });
    const reply = validateLimit(rule.reply);
    if (reply) problems.push({ field: `rules[${i}].reply`, message: reply });
  });
  return problems;
}
