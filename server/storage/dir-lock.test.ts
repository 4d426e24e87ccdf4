import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { makeTempDir, removeDir } from '../testing/data-dirs.js';
import { DirLockedError, lockDataDir } from './dir-lock.js';

describe('data directory lock', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    return dir;
  };
  after(() => Promise.all(dirs.map(removeDir)));

  it('refuses a second holder with the pid and directory, and frees the lock on release', async () => {
    const dir = await tempDir();
    const lock = lockDataDir(dir);
    assert.equal(readFileSync(join(dir, 'hub.lock'), 'utf8'), String(process.pid));
    assert.throws(
      () => lockDataDir(dir),
      (error: unknown) =>
        error instanceof DirLockedError &&
        error.message === `another hub (pid ${process.pid}) is using data directory ${dir}`,
    );
    lock.release();
    assert.ok(!existsSync(join(dir, 'hub.lock')));
    lockDataDir(dir).release();
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = await tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    writeFileSync(join(dir, 'hub.lock'), String(dead));
    const lock = lockDataDir(dir);
    assert.equal(readFileSync(join(dir, 'hub.lock'), 'utf8'), String(process.pid));
    lock.release();
  });

  it('takes over an empty or garbled lock file', async () => {
    const dir = await tempDir();
    writeFileSync(join(dir, 'hub.lock'), 'not a pid');
    lockDataDir(dir).release();
  });
});
