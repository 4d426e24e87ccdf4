/**
 * Messages between the hub's thread and the PGlite worker thread. Values cross by
 * structured clone, which keeps what PGlite returns as it is: Date, bigint, Uint8Array,
 * parsed jsonb objects.
 */

/**
 * A statement's place in a transaction. The first carries 'begin': the worker runs BEGIN
 * before it, which saves a round trip per transaction. If BEGIN fails, the worker refuses
 * the transaction's later statements ('in') until its end (COMMIT or ROLLBACK, 'end'), so
 * none of them runs outside the transaction.
 */
export type InTransaction = 'begin' | 'in' | 'end';

/** What the hub asks; the worker answers each in the order received, one at a time. */
export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params?: unknown[]; tx?: InTransaction }
  | { id: number; op: 'exec'; sql: string; tx?: InTransaction }
  /** A procedure (`procedures.ts`), in a transaction of its own. */
  | { id: number; op: 'call'; module: string; name: string; args: unknown }
  | { id: number; op: 'close' };

/** `value`: a query's rows, a procedure's result. */
export type WorkerReply =
  { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: ClonedError };

/** The worker posts this once PGlite has opened its directory, or failed to. */
export type WorkerReady = { ready: true } | { ready: false; error: ClonedError };

/** An error as plain data: its message and the PostgreSQL fields (code, constraint, ...). */
export interface ClonedError {
  message: string;
  name: string;
  stack?: string;
  fields: Record<string, string | number>;
}

/** Every string or number field: `code`, `detail`, `constraint`, `table`, `query`, ... */
export function cloneError(error: unknown): ClonedError {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error', fields: {} };
  const fields: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  }
  return { message: error.message, name: error.name, stack: error.stack, fields };
}

/** The error again on this side, with the same message, name and fields as thrown there. */
export function revivedError({ message, name, stack, fields }: ClonedError): Error {
  const error = Object.assign(new Error(message), fields);
  error.name = name;
  // Where PostgreSQL raised it; the hub's side would only show the message handler.
  if (stack) error.stack = stack;
  return error;
}
