import { intakeStore, type ModelVersionMeta, type TrainingRow } from '../../adapters/db/intake.store';
import { AppError } from '../../domain/errors';
import { hasRole, type Actor } from '../../domain/roles';
import { CATEGORY_TARGET, STREET_UNIT_LABEL, UNIT_TARGET } from '../../intake/analyze';
import { generateDemoOrders } from '../../intake/demo-orders';
import { demoTrainingExamples } from '../../intake/demo-model';
import { DEFAULT_TEXT_MODEL_CONFIG, type TextModelConfig, type TrainingExample } from '../../intake/text-model';
import type { AppContext } from '../ports';
import type { IntakeRuntime } from './intake-runtime';

/** At most this many closed orders are used (the newest). */
const MAX_HISTORY = 200_000;
/** Below this many usable closed orders, the demo orders are added so every category has examples. */
const MIN_HISTORY_ALONE = 500;

/**
 * What the hotline finally decided becomes the label: the order's final category, and the unit that actually
 * handled it (a street office is learned as the street role, resolved by place at prediction). Returns and
 * re-dispatches are negative evidence: the units that sent an order back are never its label, and an order
 * that needed a re-dispatch after an unsatisfied callback counts half for the unit (the unit was contested).
 * Direct answers teach the category only.
 */
export function historyExamples(rows: readonly TrainingRow[]): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const r of rows) {
    const unitLabel =
      r.closure === 'direct_answer' || !r.leadUnitId ? undefined : r.leadUnitKind === 'street' ? STREET_UNIT_LABEL : r.leadUnitId;
    if (!r.categoryCode && !unitLabel) continue;
    const contested = r.redispatchCount > 0 || r.satisfaction === 'unsatisfied';
    examples.push({
      title: r.title,
      body: r.content,
      labels: { [CATEGORY_TARGET]: r.categoryCode ?? undefined, [UNIT_TARGET]: unitLabel },
      weight: contested ? 0.5 : 1,
    });
  }
  return examples;
}

/** A faster configuration for the shipped demo model: template text converges in fewer SGD steps. */
export const DEMO_MODEL_CONFIG: TextModelConfig = {
  ...DEFAULT_TEXT_MODEL_CONFIG,
  softmax: { ...DEFAULT_TEXT_MODEL_CONFIG.softmax, maxSteps: 15_000 },
};

export interface TrainOptions {
  /** Add the demo city's synthetic orders (default: only when history is short). */
  includeDemo?: boolean;
  /** Only demo orders (the shipped model). */
  demoOnly?: boolean;
  config?: TextModelConfig;
}

/** Trains a new model version from the platform's closed orders, stores it and activates it. */
export async function trainIntakeModel(ctx: AppContext, intake: IntakeRuntime, actor: Actor, options: TrainOptions = {}): Promise<ModelVersionMeta> {
  if (actor.kind !== 'system' && !hasRole(actor, 'admin')) throw new AppError('AUTH.FORBIDDEN', '只有管理员可以训练模型 Only admins train models');
  const store = intakeStore(ctx.db);
  const history = options.demoOnly ? [] : historyExamples(await store.trainingRows(MAX_HISTORY));
  const withDemo = options.demoOnly || (options.includeDemo ?? history.length < MIN_HISTORY_ALONE);
  const demo = withDemo ? demoTrainingExamples(generateDemoOrders(intake.divisions(), { count: intake.demoOrderCount, seed: 12345 })) : [];
  const examples = [...history, ...demo];
  const categoryLabels = new Set(examples.map((e) => e.labels[CATEGORY_TARGET]).filter(Boolean));
  if (examples.length < 20 || categoryLabels.size < 2) {
    throw new AppError('MODEL.TRAINING_DATA_INSUFFICIENT', `只有 ${examples.length} 条可用的已办结工单 Only ${examples.length} usable closed orders; include the demo orders or wait for more history`, 'includeDemo');
  }
  const config = options.config ?? (history.length === 0 ? DEMO_MODEL_CONFIG : DEFAULT_TEXT_MODEL_CONFIG);
  const started = Date.now();
  const model = await intake.train({ examples, targets: [CATEGORY_TARGET, UNIT_TARGET], config });
  const trainMs = Date.now() - started;
  const json = JSON.stringify(model.json);
  const heads = model.json.heads;
  return ctx.db.transaction((tx) =>
    intakeStore(tx).insertModel(
      {
        id: ctx.ids.id(),
        createdAt: ctx.clock.now().toISOString(),
        createdBy: actor.kind === 'system' ? 'system' : actor.id,
        source: history.length === 0 ? 'demo' : demo.length > 0 ? 'history+demo' : 'history',
        trainedOn: examples.length,
        metrics: {
          historyOrders: history.length,
          demoOrders: demo.length,
          features: model.json.vectorizer.terms.length,
          categoryLabels: heads[CATEGORY_TARGET]?.labels.length ?? 0,
          unitLabels: heads[UNIT_TARGET]?.labels.length ?? 0,
          categoryTemperature: heads[CATEGORY_TARGET]?.members[0]?.temperature ?? null,
          unitTemperature: heads[UNIT_TARGET]?.members[0]?.temperature ?? null,
          algorithm: config.algorithm,
          trainMs,
          modelBytes: json.length,
        },
      },
      json,
    ),
  );
}

/** The demo city ships a model: train one on the demo orders when the database has none. */
export async function ensureIntakeModel(ctx: AppContext, intake: IntakeRuntime, actor: Actor): Promise<ModelVersionMeta | null> {
  if (await intakeStore(ctx.db).latest()) return null;
  return trainIntakeModel(ctx, intake, actor, { demoOnly: true });
}

/** The schedule: retrain when the interval has passed since the last version and new orders have closed. */
export async function retrainIfDue(ctx: AppContext, intake: IntakeRuntime, actor: Actor): Promise<ModelVersionMeta | null> {
  const store = intakeStore(ctx.db);
  const settings = await store.settings();
  if (settings.retrainIntervalHours <= 0) return null;
  const latest = await store.latest();
  const now = ctx.clock.now().getTime();
  if (latest && now - new Date(latest.createdAt).getTime() < settings.retrainIntervalHours * 3600_000) return null;
  if (latest && (await store.closedSince(latest.createdAt)) === 0) return null;
  return trainIntakeModel(ctx, intake, actor);
}
