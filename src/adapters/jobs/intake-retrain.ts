import type { IntakeRuntime } from '../../app/intake/intake-runtime';
import { ensureIntakeModel, retrainIfDue } from '../../app/intake/train-intake-model';
import type { AppContext } from '../../app/ports';
import { SYSTEM_ACTOR } from '../../domain/roles';

export interface RetrainScheduleOptions {
  /** How often the node asks whether a retrain is due. */
  checkMinutes?: number;
  /**
   * The demo city ships a model: while the database has none, ask every minute (a first start interrupted while
   * training it, or another node's claim that expired, must not leave the assistant without a model for long).
   */
  ensureDemoModel?: boolean;
}

/**
 * The retraining schedule: every `checkMinutes` the node asks whether a retrain is due (interval passed and
 * new orders closed since the last version). Every node may run one: a due retrain is claimed in the database
 * first, so one node trains it and the others skip it. The timer does not keep the process alive.
 */
export function startIntakeRetrainSchedule(ctx: AppContext, intake: IntakeRuntime, options: RetrainScheduleOptions = {}): () => void {
  const checkMinutes = options.checkMinutes ?? 30;
  let running = false;
  let minutes = 0;
  const tick = async () => {
    minutes++;
    if (minutes % checkMinutes === 0) await retrainIfDue(ctx, intake, SYSTEM_ACTOR);
    else if (options.ensureDemoModel) await ensureIntakeModel(ctx, intake, SYSTEM_ACTOR); // one read when a model exists
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick()
      .catch((error: unknown) => console.error('intake retrain failed:', error instanceof Error ? error.message : error))
      .finally(() => {
        running = false;
      });
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
