import type { Queryable } from './types.js';

/**
 * A transaction that runs beside the database: on the PGlite worker thread, the whole
 * transaction costs one round trip between threads instead of one per statement (the
 * hub's hot path, a batch of chat sends, is one); on PostgreSQL it runs here like any
 * other. Its arguments and result cross threads by structured clone, so they are plain
 * data; the worker imports the procedure by its module URL and export name.
 */
export interface Procedure<A, R> {
  /** `import.meta.url` of the module that exports it. */
  module: string;
  /** The name it is exported under. */
  name: string;
  run(tx: Queryable, args: A): Promise<R>;
  /**
   * A cheaper first try, on PGlite's thread only, where `db.memo` tells what the last run
   * left true: at most one statement, outside any transaction (a statement is atomic on its
   * own), so no BEGIN and COMMIT. Null when it cannot decide: `run` then runs in a
   * transaction, with the same memo. When it throws (its statement refused and wrote
   * nothing), `run` runs with an empty memo.
   */
  attempt?(db: Queryable, args: A): Promise<R | null>;
}

/** Declares a procedure; export it from `module` under `name`. */
export function procedure<A, R>(
  module: string,
  name: string,
  run: (tx: Queryable, args: A) => Promise<R>,
  attempt?: (db: Queryable, args: A) => Promise<R | null>,
): Procedure<A, R> {
  return attempt ? { module, name, run, attempt } : { module, name, run };
}

const imported = new Map<string, Procedure<unknown, unknown>>();

/**
 * Finds a procedure again from its module URL and name (on the worker thread). Kept once
 * found: each `import()` asks the module loader (tsx's hooks run on a thread of their own),
 * which cost a round trip between threads per batch of sends.
 */
export async function importProcedure(
  module: string,
  name: string,
): Promise<Procedure<unknown, unknown>> {
  const key = `${module}#${name}`;
  const known = imported.get(key);
  if (known) return known;
  const exported = ((await import(module)) as Record<string, unknown>)[name] as
    Procedure<unknown, unknown> | undefined;
  if (typeof exported?.run !== 'function' || exported.name !== name) {
    throw new Error(`${module} exports no procedure named ${name}`);
  }
  imported.set(key, exported);
  return exported;
}
