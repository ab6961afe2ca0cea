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

/**
 * Portal look-ups (order number + phone) per client address, kept where every node sees them. A look-up is
 * registered before it is checked and forgotten when it succeeds or is refused, so what stays are failures and
 * look-ups still being checked: guesses sent at once, to one node or to many, count against each other.
 * Run on the database itself, never inside a transaction (the count must see other nodes' registrations).
 */
export interface PortalLookupStore {
  /**
   * Registers a look-up from `ip` at `at`, deletes registrations before `since` (the window's start, in batches;
   * any address), and counts the registrations from `ip` after `since`, this one included.
   */
  begin(ip: string, at: string, since: string): Promise<{ id: string; recent: number }>;
  /** Forgets a registration: the look-up succeeded or was refused, so it is no failure. */
  forget(id: string): Promise<void>;
}

/**
 * Sign-in attempts per account and per client address, kept where every node sees them. An attempt is registered
 * before its password is checked and counts as a failure until it proves otherwise: it is forgotten when it is
 * refused (or not checked at all), marked successful when the password is right, and stays a failure otherwise.
 * So guesses sent at once, to one node or to many, count against each other. Run `begin` and `forget` on the
 * database itself, never inside a transaction (the count must see other nodes' registrations).
 */
export interface LoginAttemptStore {
  /**
   * Registers an attempt at `at`, deletes registrations before `since` (the window's start, any account or
   * address; in batches), and counts the failures since `since` (registrations still being checked included, this
   * one too) for the account and for the address.
   */
  begin(a: { username: string; ip: string; at: string; since: string }): Promise<{ id: string; failuresByUser: number; failuresByIp: number }>;
  /** The password was right: the attempt is no failure (run it in the transaction that opens the session). */
  succeeded(id: string): Promise<void>;
  /** Forgets an attempt that was refused or never checked: it is no failure. */
  forget(id: string): Promise<void>;
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
