import { intakeStore, type IntakeStore, type ModelVersionMeta, type TrainingRow } from '../intake.store';
import { AppError } from '../../../platform/errors';
import { hasRole, type Actor } from '../../../platform/roles';
import { CATEGORY_TARGET, STREET_UNIT_LABEL, UNIT_TARGET } from '../engine/analyze';
import { generateDemoOrders } from '../engine/demo-orders';
import { demoTrainingExamples } from '../engine/demo-model';
import { DEMO_MODEL_CLAIM_MINUTES, RETRAIN_CLAIM_MINUTES, retrainClaimUntil, retrainIntervalPassed } from '../engine/retrain-schedule';
import { DEFAULT_TEXT_MODEL_CONFIG, type TextModelConfig, type TrainingExample } from '../engine/text-model';
import type { AppContext } from '../../../platform/context';
import type { Sql } from '../../../platform/db/database';
import { listUnits } from '../../org';
import { closedOrdersForTraining, countClosedSince } from '../../tickets';
import type { IntakeRuntime } from './intake-runtime';
import { withModelNames } from './names';

/** Closed orders with the kind of the unit that handled them: the training data, newest first. */
async function trainingRows(sql: Sql, limit: number): Promise<TrainingRow[]> {
  const kinds = new Map((await listUnits(sql)).map((u) => [u.id, u.kind]));
  return (await closedOrdersForTraining(sql, limit)).map((o) => ({ ...o, leadUnitKind: o.leadUnitId ? (kinds.get(o.leadUnitId) ?? null) : null }));
}

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

/**
 * The admin's "train now": trains a new model version from the platform's closed orders, stores it and activates
 * it. It takes the same claim as the schedule and the first-start demo model (with the schedule's expiry), so at
 * most one training runs at a time on all nodes: while another training holds the claim (the schedule, the demo
 * model, another admin's click) it is refused with MODEL.TRAINING_IN_PROGRESS. It is never skipped as "not due":
 * with the claim it always trains.
 */
export async function trainIntakeModel(ctx: AppContext, intake: IntakeRuntime, actor: Actor, options: TrainOptions = {}): Promise<ModelVersionMeta> {
  requireTrainer(actor);
  const always = async () => true;
  const outcome = await trainUnderClaim(ctx, always, () => trainVersion(ctx, intake, actor, options), RETRAIN_CLAIM_MINUTES);
  if (outcome.stored) return (await withModelNames(ctx.db, [outcome.stored]))[0]!;
  // Claim held by another training, or (after a training longer than the claim) taken over by one.
  throw new AppError(
    'MODEL.TRAINING_IN_PROGRESS',
    '另一次模型训练正在进行，请在其完成后再试 Another model training is running (scheduled, first start or another admin); try again when it has finished',
  );
}

function requireTrainer(actor: Actor): void {
  if (actor.kind !== 'system' && !hasRole(actor, 'admin')) throw new AppError('AUTH.FORBIDDEN', '只有管理员可以训练模型 Only admins train models');
}

/** Trains a version (in the worker thread in production) without storing it. */
async function trainVersion(
  ctx: AppContext,
  intake: IntakeRuntime,
  actor: Actor,
  options: TrainOptions,
): Promise<{ meta: Omit<ModelVersionMeta, 'version' | 'active' | 'createdByName' | 'archivedAt'>; json: string; keep: number }> {
  requireTrainer(actor);
  const history = options.demoOnly ? [] : historyExamples(await trainingRows(ctx.db, MAX_HISTORY));
  const withDemo = options.demoOnly || (options.includeDemo ?? history.length < MIN_HISTORY_ALONE);
  const demo = withDemo ? demoTrainingExamples(generateDemoOrders(intake.divisions(), { count: intake.demoOrderCount, seed: 12345, city: intake.city })) : [];
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
  return {
    meta: {
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
    keep: intake.modelsKept,
  };
}

/** The demo city ships a model: train one on the demo orders when the database has none. */
export async function ensureIntakeModel(
  ctx: AppContext,
  intake: IntakeRuntime,
  actor: Actor,
  options: { claimMinutes?: number } = {},
): Promise<ModelVersionMeta | null> {
  // Several nodes may start on a new database at once: the same claim as the schedule lets one of them train it.
  const noModelYet = async (store: IntakeStore) => (await store.latest()) === null;
  const outcome = await trainUnderClaim(ctx, noModelYet, () => trainVersion(ctx, intake, actor, { demoOnly: true }), options.claimMinutes ?? DEMO_MODEL_CLAIM_MINUTES);
  return outcome.stored ?? null;
}

/**
 * The schedule: retrain when the interval has passed since the last version and new orders have closed since.
 * Every node runs it, so a due retrain is first claimed in the database (one row, compare-and-set, expiring after
 * `claimMinutes`) and the check is re-done under the claim: of several nodes, one trains and the others return
 * null. The claim is checked again in the transaction that stores the version: a node whose claim expired while
 * it trained and was taken over by another drops its result, so a due retrain never stores two versions.
 */
export async function retrainIfDue(
  ctx: AppContext,
  intake: IntakeRuntime,
  actor: Actor,
  options: { claimMinutes?: number } = {},
): Promise<ModelVersionMeta | null> {
  const due = (store: IntakeStore) => retrainDue(ctx.db, store, ctx.clock.now());
  const outcome = await trainUnderClaim(ctx, due, () => trainVersion(ctx, intake, actor, {}), options.claimMinutes);
  return outcome.stored ?? null;
}

/** What a training under the claim came to: a stored version, or why nothing was stored. */
type ClaimedTraining = { stored: ModelVersionMeta } | { stored?: undefined; skipped: 'not_needed' | 'claim_held' | 'claim_lost' };

/**
 * Trains and stores a version only while this node holds the retrain claim and `needed` still holds: checked before
 * the claim (the usual answer is no, without a write), again under it, and the claim once more in the transaction
 * that stores the version. Of several trainings at once (nodes, schedule, demo model, admins), one trains; the
 * others store nothing and say why.
 */
async function trainUnderClaim(
  ctx: AppContext,
  needed: (store: IntakeStore) => Promise<boolean>,
  train: () => ReturnType<typeof trainVersion>,
  claimMinutes: number | undefined,
): Promise<ClaimedTraining> {
  const store = intakeStore(ctx.db);
  if (!(await needed(store))) return { skipped: 'not_needed' };
  const token = ctx.ids.id();
  const now = ctx.clock.now();
  const until = retrainClaimUntil(now, claimMinutes);
  if (!(await store.claimRetrain(token, now.toISOString(), until.toISOString()))) return { skipped: 'claim_held' }; // another training runs
  try {
    if (!(await needed(store))) return { skipped: 'not_needed' }; // another node stored it between our check and our claim
    const trained = await train();
    return await ctx.db.transaction(async (tx): Promise<ClaimedTraining> => {
      const txStore = intakeStore(tx);
      if (!(await txStore.holdsRetrainClaim(token))) return { skipped: 'claim_lost' }; // our claim expired and another node took over
      return { stored: await txStore.insertModel(trained.meta, trained.json, trained.keep) };
    });
  } finally {
    // After the version is stored, and after a failed training so the next check may try again (if this fails
    // too, the claim just expires).
    await store.releaseRetrain(token).catch(() => undefined);
  }
}

async function retrainDue(sql: Sql, store: IntakeStore, now: Date): Promise<boolean> {
  const settings = await store.settings();
  const latest = await store.latest();
  if (!retrainIntervalPassed(settings.retrainIntervalHours, latest?.createdAt ?? null, now)) return false;
  return latest === null || (await countClosedSince(sql, latest.createdAt)) > 0;
}
