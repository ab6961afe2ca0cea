// Labels of the API inputs this feature's forms send, for the field a refusal names (shell/errors.ts finds this file).
import type { MessageKey } from '../../shell/i18n';

export const fieldLabels: Readonly<Record<string, MessageKey>> = {
  autoDispatchEnabled: 'intake.autoDispatch',
  autoDispatchThreshold: 'intake.threshold',
  retrainIntervalHours: 'intake.retrain',
  includeDemo: 'intake.source',
  version: 'intake.version',
  days: 'clusters.days',
  minSize: 'clusters.minSize',
};
