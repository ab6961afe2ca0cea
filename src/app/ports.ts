import type { Database, Sql } from '../adapters/db/database';
import type { Ticket, TicketEvent } from '../domain/ticket/ticket';

export interface Clock {
  now(): Date;
}

export interface IdGen {
  id(): string;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export interface TokenIssuer {
  /** A new random token and the hash stored in its place. */
  issue(): { token: string; hash: string };
  hash(token: string): string;
}

/**
 * Runs inside the transaction that changes an order, after its new state is saved, so features such as
 * deadlines or automatic dispatch can add their own rows atomically. `before` is null on creation. A hook that
 * itself moves the order on (automatic dispatch) returns the order's new state.
 */
export interface TicketChangeHook {
  (tx: Sql, change: { before: Ticket | null; after: Ticket; events: readonly TicketEvent[] }): Promise<Ticket | void>;
  /**
   * Whether the hook has anything to do when an order is registered (absent: assume it has). When no hook has,
   * a new order is written by one statement with no transaction around it: the busiest path, one round trip.
   */
  watchesNewOrders?: (sql: Sql) => boolean | Promise<boolean>;
}

export interface AuthPolicy {
  sessionHours: number;
  maxFailuresPerUser: number;
  maxFailuresPerIp: number;
  failureWindowMinutes: number;
  /** How long a node may trust a session it has checked (0 or unset: check every request). */
  sessionCacheSeconds?: number;
}

/** Everything a use case may touch. Built once in main.ts (or a test) and passed down. */
export interface AppContext {
  db: Database;
  clock: Clock;
  ids: IdGen;
  passwords: PasswordHasher;
  tokens: TokenIssuer;
  auth: AuthPolicy;
  ticketHooks: TicketChangeHook[];
}
