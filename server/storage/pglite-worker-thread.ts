/**
 * The worker thread that owns PGlite (started by `pglite-worker.ts`). PGlite computes on
 * the thread it runs on without yielding, so here it no longer stalls the hub's sockets and
 * timers. It runs the requests strictly one after another in arrival order: the hub's side
 * keeps a transaction's statements together, and nothing reorders them here.
 */
import { PGlite } from '@electric-sql/pglite';
import { parentPort, workerData } from 'node:worker_threads';
import { queryInOneTrip } from './pglite-one-trip.js';
import { importProcedure } from './procedures.js';
import type { Queryable } from './types.js';
import {
  cloneError,
  type WorkerReady,
  type WorkerReply,
  type WorkerRequest,
} from './pglite-worker-protocol.js';

const port = parentPort!;
const { dir, checkpointEveryMs } = workerData as { dir?: string; checkpointEveryMs: number };

/** Requests run one after another, in arrival order. */
let tail = Promise.resolve();
/** Between a transaction's first statement and its end: nothing else may run there. */
let inTransaction = false;
/** Whether anything ran since the last checkpoint. */
let busy = false;
let checkpoints: NodeJS.Timeout | undefined;
let lastRequestAt = performance.now();
let lastCheckpointAt = performance.now();
/** A checkpoint waits in the queue: one is enough. */
let checkpointQueued = false;
/** No request for this long: the hub is between bursts, a checkpoint there delays no one. */
const idleMs = 250;

try {
  const db = new PGlite(dir, {
    startParams: [
      ...PGlite.defaultStartParams,
      // PGlite already runs without fsync (a killed hub loses nothing the OS has: the fault
      // test kills it); zero-filling each new 16 MB WAL file on top stalled the hub.
      '-c',
      'wal_init_zero=off',
      // Whole pages in the WAL after each checkpoint guard against pages torn by an OS
      // crash, which fsync off does not survive anyway; they doubled the writes after one.
      '-c',
      'full_page_writes=off',
    ],
  });
  await db.waitReady;
  port.on('message', (request: WorkerRequest) => {
    lastRequestAt = performance.now();
    tail = tail.then(() => answer(db, request));
  });
  checkpoints = setInterval(
    () => {
      const now = performance.now();
      const due = now - lastRequestAt >= idleMs || now - lastCheckpointAt >= checkpointEveryMs;
      if (!busy || !due || checkpointQueued) return;
      checkpointQueued = true;
      tail = tail.then(() => checkpoint(db));
    },
    Math.min(idleMs, checkpointEveryMs) / 2,
  );
  checkpoints.unref();
  port.postMessage({ ready: true } satisfies WorkerReady);
} catch (error) {
  port.postMessage({ ready: false, error: cloneError(error) } satisfies WorkerReady);
}

/**
 * PGlite has no checkpointer process and never checkpoints on its own: its WAL grew without
 * end (about 700 MB per million messages) and a restart would replay all of it. It holds
 * the database while it writes what changed since the last one, so it runs between bursts
 * of requests (`idleMs`), and under load that never pauses, after each `checkpointEveryMs`
 * of activity; never inside a transaction. Often, so each is short: measured under 2,000
 * to 10,000 chat messages a second, one after 60 s of load held the database 95–155 ms
 * (every message sent meanwhile waited), one after 5 s about 15 ms (at most 45).
 */
async function checkpoint(db: PGlite): Promise<void> {
  checkpointQueued = false;
  if (!busy || inTransaction) return;
  busy = false;
  lastCheckpointAt = performance.now();
  await db.exec('CHECKPOINT').catch(() => (busy = true));
}

async function answer(db: PGlite, request: WorkerRequest): Promise<void> {
  busy = true;
  const place = request.op === 'query' || request.op === 'exec' ? request.tx : undefined;
  if (place === 'begin') inTransaction = true;
  if (place === 'end') inTransaction = false;
  let reply: WorkerReply;
  try {
    reply = { id: request.id, ok: true, value: await run(db, request) };
  } catch (error) {
    reply = { id: request.id, ok: false, error: cloneError(error) };
  }
  try {
    port.postMessage(reply);
  } catch (error) {
    // A value structured clone cannot copy: that request fails, the thread goes on.
    port.postMessage({ id: request.id, ok: false, error: cloneError(error) } satisfies WorkerReply);
  }
  if (request.op === 'close' && reply.ok) port.close();
}

/**
 * What a procedure queries through: `on` (the database, or a transaction of it) runs plain
 * statements; repeated ones go to `db` in one trip, inside whatever `on` has open.
 */
function procedureQueryable(
  db: PGlite,
  on: Pick<PGlite, 'query' | 'exec'>,
  memo: Record<string, unknown>,
): Queryable {
  return {
    query: async (sql, params, options) =>
      options?.repeated
        ? queryInOneTrip<never>(db, sql, params as string[])
        : (await on.query<never>(sql, params)).rows,
    exec: async (sql) => void (await on.exec(sql)),
    memo,
  };
}

/** Set while a transaction whose BEGIN failed has not ended: its statements are refused. */
let beginFailed = false;
/** The memo of the procedure that ran last and committed (`Queryable.memo`). */
let kept: { procedure: string; memo: Record<string, unknown> } | null = null;

/**
 * One statement that changes nothing: a read that names no write (`FOR UPDATE` included),
 * or a transaction's own control.
 */
const readOnly =
  /^[\s(]*(select\b(?![\s\S]*\b(insert|update|delete)\b)|begin|commit|rollback|savepoint|release)\b[^;]*;?\s*$/i;

async function run(db: PGlite, request: WorkerRequest): Promise<unknown> {
  const memoed = kept;
  // Anything else that may write may change what a procedure's memo says. Reads leave it:
  // the desk's periodic sweeps used to send every batch after them the long way.
  if (!('sql' in request && readOnly.test(request.sql))) kept = null;
  const tx = request.op === 'query' || request.op === 'exec' ? request.tx : undefined;
  if (tx === 'begin') {
    beginFailed = true;
    await db.exec('BEGIN');
    beginFailed = false;
  } else if (tx && beginFailed) {
    if (tx === 'end') {
      beginFailed = false;
      // Whatever was asked (a COMMIT fails): leave the connection out of any transaction.
      await db.exec('ROLLBACK');
    }
    throw new Error('the transaction did not begin');
  }
  switch (request.op) {
    case 'query':
      return (await db.query(request.sql, request.params)).rows;
    case 'exec':
      await db.exec(request.sql);
      return undefined;
    case 'call': {
      const procedure = await importProcedure(request.module, request.name);
      const key = `${request.module}#${request.name}`;
      let memo = memoed?.procedure === key ? memoed.memo : {};
      if (procedure.attempt) {
        const attempted = await procedure
          .attempt(procedureQueryable(db, db, memo), request.args)
          .catch(() => ((memo = {}), null));
        if (attempted !== null) {
          kept = { procedure: key, memo };
          return attempted;
        }
      }
      const value = await db.transaction((tx) =>
        procedure.run(procedureQueryable(db, tx, memo), request.args),
      );
      kept = { procedure: key, memo };
      return value;
    }
    case 'close':
      clearInterval(checkpoints);
      await db.close();
      return undefined;
  }
}
