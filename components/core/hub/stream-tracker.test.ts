import { expect } from '@open-wc/testing';
import type { EventFrame, StreamName } from '../../../protocol/index.js';
import { StreamTracker } from './stream-tracker.js';

const frame = (seq: number, stream: StreamName = 'conv:a'): EventFrame => ({
  v: 1,
  type: 'event',
  stream,
  seq,
  at: new Date(0).toISOString(),
  event: { type: 'conversation.closed', conversationId: 'a' },
});

describe('StreamTracker', () => {
  it('drops events already seen and asks again from the last seq on a hole', () => {
    const subscribes: number[] = [];
    const seen: number[] = [];
    const tracker = new StreamTracker((_, after) => subscribes.push(after));
    tracker.add('conv:a', 2, { onEvent: (f) => seen.push(f.seq) });
    tracker.answered('conv:a', null);
    for (const seq of [1, 2, 3, 3, 5, 6]) tracker.deliver(frame(seq));
    expect(seen).to.deep.equal([3]);
    expect(subscribes).to.deep.equal([2, 3]); // a single resync for the hole, however many events follow it
    tracker.answered('conv:a', null);
    for (const seq of [4, 5, 6, 7]) tracker.deliver(frame(seq));
    expect(seen).to.deep.equal([3, 4, 5, 6, 7]);
  });

  it('resubscribes every stream from its last seq after a reconnect', () => {
    const subscribes: [StreamName, number][] = [];
    const tracker = new StreamTracker((stream, after) => subscribes.push([stream, after]));
    tracker.add('conv:a', 0, { onEvent: () => {} });
    tracker.add('desk:demo', 10, { onEvent: () => {} });
    tracker.deliver(frame(1));
    tracker.disconnected();
    subscribes.length = 0;
    tracker.resubscribeAll();
    expect(subscribes).to.deep.equal([
      ['conv:a', 1],
      ['desk:demo', 10],
    ]);
  });

  it('reports subscription errors to the listeners', () => {
    const errors: string[] = [];
    const tracker = new StreamTracker(() => {});
    tracker.add('conv:a', 0, { onEvent: () => {}, onError: (e) => errors.push(e.code) });
    tracker.answered('conv:a', { code: 'stream.gap', message: 'gone' });
    expect(errors).to.deep.equal(['stream.gap']);
  });
});
