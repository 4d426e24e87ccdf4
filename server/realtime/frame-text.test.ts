import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatMessage, EventFrame } from '../../protocol/index.js';
import { ackText, eventText } from './frame-text.js';

const message: ChatMessage = {
  id: 'm1',
  conversationId: 'c1',
  clientMessageId: 'k1',
  author: { role: 'visitor', id: 'v1', name: 'Ada "the" <visitor>' },
  text: 'line one\nline "two" \u2028 안녕',
  createdAt: '2026-11-23T10:00:00.000Z',
};
const frame: EventFrame = {
  v: 1,
  type: 'event',
  stream: 'conv:c1',
  seq: 7,
  at: message.createdAt,
  event: { type: 'message.created', message },
};

describe('frame text', () => {
  it('reads back as the event itself', () => {
    assert.deepEqual(JSON.parse(eventText(frame)), frame);
  });

  it('reads back as the ack, its result and the events that ride in it', () => {
    const result = { conversationId: 'c1', message, seq: 7 };
    assert.deepEqual(JSON.parse(ackText('cmd-1', result, [frame])), {
      v: 1,
      type: 'ack',
      id: 'cmd-1',
      result,
      events: [frame],
    });
  });

  it('writes any other result as JSON would', () => {
    for (const result of [
      { stream: 'conv:c1' },
      { message: 'not an object' },
      {},
      null,
      [1, 2],
      3,
    ]) {
      assert.deepEqual(JSON.parse(ackText('x', result, [])), {
        v: 1,
        type: 'ack',
        id: 'x',
        result,
      });
    }
    assert.deepEqual(JSON.parse(ackText('x', undefined, [])), { v: 1, type: 'ack', id: 'x' });
    const note: EventFrame = { ...frame, event: { type: 'note.created', note: message } };
    assert.deepEqual(JSON.parse(eventText(note)), note);
  });

  it('serializes a message once for its event and its ack', () => {
    const shared = { ...message, id: 'm2' };
    const event = { ...frame, event: { type: 'message.created' as const, message: shared } };
    eventText(event);
    // A change after the first serialization does not show: the text was kept, not remade.
    shared.text = 'changed';
    const ack = JSON.parse(ackText('cmd-2', { conversationId: 'c1', message: shared, seq: 8 }, []));
    assert.equal(ack.result.message.text, message.text);
  });
});
