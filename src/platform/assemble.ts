import { fileURLToPath } from 'node:url';
import type { AppContext } from './context';
import { createEventLog } from './events/event-log';
import type { Module } from './module';

/** The platform's own migrations (the foundation, the event log, job claims). */
export const PLATFORM_MIGRATIONS = fileURLToPath(new URL('./db/migrations/', import.meta.url));

/** Every folder of migrations: the platform's, then each module's (files run in global name order). */
export const migrationDirs = (modules: readonly Module[]): string[] => [PLATFORM_MIGRATIONS, ...modules.flatMap((m) => (m.migrations ? [m.migrations] : []))];

/**
 * Completes a context with what the modules bring: the event log with their reactions (in declared order) and
 * their extensions of the order views. Refuses two modules of one name and a second authenticator.
 */
export function assembleContext(base: Omit<AppContext, 'events' | 'orderViews'>, modules: readonly Module[]): AppContext {
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`module ${m.name} is listed twice`);
    names.add(m.name);
  }
  if (modules.filter((m) => m.authenticate).length > 1) throw new Error('only one module may authenticate');
  const ctx: AppContext = { ...base, events: createEventLog(base, []), orderViews: [] };
  // Reactions and views close over the finished context: they run only after it is complete.
  ctx.events = createEventLog(base, modules.flatMap((m) => m.reactions?.(ctx) ?? []));
  ctx.orderViews = modules.flatMap((m) => (m.orderView ? [m.orderView(ctx)] : []));
  return ctx;
}
