import type { City } from './platform/context';
import type { Module } from './platform/module';
import { authModule } from './modules/auth';
import { deadlinesModule, type DeadlinesOptions } from './modules/deadlines';
import { intakeModule, type IntakeModule, type IntakeOptions } from './modules/intake';
import { orgModule } from './modules/org';
import { portalModule } from './modules/portal';
import { ticketsModule } from './modules/tickets';

export interface ModuleOptions {
  city: City;
  intake: Omit<IntakeOptions, 'city'>;
  deadlines: DeadlinesOptions;
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
  ];
  return { modules, intake };
}
