import { PGlite, type Transaction } from '@electric-sql/pglite';
import { GroupCommit } from './group-commit.js';
import { SerialQueue } from './serial-queue.js';
import type { Queryable, Storage } from './types.js';

/** Embedded PostgreSQL in `dir` (or in memory without one). The caller holds the directory lock. */
export async function openPglite(dir?: string): Promise<Storage> {
  const db = dir ? new PGlite(dir) : new PGlite();
  await db.waitReady;
  const queue = new SerialQueue();
  const transactions = new GroupCommit(db, queue);
  let closed = false;

  return {
    kind: 'pglite',
    query: (sql, params) => queue.run(() => runQuery(db, sql, params)),
    exec: (sql) => queue.run(() => runExec(db, sql)),
    transaction: (fn) => transactions.run((tx) => fn(wrap(tx))),
    async close() {
      if (closed) return;
      closed = true;
      await queue.drain();
      await db.close();
    },
  };
}

type PgliteLike = Pick<PGlite | Transaction, 'query' | 'exec'>;

async function runQuery<T>(db: PgliteLike, sql: string, params?: unknown[]): Promise<T[]> {
  const result = await db.query<T>(sql, params);
  return result.rows;
}

async function runExec(db: PgliteLike, sql: string): Promise<void> {
  await db.exec(sql);
}

function wrap(tx: Transaction): Queryable {
  return {
    query: (sql, params) => runQuery(tx, sql, params),
    exec: (sql) => runExec(tx, sql),
  };
}
