import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventFrame, StreamName } from '../../protocol/index.js';
import { MemoryBus } from '../bus/index.js';
import { StreamSubscription } from './stream-subscription.js';

const stream: StreamName = 'conv:c1';

function frame(seq: number): EventFrame {
  return {
    v: 1,
    type: 'event',
    stream,
    seq,
    at: '2026-11-23T00:00:00.000Z',
    event: { type: 'conversation.closed', conversationId: 'c1' },
  } as EventFrame;
}

/** A subscription after `after` whose stored events are `stored`, read when `release` runs. */
function subscription(after: number, stored: EventFrame[]) {
  const bus = new MemoryBus();
  const sent: number[] = [];
  let release = () => {};
  const readable = new Promise<void>((resolve) => (release = resolve));
  const sub = new StreamSubscription(stream, after, {
    bus,
    read: async (_stream, from) => {
      await readable;
      return stored.filter((each) => each.seq > from);
    },
    send: (each) => sent.push(each.seq),
    sendSignal: () => {},
    onError: (error) => assert.fail(String(error)),
  });
  return { bus, sent, sub, release };
}

describe('a subscription carrying its socket’s own events in acks', () => {
  it('hands over the next event and skips its live copy', async () => {
    const { bus, sent, sub, release } = subscription(0, [frame(1)]);
    release();
    await sub.replay();
    assert.deepEqual(sent, [1]);
    assert.equal(sub.carry(frame(2))?.seq, 2);
    await bus.publish(stream, frame(2));
    await bus.publish(stream, frame(3));
    assert.deepEqual(sent, [1, 3], 'event 2 went in the ack, not again on its own');
  });

  it('keeps an event that is not next in line, so it comes in order', async () => {
    const { bus, sent, sub, release } = subscription(0, [frame(1), frame(2)]);
    release();
    await sub.replay();
    assert.equal(sub.carry(frame(4)), null, 'event 3 has not been sent yet');
    await bus.publish(stream, frame(3));
    await bus.publish(stream, frame(4));
    assert.deepEqual(sent, [1, 2, 3, 4]);
  });

  it('carries nothing while stored events are being replayed', async () => {
    const { sent, sub, release } = subscription(0, [frame(1), frame(2)]);
    const replaying = sub.replay();
    assert.equal(sub.carry(frame(1)), null);
    release();
    await replaying;
    assert.deepEqual(sent, [1, 2]);
  });

  it('carries the frame as the socket’s view shows it', async () => {
    const bus = new MemoryBus();
    const sub = new StreamSubscription(stream, 0, {
      bus,
      read: async () => [],
      send: () => {},
      sendSignal: () => {},
      onError: () => {},
      view: (each) => ({ ...each, at: 'viewed' }),
    });
    await sub.replay();
    assert.equal(sub.carry(frame(1))?.at, 'viewed');
  });
});
