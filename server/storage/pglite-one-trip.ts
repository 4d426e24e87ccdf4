import { parse, protocol, type PGlite } from '@electric-sql/pglite';

/**
 * A statement the hub runs again and again (a batch of chat sends), in one round trip into
 * PGlite: its own `query` goes in five times per statement (parse, describe, bind,
 * describe, execute). It is planned on each run, with the tables' sizes of the moment: a
 * plan kept from when they were small would go on scanning them (PGlite runs no
 * autovacuum, so it has no statistics that would tell it to plan again). Parameters are
 * text (JSON or plain strings), as the statement declares them (`$1::json`).
 */
export async function queryInOneTrip<T>(db: PGlite, sql: string, params: string[]): Promise<T[]> {
  const { messages } = await db.execProtocol(
    joined([
      protocol.serialize.parse({ text: sql, types: [] }),
      protocol.serialize.bind({ values: params }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]),
    { syncToFs: false },
  );
  return (parse.parseResults(messages, db.parsers)[0]?.rows ?? []) as T[];
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
