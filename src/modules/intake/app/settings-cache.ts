import type { Sql } from '../../../platform/db/database';
import { intakeStore, type IntakeSettings } from '../intake.store';
import type { AppContext } from '../../../platform/context';
import { TtlCache } from '../../../platform/ttl-cache';

const SETTINGS_TTL_MS = 5_000;
const caches = new WeakMap<AppContext, TtlCache<'settings', IntakeSettings>>();

/**
 * The intake settings as the automatic-dispatch hook reads them on every new order: remembered for a few
 * seconds (no query per order); a change through this node is seen at once, on other nodes within 5 s.
 */
export function intakeSettingsCache(ctx: AppContext): TtlCache<'settings', IntakeSettings> {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new TtlCache(ctx.clock, SETTINGS_TTL_MS);
    caches.set(ctx, cache);
  }
  return cache;
}

/** The intake settings, from the cache or (once per TTL) from the database. */
export async function cachedIntakeSettings(ctx: AppContext, sql: Sql): Promise<IntakeSettings> {
  const cache = intakeSettingsCache(ctx);
  let settings = cache.get('settings');
  if (!settings) {
    settings = await intakeStore(sql).settings();
    cache.set('settings', settings);
  }
  return settings;
}
