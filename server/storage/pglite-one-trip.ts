import { parse, protocol, type PGlite } from '@electric-sql/pglite';

/** A statement prepared under `name`, and how much it has been used since. */
interface Prepared {
  name: string;
  runs: number;
  preparedAt: number;
}

/**
 * A prepared plan is made again after this many runs or this long. PGlite runs no
 * autovacuum, so it has no statistics, and nothing tells a kept plan that the tables grew:
 * a plan made while they were small would go on scanning them. Planning anew on every run
 * instead cost a tenth of a batch of sends (the planner also asks the file system for each
 * table's and index's size).
 */
const replanAfterRuns = 500;
const replanAfterMs = 5_000;

const preparedBySql = new Map<string, Prepared>();
/** Names that may still be prepared but are no longer used: closed on the next trip. */
const toClose: string[] = [];
let lastName = 0;

/**
 * A statement the hub runs again and again (a batch of chat sends), in one round trip into
 * PGlite: its own `query` goes in five times per statement (parse, describe, bind,
 * describe, execute). The statement is prepared under a name and planned anew now and
 * then (`replanAfterRuns`, `replanAfterMs`). Parameters are text (JSON or plain strings),
 * as the statement declares them (`$1::json`).
 */
export async function queryInOneTrip<T>(db: PGlite, sql: string, params: string[]): Promise<T[]> {
  const parts = toClose.splice(0).map((name) => protocol.serialize.close({ type: 'S', name }));
  let statement = preparedBySql.get(sql);
  if (!statement || stale(statement)) {
    if (statement) parts.push(protocol.serialize.close({ type: 'S', name: statement.name }));
    statement = { name: `cx_one_trip_${++lastName}`, runs: 0, preparedAt: performance.now() };
    preparedBySql.set(sql, statement);
    parts.push(protocol.serialize.parse({ name: statement.name, text: sql, types: [] }));
  }
  statement.runs++;
  parts.push(
    protocol.serialize.bind({ statement: statement.name, values: params }),
    protocol.serialize.describe({ type: 'P' }),
    protocol.serialize.execute({}),
    protocol.serialize.sync(),
  );
  try {
    const { messages } = await db.execProtocol(joined(parts), { syncToFs: false });
    return (parse.parseResults(messages, db.parsers)[0]?.rows ?? []) as T[];
  } catch (error) {
    // Whether it was prepared is unknown (the parse itself may have failed): start over.
    preparedBySql.delete(sql);
    toClose.push(statement.name);
    throw error;
  }
}

function stale(statement: Prepared): boolean {
  return (
    statement.runs >= replanAfterRuns || performance.now() - statement.preparedAt >= replanAfterMs
  );
}

function joined(parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}
