import { procedure } from '../storage/procedures.js';

/**
 * Procedures for the storage tests: the worker thread imports them by module URL, as it
 * does the hub's own (`storage/procedures.ts`).
 */

/** Inserts `ids` into `items` with a prepared statement; returns how many rows `items` has. */
export const insertItems = procedure(
  import.meta.url,
  'insertItems',
  async (tx, ids: string[]): Promise<number> => {
    await tx.query(
      'INSERT INTO items (id, n) SELECT value, 1 FROM json_array_elements_text($1::json)',
      [JSON.stringify(ids)],
      { repeated: true },
    );
    const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM items', [], {
      repeated: true,
    });
    return row!.n;
  },
);

/** Not exported under its own name: the worker must refuse it. */
export const misnamed = procedure(import.meta.url, 'somethingElse', async () => 0);

/** How many times it ran with the memo it has now: the worker keeps a memo while nothing writes. */
export const countRuns = procedure(import.meta.url, 'countRuns', async (tx): Promise<number> => {
  const memo = tx.memo!;
  memo.runs = ((memo.runs as number | undefined) ?? 0) + 1;
  return memo.runs as number;
});
