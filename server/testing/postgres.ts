import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** A fresh schema in the test database, selected through the connection's search_path. */
export async function freshPostgresSchema(
  url: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `cxkit_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return { url: withSchema.toString(), drop: () => admin(`DROP SCHEMA ${schema} CASCADE`) };
}
