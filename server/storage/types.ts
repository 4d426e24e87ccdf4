import type { Procedure } from './procedures.js';

export interface QueryOptions {
  /**
   * A statement the hub runs again and again. On PostgreSQL a named statement, parsed and
   * planned once per connection (the server's statistics keep its plan fit); on PGlite's
   * worker one round trip instead of five (`pglite-one-trip.ts`). Parameters must be strings.
   */
  repeated?: boolean;
}

/** What a query runs on: the storage itself or an open transaction. */
export interface Queryable {
  /** One statement with `$1`-style parameters. */
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<T[]>;
  /** A script of several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * To a procedure on PGlite's thread: the object its previous run left here, when that run
   * committed and nothing else ran on the database since (else a new, empty one). What a
   * run learned of the database is then still true. Absent on PostgreSQL, where other
   * connections and hub nodes write meanwhile.
   */
  memo?: Record<string, unknown>;
}

/**
 * One SQL dialect over two drivers: embedded PGlite (PostgreSQL 18) and a PostgreSQL
 * server (15+). Write SQL both accept.
 */
export interface Storage extends Queryable {
  kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction, committed when it resolves and rolled back when it throws.
   * Query only through `tx` inside: on PGlite the storage itself waits for the transaction.
   */
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
  /** Runs a procedure in one transaction of its own, beside the database (`procedures.ts`). */
  call<A, R>(procedure: Procedure<A, R>, args: A): Promise<R>;
  close(): Promise<void>;
}
