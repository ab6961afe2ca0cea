import type { TSchema } from 'typebox';
import type { AppContext } from './context';
import type { Sql } from './db/database';
import type { OrderReaction } from './events/event-log';
import type { EventReader } from './events/readers';
import type { App } from './http/app';
import type { Job } from './jobs/runner';
import type { Actor } from './roles';

/**
 * A capability of the platform (tickets, deadlines, intake, …): everything it brings, in one value that
 * `src/main.ts` lists. The platform knows no module; it collects these.
 */
export interface Module {
  name: string;
  /** The tables it owns. No other module's SQL names them (test/architecture checks it). */
  tables: readonly string[];
  /** Its folder of numbered SQL migrations. Names are global: every migration of every module runs in name order. */
  migrations?: string;
  /** Its HTTP routes, registered under /api/v1. */
  routes?(app: App, ctx: AppContext): void | Promise<void>;
  /** Routes outside /api/v1 (e.g. /open311). */
  rootRoutes?(app: App, ctx: AppContext): void | Promise<void>;
  /** Its reactions to order changes, run inside each change's transaction in their declared order. */
  reactions?(ctx: AppContext): readonly OrderReaction[];
  /** Its readers of the event log, run after commit from their stored cursors. */
  readers?(ctx: AppContext): readonly EventReader[];
  /** Its background jobs. */
  jobs?(ctx: AppContext): readonly Job[];
  /** What it adds to order lists and views (filters, sorts, fields). */
  orderView?(ctx: AppContext): OrderViewExtension;
  /** Exactly one module turns a bearer token into the signed-in actor (auth). */
  authenticate?(ctx: AppContext, token: string | undefined): Promise<Actor>;
  /** Called when the server shuts down (after the jobs stopped). */
  close?(): Promise<void>;
}

/**
 * Fields, filters and sorts a module adds to the orders' lists and views (the deadlines module adds deadlines,
 * the warning colour, `warning=` and `sort=due_asc`). Its SQL reads its own tables, correlated on `tickets.id`.
 */
export interface OrderViewExtension {
  name: string;
  /** Query parameters it adds to GET /tickets. */
  query?: Record<string, TSchema>;
  /** Conditions for those parameters, over `tickets`; `param` adds a value and returns its placeholder. */
  where?(query: Readonly<Record<string, unknown>>, now: Date, param: (value: unknown) => string): string[];
  /** Sorts it adds: name → ORDER BY expression over `tickets` (ties are broken by the list itself). */
  sorts?: Record<string, string>;
  /** A tag whose orders come first in every list (emergency response), or null. */
  priorityTag?(sql: Sql): Promise<string | null>;
  /** The fields it adds to each order read, by order id. */
  decorate?(sql: Sql, orders: readonly { id: string; version: number }[], now: Date): Promise<Map<string, Record<string, unknown>>>;
  /** The JSON schema of those fields (in the OpenAPI document and the console's types). */
  fields?: Record<string, TSchema>;
}
