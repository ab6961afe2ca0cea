import type { AppOptions } from './adapters/http/app';
import { intakeRoutes } from './adapters/http/routes/intake.route';
import { autoDispatchHook } from './app/intake/auto-dispatch';
import { createIntakeRuntime, type IntakeRuntime, type ModelTrainer } from './app/intake/intake-runtime';
import type { AppContext } from './app/ports';
import { trackDeadlines } from './app/sla/track-deadlines';
import type { Tokenizer } from './intake/tokenizer';

export interface FeatureOptions {
  tokenizer: Tokenizer;
  /** How models are trained: main.ts trains in a worker thread; absent, in-process (tests). */
  trainer?: ModelTrainer;
  /** Demo orders the shipped model is trained on (default 3,000; tests use fewer). */
  demoOrderCount?: number;
  /** Model versions that keep their weights (INTAKE_MODELS_KEPT; default 10). */
  modelsKept?: number;
}

export interface Features {
  intake: IntakeRuntime;
  /** The features' routes, for `buildApp(ctx, { plugins })`. */
  plugins: NonNullable<AppOptions['plugins']>;
}

/**
 * The features built on the foundation, wired once for the server (main.ts) and for every HTTP test
 * (test/support/http.ts), so that tests run the platform production runs. Adds the ticket hooks to
 * `ctx.ticketHooks` in the order they must run and returns what `buildApp` and the jobs need.
 */
export function wireFeatures(ctx: AppContext, options: FeatureOptions): Features {
  // Deadlines and warnings follow every change of an order, in the same transaction (issue 4).
  ctx.ticketHooks.push(trackDeadlines(ctx));
  // Smart intake (issue 5): automatic dispatch of confident new orders, after the deadline hook, which it
  // calls itself for the dispatch it makes. It watches new orders only while automatic dispatch is on, so
  // with it off (the default) a new order still takes the one-statement path of create-ticket.ts.
  const intake = createIntakeRuntime(options);
  ctx.ticketHooks.push(autoDispatchHook(ctx, intake));
  return { intake, plugins: [intakeRoutes(intake)] };
}
