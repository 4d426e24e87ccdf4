import { randomBytes } from 'node:crypto';
import type { Storage } from '../storage/index.js';

/**
 * The token secret: from the config, else generated once and kept in hub_secrets so
 * tokens survive restarts (and hubs sharing a database agree on it).
 */
export async function loadTokenSecret(storage: Storage, configured?: string): Promise<string> {
  if (configured) return configured;
  const [row] = await storage.query<{ value: string }>(
    `WITH created AS (
       INSERT INTO hub_secrets (name, value) VALUES ('token', $1)
       ON CONFLICT (name) DO NOTHING
       RETURNING value
     )
     SELECT value FROM created
     UNION ALL
     SELECT value FROM hub_secrets WHERE name = 'token'`,
    [randomBytes(32).toString('base64url')],
  );
  if (row) return row.value;
  // Another hub inserted it concurrently and committed after this statement's snapshot.
  const [existing] = await storage.query<{ value: string }>(
    `SELECT value FROM hub_secrets WHERE name = 'token'`,
  );
  return existing!.value;
}
