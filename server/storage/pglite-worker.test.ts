import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { freshDataDir, removeDir } from '../testing/data-dirs.js';
import { DirLockedError, openStorage, type Storage } from './index.js';
import { openPglite } from './pglite.js';
import { PgliteWorker } from './pglite-worker.js';
import { countRuns, insertItems, misnamed } from '../testing/procedures.js';

describe('PGlite in a worker thread', () => {
  let db: Storage;
  before(async () => {
    db = await openPglite();
    await db.exec('CREATE TABLE items (id text PRIMARY KEY, n integer NOT NULL CHECK (n >= 0))');
  });
  after(() => db.close());

  it('returns values of the same types as PGlite on this thread', async () => {
    const sql = `SELECT 9007199254740993::int8 AS big, 5::int8 AS small, 2::int4 AS int,
      1.5::numeric AS num, true AS yes, NULL::text AS none, '{"a":[1,{"b":null}]}'::jsonb AS doc,
      '2026-01-02T03:04:05.678Z'::timestamptz AS at, '2026-01-02'::date AS day,
      '\\x0102ff'::bytea AS bytes, ARRAY['x','y'] AS list, gen_random_uuid() IS NOT NULL AS uuid`;
    const local = new PGlite();
    try {
      const [expected] = (await local.query(sql)).rows;
      const [row] = await db.query<Record<string, unknown>>(sql);
      assert.deepEqual(row, expected);
      assert.equal(typeof row!.big, 'bigint');
      assert.ok(row!.at instanceof Date);
      assert.ok(row!.bytes instanceof Uint8Array);
    } finally {
      await local.close();
    }
  });

  it('passes parameters of every kind through (text, numbers, Date, bytes, json)', async () => {
    const at = new Date('2026-05-06T07:08:09.010Z');
    const [row] = await db.query<Record<string, unknown>>(
      'SELECT $1::text AS s, $2::int8 AS big, $3::timestamptz AS at, $4::bytea AS b, $5::jsonb AS j',
      ['é', 12n, at, Buffer.from([1, 2]), JSON.stringify({ k: 'v' })],
    );
    assert.deepEqual(row, {
      s: 'é',
      big: 12,
      at,
      b: new Uint8Array([1, 2]),
      j: { k: 'v' },
    });
  });

  it('keeps PostgreSQL error codes, constraints and messages', async () => {
    await db.query("INSERT INTO items (id, n) VALUES ('dup', 1)");
    await assert.rejects(db.query("INSERT INTO items (id, n) VALUES ('dup', 2)"), {
      code: '23505',
      constraint: 'items_pkey',
      table: 'items',
      message: 'duplicate key value violates unique constraint "items_pkey"',
    });
    await assert.rejects(db.query("INSERT INTO items (id, n) VALUES ('neg', -1)"), {
      code: '23514',
      constraint: 'items_n_check',
    });
    await assert.rejects(db.exec('SELEKT 1'), { code: '42601', severity: 'ERROR' });
    await assert.rejects(db.query('SELECT $1::int', ['not a number']), { code: '22P02' });
  });

  it('refuses a parameter that cannot be sent to the thread, and goes on', async () => {
    await assert.rejects(db.query('SELECT $1::text', [() => 1]), { name: 'DataCloneError' });
    assert.deepEqual(await db.query('SELECT 1 AS one'), [{ one: 1 }]);
  });

  it('rolls a transaction back whole when a statement or the function fails', async () => {
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO items (id, n) VALUES ('t1', 1)");
        await tx.query("INSERT INTO items (id, n) VALUES ('dup', 1)");
      }),
      { code: '23505' },
    );
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO items (id, n) VALUES ('t2', 1)");
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    const rows = await db.query("SELECT id FROM items WHERE id IN ('t1', 't2')");
    assert.deepEqual(rows, []);
  });

  it('runs a procedure on the thread: repeated statements in one trip, a failure rolls back it all', async () => {
    await db.exec('DELETE FROM items');
    assert.equal(await db.call(insertItems, ['p1', 'p2']), 2);
    assert.equal(await db.call(insertItems, ['p3']), 3);
    // 'p1' again breaks the key: nothing of this call stays, and the statement still works.
    await assert.rejects(db.call(insertItems, ['p4', 'p1']), { code: '23505' });
    assert.equal(await db.call(insertItems, ['p5']), 4);
    await assert.rejects(db.call(misnamed, null), /exports no procedure named somethingElse/);
  });

  it("keeps a procedure's memo across reads, and starts it again after anything that may write", async () => {
    assert.equal(await db.call(countRuns, null), 1);
    assert.equal(await db.call(countRuns, null), 2);
    await db.query('SELECT count(*) FROM items');
    await db.transaction(async (tx) => void (await tx.query('SELECT id FROM items LIMIT 1')));
    assert.equal(await db.call(countRuns, null), 3, 'reads change nothing it knows');
    await db.query("INSERT INTO items (id, n) VALUES ('memo', 1)");
    assert.equal(await db.call(countRuns, null), 1, 'a write may have');
    await db.query('SELECT id FROM items LIMIT 1 FOR UPDATE');
    assert.equal(await db.call(countRuns, null), 1, 'a read that locks counts as a write');
  });

  it('keeps a repeated statement right across its re-plans (every 500 runs)', async () => {
    await db.exec('DELETE FROM items');
    for (let n = 1; n <= 520; n++) assert.equal(await db.call(insertItems, [`r${n}`]), n);
  });

  it('runs nothing else inside an open transaction, and refuses its statements after the end', async () => {
    let leaked: Parameters<Parameters<Storage['transaction']>[0]>[0] | undefined;
    let outside: Promise<unknown[]> | undefined;
    let outsideDone = false;
    const open = db.transaction(async (tx) => {
      leaked = tx;
      await tx.query("INSERT INTO items (id, n) VALUES ('uncommitted', 1)");
      // Sent while the transaction is open: it must wait for the end, not see this row.
      outside = db.query("SELECT id FROM items WHERE id = 'uncommitted'");
      void outside.then(() => (outsideDone = true));
      await sleep(50);
      assert.equal(outsideDone, false);
      throw new Error('roll back');
    });
    await assert.rejects(open, /roll back/);
    assert.deepEqual(await outside, []);
    await assert.rejects(leaked!.query('SELECT 1'), /transaction is already over/);
  });
});

describe('PGlite worker thread, statement by statement', () => {
  it('runs none of a transaction whose BEGIN failed, and leaves no transaction open', async () => {
    const worker = await PgliteWorker.start();
    try {
      await worker.exec('CREATE TABLE t (id int)');
      // A connection left in an aborted transaction: the next BEGIN fails.
      await worker.exec('BEGIN');
      await assert.rejects(worker.query('SELECT 1 / 0'), { code: '22012' });
      await assert.rejects(worker.query('INSERT INTO t VALUES (1)', [], 'begin'), {
        code: '25P02',
      });
      await assert.rejects(
        worker.query('INSERT INTO t VALUES (2)', [], 'in'),
        /transaction did not begin/,
      );
      await assert.rejects(worker.exec('COMMIT', 'end'), /transaction did not begin/);
      assert.deepEqual(await worker.query('SELECT count(*)::int AS n FROM t'), [{ n: 0 }]);
      // Out of any transaction again: this one stands on its own.
      await worker.exec('INSERT INTO t VALUES (3)');
      await worker.exec('ROLLBACK');
      assert.deepEqual(await worker.query('SELECT id FROM t'), [{ id: 3 }]);
    } finally {
      await worker.close();
    }
  });
});

describe('PGlite worker thread lifecycle', () => {
  const checkpointed = async (worker: PgliteWorker) =>
    (
      (await worker.query(
        'SELECT checkpoint_lsn::text AS lsn FROM pg_control_checkpoint()',
      )) as Array<{
        lsn: string;
      }>
    )[0]!.lsn;

  it('checkpoints during activity that never pauses, so its WAL does not pile up', async () => {
    const worker = await PgliteWorker.start(undefined, undefined, { checkpointEveryMs: 50 });
    try {
      const before = await checkpointed(worker);
      await worker.exec('CREATE TABLE w (id int); INSERT INTO w SELECT generate_series(1, 10000)');
      let after = before;
      // A query every 50 ms: never idle, so only the interval checkpoints.
      for (let tries = 0; after === before && tries < 200; tries++) {
        await sleep(50);
        after = await checkpointed(worker);
      }
      assert.notEqual(after, before);
    } finally {
      await worker.close();
    }
  });

  it('checkpoints as soon as activity pauses, well before the interval', async () => {
    const worker = await PgliteWorker.start(undefined, undefined, { checkpointEveryMs: 600_000 });
    try {
      const before = await checkpointed(worker);
      await worker.exec('CREATE TABLE w (id int); INSERT INTO w SELECT generate_series(1, 10000)');
      await sleep(1000);
      assert.notEqual(await checkpointed(worker), before);
    } finally {
      await worker.close();
    }
  });

  it('fails what is pending and what comes later, and reports, when the thread dies', async () => {
    const crashes: Error[] = [];
    const worker = await PgliteWorker.start(undefined, (error) => crashes.push(error));
    const pending = worker.query('SELECT count(*) FROM generate_series(1, 50000000)');
    await worker.kill();
    await assert.rejects(pending, /PGlite worker thread exited/);
    await assert.rejects(worker.query('SELECT 1'), /PGlite worker thread exited/);
    assert.equal(crashes.length, 1);
    await worker.close(); // nothing left to close: resolves
  });

  it('by default ends the process, loudly, when the thread dies', () => {
    const script = `
      import { PgliteWorker } from ${JSON.stringify(new URL('./pglite-worker.ts', import.meta.url).href)};
      const worker = await PgliteWorker.start();
      setInterval(() => {}, 1000); // a hub serving: only the crash may end it
      await worker.kill();`;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { encoding: 'utf8', timeout: 60_000 },
    );
    assert.equal(child.status, 1);
    assert.match(child.stderr, /PGlite worker failed, the hub cannot go on/);
  });

  it('keeps the directory locked while open, closes the thread on close, keeps the data', async () => {
    const dataDir = await freshDataDir();
    try {
      const storage = await openStorage({ dataDir });
      await storage.exec('CREATE TABLE kept (id int PRIMARY KEY)');
      await storage.query('INSERT INTO kept VALUES (1)');
      await assert.rejects(openStorage({ dataDir }), DirLockedError);
      await storage.close();
      assert.ok(!existsSync(join(dataDir, 'hub.lock')));
      await assert.rejects(storage.query('SELECT 1'), /storage is closed/);

      const reopened = await openStorage({ dataDir });
      assert.deepEqual(await reopened.query('SELECT id FROM kept'), [{ id: 1 }]);
      await reopened.close();
    } finally {
      await removeDir(dataDir);
    }
  });
});
