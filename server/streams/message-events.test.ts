import assert from 'node:assert/strict';
import { after, before, describe, it as test } from 'node:test';
import type { EventFrame } from '../../protocol/index.js';
import { migrate } from '../storage/migrate.js';
import { openPglite } from '../storage/pglite.js';
import { openPostgres } from '../storage/postgres.js';
import type { Storage } from '../storage/index.js';
import { makeTempDir, removeDir } from '../testing/data-dirs.js';
import { freshPostgresSchema } from '../testing/postgres.js';
import { readEvents } from './event-log.js';

const databaseUrl = process.env.CXKIT_TEST_DATABASE_URL;

/**
 * A conversation's messages are its message events (`message-events.ts`). Before migration
 * 015 every message and note had a copy in stream_events (and batched sends already kept
 * their seq); after it, the rows are the events: a client that resumes a conversation
 * stored before must get exactly the events it would have got.
 */
for (const driver of ['pglite', 'postgres'] as const) {
  const skip = driver === 'postgres' && !databaseUrl ? 'CXKIT_TEST_DATABASE_URL is not set' : false;
  const it = (name: string, fn: () => Promise<void>) => test(name, { skip }, fn);

  describe(`messages as events (migration 015, replays) on ${driver}`, () => {
    let storage: Storage;
    let cleanup: () => Promise<void>;

    before(async () => {
      if (skip) return;
      if (driver === 'pglite') {
        const dir = await makeTempDir('cxkit-migration-');
        storage = await openPglite(dir);
        cleanup = () => removeDir(dir);
      } else {
        const schema = await freshPostgresSchema(databaseUrl!);
        storage = await openPostgres(schema.url);
        cleanup = schema.drop;
      }
      await migrate(storage, '014');
    });
    after(async () => {
      if (skip) return;
      await storage.close();
      await cleanup();
    });

    it('keeps every event of a conversation stored the old way, once, in order', async () => {
      const stream = 'conv:c1';
      const at = (second: number) => `2026-11-20T10:00:0${second}.000Z`;
      const message = (id: string, second: number, extra: object = {}) => ({
        id,
        conversationId: 'c1',
        clientMessageId: `client-${id}`,
        author: { role: 'agent', id: 'a1', name: 'Ana' },
        text: `text of ${id}`,
        createdAt: at(second),
        ...extra,
      });
      const old: EventFrame[] = [
        { type: 'message.created', message: message('m1', 1, { quickReplies: ['Yes', 'No'] }) },
        { type: 'conversation.accepted', conversationId: 'c1', agent: { id: 'a1', name: 'Ana' } },
        { type: 'note.created', note: message('n1', 3) },
        { type: 'message.created', message: message('m2', 4) },
      ].map(
        (event, i) =>
          ({ v: 1, type: 'event', stream, seq: i + 1, at: at(i + 1), event }) as EventFrame,
      );

      await storage.query(
        "INSERT INTO conversations (id, site_key, visitor_id, status, agent_id) VALUES ('c1', 'demo', 'v1', 'active', 'a1')",
      );
      await storage.query('INSERT INTO stream_counters (stream, last_seq) VALUES ($1, 4)', [
        stream,
      ]);
      for (const frame of old) {
        await storage.query(
          'INSERT INTO stream_events (stream, seq, at, payload) VALUES ($1, $2, $3, $4)',
          [stream, frame.seq, frame.at, JSON.stringify(frame.event)],
        );
      }
      // m1 and n1 were sent one by one (no seq), m2 in a batch (its seq kept with it).
      const rows: Array<[string, string, boolean, string | null, number | null]> = [
        ['m1', at(1), false, JSON.stringify({ quickReplies: ['Yes', 'No'] }), null],
        ['n1', at(3), true, null, null],
        ['m2', at(4), false, null, 4],
      ];
      for (const [id, createdAt, internal, extras, seq] of rows) {
        await storage.query(
          `INSERT INTO messages (id, conversation_id, client_message_id, author_role, author_id,
             author_name, text, created_at, internal, extras, seq)
           VALUES ($1, 'c1', $2, 'agent', 'a1', 'Ana', $3, $4, $5, $6, $7)`,
          [id, `client-${id}`, `text of ${id}`, createdAt, internal, extras, seq],
        );
      }

      assert.deepEqual(await migrate(storage, '015'), ['015_messages_are_events.sql']);

      assert.deepEqual(await readEvents(storage, stream, 0, 10), old);
      assert.deepEqual(await readEvents(storage, stream, 1, 2), old.slice(1, 3));
      const copies = await storage.query('SELECT seq FROM stream_events WHERE stream = $1', [
        stream,
      ]);
      assert.deepEqual(copies, [{ seq: 2 }]);
    });

    it("signs a replayed message's download links anew", async () => {
      const file = { id: 'f-1', name: 'receipt.pdf', type: 'application/pdf', size: 10 };
      await storage.query(
        "INSERT INTO conversations (id, site_key, visitor_id, status) VALUES ('c2', 'demo', 'v2', 'active')",
      );
      await storage.query(
        `INSERT INTO messages (id, conversation_id, client_message_id, author_role, author_id,
           text, extras, seq)
         VALUES ('m9', 'c2', 'client-m9', 'visitor', 'v2', '', $1, 1)`,
        [
          JSON.stringify({
            attachments: [{ ...file, url: '/api/v1/attachments/f-1?exp=1&sig=old' }],
          }),
        ],
      );
      const [fresh] = await readEvents(storage, 'conv:c2', 0, 10, (id) => `signed:${id}`);
      assert.deepEqual(fresh!.event, {
        type: 'message.created',
        message: {
          id: 'm9',
          conversationId: 'c2',
          clientMessageId: 'client-m9',
          author: { role: 'visitor', id: 'v2' },
          text: '',
          createdAt: fresh!.at,
          attachments: [{ ...file, url: 'signed:f-1' }],
        },
      });
    });
  });
}
