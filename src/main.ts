import type { City } from './platform/context';
import type { Module } from './platform/module';
import { authModule } from './modules/auth';
import { deadlinesModule, type DeadlinesOptions } from './modules/deadlines';
import { intakeModule, type IntakeModule, type IntakeOptions } from './modules/intake';
import { open311Module, defaultOpen311Options, type Open311Options } from './modules/open311';
import { orgModule } from './modules/org';
import { portalModule } from './modules/portal';
import { ticketsModule } from './modules/tickets';

export interface ModuleOptions {
  city: City;
  intake: Omit<IntakeOptions, 'city'>;
  deadlines: DeadlinesOptions;
  /** Open311 GeoReport v2 (defaults: defaultOpen311Options). */
  open311?: Partial<Open311Options>;
}

/**
 * The wiring: the capabilities this platform runs, one line each. The server (server.ts) and every HTTP test
 * (test/support/http.ts) take this list, so tests run the platform production runs. Reactions run in the order
 * they declare, not in list order (docs/architecture.md has the table).
 */
export function platformModules(options: ModuleOptions): { modules: Module[]; intake: IntakeModule } {
  const intake = intakeModule({ ...options.intake, city: options.city });
  const modules: Module[] = [
    orgModule,
    authModule,
    ticketsModule,
    deadlinesModule(options.deadlines),
    intake,
    portalModule,
    open311Module({ ...defaultOpen311Options(options.city.code, options.city.name), ...options.open311 }),
  ];
  return { modules, intake };
}
