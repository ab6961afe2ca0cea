import { describe, expect, it } from 'vitest';
import { RETRAIN_CLAIM_MINUTES, retrainClaimUntil, retrainIntervalPassed } from './retrain-schedule';

const now = new Date('2025-10-08T02:00:00.000Z');

describe('retrain schedule', () => {
  it.each([
    ['the interval has passed', 168, '2025-10-01T02:00:00.000Z', true],
    ['the last version is younger than the interval', 168, '2025-10-01T02:00:01.000Z', false],
    ['there is no version yet', 168, null, true],
    ['retraining is off (interval 0)', 0, '2025-01-01T00:00:00.000Z', false],
    ['retraining is off even without a version', 0, null, false],
  ] as const)('%s', (_name, hours, last, expected) => {
    expect(retrainIntervalPassed(hours, last, now)).toBe(expected);
  });

  it('claims for longer than a training and for less than the 30-minute check', () => {
    expect(retrainClaimUntil(now).toISOString()).toBe('2025-10-08T02:20:00.000Z');
    expect(RETRAIN_CLAIM_MINUTES).toBeGreaterThan(1);
    expect(RETRAIN_CLAIM_MINUTES).toBeLessThan(30);
    expect(retrainClaimUntil(now, 5).toISOString()).toBe('2025-10-08T02:05:00.000Z');
  });
});
