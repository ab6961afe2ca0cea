import { fileURLToPath } from 'node:url';
import type { City } from '../../platform/context';
import type { Module } from '../../platform/module';
import { autoDispatchReaction } from './app/auto-dispatch';
import { createIntakeRuntime, type IntakeRuntime, type ModelTrainer } from './app/intake-runtime';
import type { Tokenizer } from './engine/tokenizer';
import { intakeRoutes } from './intake.routes';
import { retrainJob, type RetrainJobOptions } from './jobs/retrain-job';

export type { IntakeRuntime, ModelTrainer };
export { sharedJiebaTokenizer } from './engine/jieba-tokenizer';
export { trainInWorker } from './jobs/train-in-worker';

export interface IntakeOptions {
  city: City;
  tokenizer: Tokenizer;
  /** How models are trained: the server trains in a worker thread; absent, in-process (tests). */
  trainer?: ModelTrainer;
  /** Demo orders the shipped model is trained on (default 3,000; tests use fewer). */
  demoOrderCount?: number;
  /** Model versions that keep their weights (INTAKE_MODELS_KEPT; default 10). */
  modelsKept?: number;
  retrain?: RetrainJobOptions;
}

export type IntakeModule = Module & { runtime: IntakeRuntime };

/**
 * Smart intake: classification, place resolution, entities, similar orders, event clusters, automatic dispatch
 * with its live accuracy, and models retrained from the hotline's own closed orders.
 */
export function intakeModule(options: IntakeOptions): IntakeModule {
  const runtime = createIntakeRuntime(options);
  return {
    name: 'intake',
    tables: ['intake_models', 'intake_settings', 'auto_dispatches', 'intake_retrain_claim'],
    migrations: fileURLToPath(new URL('./migrations/', import.meta.url)),
    runtime,
    routes: intakeRoutes(runtime),
    reactions: (ctx) => [autoDispatchReaction(ctx, runtime)],
    jobs: (ctx) => [retrainJob(ctx, runtime, options.retrain)],
  };
}
