import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Storage } from './types.js';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Arbitrary constant: hubs sharing one database take turns migrating. */
const migrationLockKey = 4_207_311;

/**
 * Applies `migrations/NNN_name.sql` in order, each once, recorded in schema_migrations;
 * `through` stops after the migration numbered so (a test of the next one starts there).
 */
export async function migrate(storage: Storage, through = '999'): Promise<string[]> {
  const files = (await readdir(migrationsDir))
    .filter((name) => /^\d{3}_[\w-]+\.sql$/.test(name) && name.slice(0, 3) <= through)
    .sort();
  return storage.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         name text PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const name of files) {
      if (done.has(name)) continue;
      await tx.exec(await readFile(migrationsDir + name, 'utf8'));
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      applied.push(name);
    }
    return applied;
  });
}
