import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module';
import { open311AdminRoutes } from './admin.routes';
import { registerQueued, type RegisterReport } from './app/register';
import { open311Routes } from './open311.routes';
import type { Open311Options } from './options';
import { open311OrderView } from './order-view';

export type { Open311Options, RegisterReport };
export { Open311Fields } from './order-view';

/** The defaults: jurisdiction_id is the city's division code unless configured. */
export const defaultOpen311Options = (cityCode: string, cityName: string): Open311Options => ({
  jurisdictionId: cityCode,
  postsPerMinute: 60,
  readsPerMinute: 600,
  queueIntervalMs: 5000,
  baseUrl: null,
  contact: `${cityName}12345 政务服务便民热线 (12345 government service hotline)`,
  keyService: 'API keys are issued by the hotline administrator (console: Open311 接入 → client apps). 由热线管理员在控制台「Open311 接入」页面签发。',
  endpointType: 'production',
});

/**
 * Open311 GeoReport v2: existing 311 apps and civic tools list the services (our leaf categories), file requests
 * (ordinary orders on channel open311) and follow them, in XML and JSON, with keys the admin issues per app.
 */
export function open311Module(options: Open311Options): Module {
  return {
    name: 'open311',
    tables: ['open311_clients', 'open311_services', 'open311_attributes', 'open311_submissions', 'open311_rate_windows', 'open311_settings'],
    migrations: fileURLToPath(new URL('./migrations/', import.meta.url)),
    routes: open311AdminRoutes(options),
    rootRoutes: open311Routes(options),
    orderView: () => open311OrderView(),
    jobs: (ctx) => [
      {
        name: 'open311.register',
        everyMs: options.queueIntervalMs,
        scope: 'cluster',
        run: () => registerQueued(ctx),
      },
    ],
  };
}
