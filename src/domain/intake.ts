/**
 * What the smart-intake administration exchanges: a stored model version and the settings of automatic dispatch
 * and retraining. Shared by the store, the use cases, the HTTP routes and the console.
 */

export interface ModelVersionMeta {
  id: string;
  version: number;
  createdAt: string;
  /** A user id, or `system` (the demo model, scheduled retraining). */
  createdBy: string | null;
  /** Who that is, for every role that reads versions (only admins may list users): the display name, or the system's. */
  createdByName: string | null;
  source: 'demo' | 'history' | 'history+demo';
  trainedOn: number;
  /** Whatever the trainer recorded (data counts, labels, temperatures, training time, size). */
  metrics: Record<string, unknown>;
  active: boolean;
}

export interface IntakeSettings {
  autoDispatchEnabled: boolean;
  /** A calibrated probability in (0, 1]. */
  autoDispatchThreshold: number;
  /** 0 = never retrain on a schedule. */
  retrainIntervalHours: number;
  updatedAt: string | null;
  updatedBy: string | null;
  /** The display name of `updatedBy` (the system's name for `system`), read with the settings. */
  updatedByName: string | null;
}
