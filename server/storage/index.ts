import { join } from 'node:path';
import { lockDataDir } from './dir-lock.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Storage } from './types.js';

export type { Queryable, Storage } from './types.js';
export { DirLockedError } from './dir-lock.js';

export interface StorageOptions {
  /** PostgreSQL server; when absent, embedded PGlite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
}

/** Opens, locks (PGlite) and migrates the hub's database. close() also releases the lock. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (options.databaseUrl) {
    const storage = await openPostgres(options.databaseUrl);
    return migrated(storage, () => {});
  }
  const lock = lockDataDir(options.dataDir);
  try {
    return await migrated(await openPglite(join(options.dataDir, 'pgdata')), () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function migrated(storage: Storage, onClose: () => void): Promise<Storage> {
  try {
    await migrate(storage);
  } catch (error) {
    await storage.close().catch(() => {});
    throw error;
  }
  return {
    ...storage,
    async close() {
      try {
        await storage.close();
      } finally {
        onClose();
      }
    },
  };
}
