/**
 * When the intake model is retrained on schedule. Every node checks every 30 minutes; a due retrain is claimed in
 * the database first, so only one node trains it (see `retrainIfDue`).
 */

/**
 * How long a node's claim on a due retrain (or on an admin's "train now") lasts. Training takes up to about a
 * minute, so this is ample; it is shorter than the 30-minute check so that a node that died while training delays
 * the retrain by one check only, and blocks other trainings for 20 minutes at most.
 */
export const RETRAIN_CLAIM_MINUTES = 20;

/**
 * The demo model (3,000 generated orders) trains in seconds: a node stopped while training it (a first `npm start`
 * interrupted) holds the claim this long only, so the next start or the minute check trains it soon.
 */
export const DEMO_MODEL_CLAIM_MINUTES = 3;

/** Whether the interval has passed since the last version (no version yet: yes; an interval of 0 turns it off). */
export function retrainIntervalPassed(intervalHours: number, lastVersionAt: string | null, now: Date): boolean {
  if (intervalHours <= 0) return false;
  if (lastVersionAt === null) return true;
  return now.getTime() - new Date(lastVersionAt).getTime() >= intervalHours * 3600_000;
}

/** Until when a claim taken now holds. */
export function retrainClaimUntil(now: Date, minutes: number = RETRAIN_CLAIM_MINUTES): Date {
  return new Date(now.getTime() + minutes * 60_000);
}
