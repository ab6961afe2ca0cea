import type { Urgency } from '../../../platform/events/order';

/**
 * 一级响应: while a city is in emergency mode, orders carrying the tag (e.g. 涉疫) are handled as emergencies:
 * they get the emergency deadline policy and come first in every queue.
 */
export interface EmergencyMode {
  active: boolean;
  tag: string | null;
}

export function isEmergencyTagged(tags: readonly string[], mode: EmergencyMode): boolean {
  return mode.active && mode.tag !== null && tags.includes(mode.tag);
}

/** The urgency used to pick the deadline policy. */
export function policyUrgency(urgency: Urgency, tags: readonly string[], mode: EmergencyMode): Urgency {
  return isEmergencyTagged(tags, mode) ? 'emergency' : urgency;
}
