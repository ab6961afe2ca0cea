import type { IntakeRuntime } from '../../app/intake/intake-runtime';
import { retrainIfDue } from '../../app/intake/train-intake-model';
import type { AppContext } from '../../app/ports';
import { SYSTEM_ACTOR } from '../../domain/roles';

/**
 * The retraining schedule: every `checkMinutes` the node asks whether a retrain is due (interval passed and
 * new orders closed since the last version). The timer does not keep the process alive.
 */
export function startIntakeRetrainSchedule(ctx: AppContext, intake: IntakeRuntime, checkMinutes = 30): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    retrainIfDue(ctx, intake, SYSTEM_ACTOR)
      .catch((error: unknown) => console.error('intake retrain failed:', error instanceof Error ? error.message : error))
      .finally(() => {
        running = false;
      });
  }, checkMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
