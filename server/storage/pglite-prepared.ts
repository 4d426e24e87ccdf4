import { parse, protocol, type PGlite } from '@electric-sql/pglite';

/**
 * Named prepared statements on PGlite, for the statements the hub runs again and again (a
 * batch of chat sends). PGlite's own `query` parses and plans every time and goes into the
 * database five times per statement (parse, describe, bind, describe, execute); a prepared
 * statement is parsed and planned once, then runs in one round trip. Parameters are text
 * (JSON or plain strings), as the statements declare them (`$1::json`).
 */
export class PreparedStatements {
  readonly #names = new Map<string, string>();

  constructor(private readonly db: PGlite) {}

  async query<T>(sql: string, params: string[]): Promise<T[]> {
    const statement = this.#names.get(sql) ?? (await this.#prepare(sql));
    const { messages } = await this.db.execProtocol(
      joined([
        protocol.serialize.bind({ statement, values: params }),
        protocol.serialize.describe({ type: 'P' }),
        protocol.serialize.execute({}),
        protocol.serialize.sync(),
      ]),
      { syncToFs: false },
    );
    return (parse.parseResults(messages, this.db.parsers)[0]?.rows ?? []) as T[];
  }

  /** Statements are kept by the session, not by transactions: prepared once per thread. */
  async #prepare(sql: string): Promise<string> {
    const name = `cx_prepared_${this.#names.size + 1}`;
    await this.db.execProtocol(
      joined([protocol.serialize.parse({ name, text: sql, types: [] }), protocol.serialize.sync()]),
      { syncToFs: false },
    );
    this.#names.set(sql, name);
    return name;
  }
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
