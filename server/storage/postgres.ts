import pg from 'pg';
import type { Queryable, QueryOptions, Storage } from './types.js';

/** A PostgreSQL server through a `pg` pool (DATABASE_URL). */
export async function openPostgres(connectionString: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Fail at start, not on the first visitor, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  // An idle client losing its connection must not crash the hub; the pool replaces it.
  pool.on('error', () => {});
  let closed = false;

  async function transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: (sql, params, options) => runQuery(client, sql, params, options),
        exec: (sql) => runExec(client, sql),
      } satisfies Queryable);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',
    query: (sql, params, options) => runQuery(pool, sql, params, options),
    exec: (sql) => runExec(pool, sql),
    transaction,
    call: (procedure, args) => transaction((tx) => procedure.run(tx, args)),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

async function runQuery<T>(
  db: pg.Pool | pg.PoolClient,
  sql: string,
  params?: unknown[],
  options?: QueryOptions,
): Promise<T[]> {
  // A named statement is parsed and planned once per connection.
  const result = options?.repeated
    ? await db.query({ name: statementName(sql), text: sql, values: params })
    : await db.query(sql, params);
  return result.rows as T[];
}

const statementNames = new Map<string, string>();

function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `cx_${statementNames.size + 1}`));
  return name;
}

async function runExec(db: pg.Pool | pg.PoolClient, sql: string): Promise<void> {
  // Without parameters pg uses the simple protocol, which accepts several statements.
  await db.query(sql);
}
