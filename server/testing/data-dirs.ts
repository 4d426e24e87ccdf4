import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStorage } from '../storage/index.js';

const migrationsDir = fileURLToPath(new URL('../storage/migrations/', import.meta.url));

export async function makeTempDir(prefix = 'cxkit-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * A new, migrated PGlite data directory. initdb costs about 6 s, so the first call
 * builds a template (shared by test processes, keyed by the migrations) and later calls copy it.
 */
export async function freshDataDir(): Promise<string> {
  const template = await ensureTemplate();
  const dir = await makeTempDir('cxkit-data-');
  cpSync(template, dir, { recursive: true });
  return dir;
}

async function ensureTemplate(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of readdirSync(migrationsDir).sort())
    hash.update(name).update(readFileSync(migrationsDir + name));
  const template = join(tmpdir(), `cxkit-pglite-template-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(template)) return template;
  const building = await makeTempDir('cxkit-template-');
  const storage = await openStorage({ dataDir: building });
  await storage.close();
  try {
    // Atomic publish: a concurrent test process may have won; then keep theirs.
    renameSync(building, template);
  } catch {
    await removeDir(building);
  }
  return template;
}
