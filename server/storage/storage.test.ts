import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it as test } from 'node:test';
import { freshDataDir, removeDir } from '../testing/data-dirs.js';
import { freshPostgresSchema as freshSchema } from '../testing/postgres.js';
import { migrate } from './migrate.js';
import { openStorage, type Storage } from './index.js';

const databaseUrl = process.env.CXKIT_TEST_DATABASE_URL;

/** The same contract, run against each driver. */
for (const driver of ['pglite', 'postgres'] as const) {
  const skip = driver === 'postgres' && !databaseUrl ? 'CXKIT_TEST_DATABASE_URL is not set' : false;

  describe(`storage on ${driver}`, () => {
    // Skipped per test, so the runner counts and reports each PostgreSQL case as skipped.
    const it = (name: string, fn: () => void | Promise<void>) => test(name, { skip }, fn);
    let storage: Storage;
    let cleanup: () => Promise<void>;

    before(async () => {
      if (skip) return;
      if (driver === 'pglite') {
        const dataDir = await freshDataDir();
        storage = await openStorage({ dataDir });
        cleanup = () => removeDir(dataDir);
      } else {
        const { url, drop } = await freshSchema(databaseUrl!);
        storage = await openStorage({ dataDir: 'unused', databaseUrl: url });
        cleanup = drop;
      }
      await storage.exec(
        'CREATE TABLE items (id text PRIMARY KEY, n integer NOT NULL, data jsonb, at timestamptz DEFAULT now())',
      );
    });
    after(async () => {
      if (skip) return;
      await storage.close();
      await cleanup();
    });

    it('reports its kind', () => assert.equal(storage.kind, driver));

    it('runs parameterized queries and returns typed rows (integers, jsonb, timestamps)', async () => {
      await storage.query('INSERT INTO items (id, n, data) VALUES ($1, $2, $3::jsonb)', [
        'a',
        1,
        JSON.stringify({ x: [1] }),
      ]);
      const [row] = await storage.query<{ id: string; n: number; data: unknown; at: Date }>(
        'SELECT * FROM items WHERE id = $1',
        ['a'],
      );
      assert.equal(row!.n, 1);
      assert.deepEqual(row!.data, { x: [1] });
      assert.ok(row!.at instanceof Date);
    });

    it('commits a transaction and rolls it back when the function throws', async () => {
      const value = await storage.transaction(async (tx) => {
        await tx.query('INSERT INTO items (id, n) VALUES ($1, 2)', ['b']);
        return 'done';
      });
      assert.equal(value, 'done');
      await assert.rejects(
        storage.transaction(async (tx) => {
          await tx.query('INSERT INTO items (id, n) VALUES ($1, 3)', ['c']);
          throw new Error('abort');
        }),
        /abort/,
      );
      const ids = (await storage.query<{ id: string }>('SELECT id FROM items ORDER BY id')).map(
        (r) => r.id,
      );
      assert.deepEqual(ids, ['a', 'b']);
    });

    it('runs many concurrent transactions and queries without deadlock or lost updates', async () => {
      await storage.query("INSERT INTO items (id, n) VALUES ('counter', 0)");
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2
            ? storage.transaction(async (tx) => {
                await tx.query("UPDATE items SET n = n + 1 WHERE id = 'counter'");
                await tx.query('SELECT n FROM items');
              })
            : storage.query("UPDATE items SET n = n + 1 WHERE id = 'counter'"),
        ),
      );
      const [row] = await storage.query<{ n: number }>("SELECT n FROM items WHERE id = 'counter'");
      assert.equal(row!.n, 20);
    });

    it('applies migrations once: a second run applies nothing', async () => {
      assert.deepEqual(await migrate(storage), []);
      const names = (
        await storage.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')
      ).map((r) => r.name);
      const files = readdirSync(new URL('./migrations/', import.meta.url))
        .filter((name) => name.endsWith('.sql'))
        .sort();
      assert.deepEqual(names, files);
      assert.deepEqual(names.slice(0, 4), [
        '001_core.sql',
        '002_chat.sql',
        '003_journey.sql',
        '004_desk.sql',
      ]);
    });

    it('enforces the stream_events primary key (stream, seq)', async () => {
      await storage.query(`INSERT INTO stream_events (stream, seq, payload) VALUES ('t', 1, '{}')`);
      await assert.rejects(
        storage.query(`INSERT INTO stream_events (stream, seq, payload) VALUES ('t', 1, '{}')`),
      );
    });
  });
}

describe('migrations on postgres, two hubs at once', () => {
  const skip = databaseUrl ? false : 'CXKIT_TEST_DATABASE_URL is not set';
  test(
    'take turns through the advisory lock: both start, each migration applied once',
    { skip },
    async () => {
      const { url, drop } = await freshSchema(databaseUrl!);
      try {
        const both = await Promise.all([
          openStorage({ dataDir: 'unused', databaseUrl: url }),
          openStorage({ dataDir: 'unused', databaseUrl: url }),
        ]);
        const rows = await both[0].query<{ n: number }>(
          'SELECT count(*)::int AS n FROM schema_migrations',
        );
        const files = readdirSync(new URL('./migrations/', import.meta.url));
        assert.equal(rows[0]!.n, files.filter((name) => name.endsWith('.sql')).length);
        await Promise.all(both.map((s) => s.close()));
      } finally {
        await drop();
      }
    },
  );
});
