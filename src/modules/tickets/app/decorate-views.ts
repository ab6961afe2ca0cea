import type { AppContext } from '../../../platform/context';

/** Adds what each module's view extension knows about these orders (one query per extension for the page). */
export async function decorateViews<T extends { id: string; version: number }>(ctx: AppContext, views: T[]): Promise<T[]> {
  const now = ctx.clock.now();
  for (const extension of ctx.orderViews) {
    if (!extension.decorate) continue;
    const fields = await extension.decorate(ctx.db, views, now);
    views = views.map((v) => ({ ...v, ...fields.get(v.id) }));
  }
  return views;
}
