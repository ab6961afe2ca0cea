/** The one port every store is written against: plain SQL, PostgreSQL dialect, two engines. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Sql {
  readonly engine: 'pglite' | 'postgres';
  /** Runs fn in one transaction; a throw rolls it back. Inside, use only the given `tx`. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}
