import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openStorage } from '../storage/index.js';
import { startTestHub, stopTestHub, visitorAndAgent, type TestHub } from '../testing/harness.js';

describe('stream gaps', () => {
  let hub: TestHub;
  let stream = '';
  before(async () => {
    hub = await startTestHub();
    const { visitor, agent } = await visitorAndAgent(hub);
    for (const text of ['one', 'two', 'three']) {
      const sent = await visitor.ok('chat.send', { text });
      stream = `conv:${sent.conversationId}`;
    }
    visitor.close();
    agent.close();
    // Events 1 and 2 (messages: their rows are the events) go, as a deletion would remove them.
    await stopTestHub(hub, { keepData: true });
    const db = await openStorage({ dataDir: hub.dataDir });
    await db.query('DELETE FROM messages WHERE conversation_id = $1 AND seq <= 2', [
      stream.slice('conv:'.length),
    ]);
    await db.close();
    hub = await startTestHub({ dataDir: hub.dataDir });
  });
  after(() => stopTestHub(hub));

  it('answers stream.gap when the events after `after` are no longer kept', async () => {
    const { agent } = await visitorAndAgent(hub);
    try {
      const answer = await agent.command('subscribe', { stream, after: 0 });
      assert.equal(answer.type, 'error');
      assert.equal(answer.code, 'stream.gap');
      assert.match(answer.message, /subscribe after 3/);
      assert.equal(answer.lastSeq, 3);
    } finally {
      agent.close();
    }
  });

  it('answers stream.gap when the client saw more than the stream holds', async () => {
    const { agent } = await visitorAndAgent(hub);
    try {
      const answer = await agent.command('subscribe', { stream, after: 7 });
      assert.equal(answer.code, 'stream.gap');
      assert.equal(answer.lastSeq, 3);
    } finally {
      agent.close();
    }
  });

  it('replays from a seq that is still kept, and the socket stays usable after a gap', async () => {
    const { agent } = await visitorAndAgent(hub);
    try {
      assert.equal((await agent.command('subscribe', { stream, after: 1 })).code, 'stream.gap');
      const ack = await agent.ok('subscribe', { stream, after: 2 });
      assert.equal(ack.lastSeq, 3);
      const replayed = await agent.waitFor(
        (frame) => frame.type === 'event' && frame.stream === stream,
      );
      assert.equal(replayed.seq, 3);
      assert.equal(replayed.event.message.text, 'three');
    } finally {
      agent.close();
    }
  });
});
