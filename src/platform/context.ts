import type { Database } from './db/database';
import type { EventLog } from './events/event-log';
import type { OrderViewExtension } from './module';

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

export interface AuthPolicy {
  sessionHours: number;
  maxFailuresPerUser: number;
  maxFailuresPerIp: number;
  failureWindowMinutes: number;
  /** How long a node may trust a session it has checked (0 or unset: check every request). */
  sessionCacheSeconds?: number;
}

/** Everything a use case may touch. Built once by the platform (src/platform/assemble.ts) and passed down. */
export interface AppContext {
  db: Database;
  clock: Clock;
  ids: IdGen;
  passwords: PasswordHasher;
  tokens: TokenIssuer;
  auth: AuthPolicy;
  /** The city this deployment serves (CITY_CODE): its name and division codes. */
  city: City;
  /** The order event log with every module's reactions: the one writer of order events. */
  events: EventLog;
  /** What the modules add to order lists and views (deadlines, warnings, …), in module order. */
  orderViews: readonly OrderViewExtension[];
}

/** The city a deployment serves, from configuration: the demo city is one such setting. */
export interface City {
  /** 4-digit division code of the prefecture-level city, e.g. 3203. */
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
}
