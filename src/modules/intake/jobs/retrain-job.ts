import type { AppContext } from '../../../platform/context';
import type { Job } from '../../../platform/jobs/runner';
import { SYSTEM_ACTOR } from '../../../platform/roles';
import type { IntakeRuntime } from '../app/intake-runtime';
import { ensureIntakeModel, retrainIfDue } from '../app/train-intake-model';
import type { ModelVersionMeta } from '../domain/intake';

export interface RetrainJobOptions {
  /** How often the node asks whether a retrain is due. */
  checkMinutes?: number;
  /**
   * The demo city ships a model: while the database has none, ask every minute (a first start interrupted while
   * training it, or another node's claim that expired, must not leave the assistant without a model for long).
   */
  ensureDemoModel?: boolean;
  onTrained?: (model: ModelVersionMeta) => void;
}

/**
 * The retraining schedule, ticking every minute on every node: every `checkMinutes` it asks whether a retrain
 * is due (interval passed and new orders closed since the last version). A due retrain is claimed in the
 * database first (train-intake-model.ts), so one node trains it and the others skip it. The first tick after
 * start trains the demo model when there is none.
 */
export function retrainJob(ctx: AppContext, intake: IntakeRuntime, options: RetrainJobOptions = {}): Job {
  const checkMinutes = options.checkMinutes ?? 30;
  let minutes = -1;
  return {
    name: 'intake.retrain',
    everyMs: 60_000,
    scope: 'node',
    async run() {
      minutes++;
      if (minutes > 0 && minutes % checkMinutes === 0) return retrainIfDue(ctx, intake, SYSTEM_ACTOR);
      return options.ensureDemoModel ? ensureIntakeModel(ctx, intake, SYSTEM_ACTOR) : null; // one read when a model exists
    },
    onResult: (model) => {
      if (model) options.onTrained?.(model as ModelVersionMeta);
    },
  };
}
