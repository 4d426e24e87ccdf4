import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Principal } from '../auth/index.js';
import { openStorage, type Storage } from '../storage/index.js';
import { freshDataDir, removeDir } from '../testing/data-dirs.js';
import { purgeUnsentUploads, unsentUploadHours } from './cleanup.js';
import { tinyPng } from './fixtures.js';
import { attachUploads, insertAttachment } from './store.js';

describe('unsent uploads', () => {
  let storage: Storage;
  let dataDir: string;
  before(async () => {
    dataDir = await freshDataDir();
    storage = await openStorage({ dataDir });
  });
  after(async () => {
    await storage.close();
    await removeDir(dataDir);
  });

  it(`go after ${unsentUploadHours} hours; sent ones and recent ones stay`, async () => {
    const visitor: Principal = { role: 'visitor', id: 'v1', name: null, siteKey: 'demo' };
    const file = {
      siteKey: 'demo',
      uploader: visitor,
      name: 'a.png',
      type: 'image/png',
      bytes: tinyPng,
    };
    const sent = await insertAttachment(storage, file);
    const unsent = await insertAttachment(storage, file);
    await attachUploads(storage, visitor, [sent.id], 'send-1', 'secret');
    const hourMs = 3_600_000;

    assert.equal(
      await purgeUnsentUploads(storage, Date.now() + (unsentUploadHours - 1) * hourMs),
      0,
    );
    assert.equal(
      await purgeUnsentUploads(storage, Date.now() + (unsentUploadHours + 1) * hourMs),
      1,
    );
    const left = await storage.query<{ id: string }>('SELECT id FROM attachments');
    assert.deepEqual(
      left.map((row) => row.id),
      [sent.id],
    );
    // A send that still names the purged upload is refused, with the usual code.
    await assert.rejects(attachUploads(storage, visitor, [unsent.id], 'send-2', 'secret'), {
      code: 'attachment.not_found',
    });
  });
});
