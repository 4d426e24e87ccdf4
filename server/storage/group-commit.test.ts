import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPglite } from './pglite.js';
import type { Storage } from './types.js';

describe('PGlite group commit', () => {
  let db: Storage;
  before(async () => {
    db = await openPglite(); // in memory: the behaviour is the driver's, not the disk's
    await db.exec('CREATE TABLE items (name text PRIMARY KEY)');
  });
  after(() => db.close());

  it('runs transactions queued together as one commit, rolling back only the one that fails', async () => {
    const insert = (name: string) =>
      db.transaction((tx) => tx.query('INSERT INTO items (name) VALUES ($1)', [name]));
    const outcomes = await Promise.allSettled([
      insert('a'),
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO items (name) VALUES ('b')");
        await tx.query("INSERT INTO items (name) VALUES ('a')"); // duplicate key: fails
      }),
      insert('c'),
      db.transaction((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM items')),
    ]);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
    );
    // Serial semantics: the last one saw a and c, not the rolled-back b.
    const [count] = (outcomes[3] as PromiseFulfilledResult<Array<{ n: number }>>).value;
    assert.equal(count!.n, 2);
    const rows = await db.query<{ name: string }>('SELECT name FROM items ORDER BY name');
    assert.deepEqual(
      rows.map((row) => row.name),
      ['a', 'c'],
    );
  });

  it('still runs a lone transaction as it is, and rolls all of it back on error', async () => {
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO items (name) VALUES ('d')");
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    const rows = await db.query<{ name: string }>("SELECT name FROM items WHERE name = 'd'");
    assert.deepEqual(rows, []);
  });
});
