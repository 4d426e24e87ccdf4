import { newCommandId } from '../../components/core/hub/command-id.js';
import { maxChatsPerAgent, mintToken } from './hub-config.js';
import { BenchSocket, type Frame } from './socket.js';

export type Direction = 'toAgent' | 'toCustomer';

/** A customer and an agent in one conversation. */
export interface Pair {
  send(direction: Direction, text: string): void;
}

export interface Peers {
  pairs: Pair[];
  /** Error answers seen (a hub refusing or failing a send). */
  errors(): number;
  close(): void;
}

/** Receives the text of every message the other side of a pair got. */
export type Sink = (text: string) => void;

const batch = 50;

/** `count` conversations on the hub: a visitor socket and an agent socket each, accepted. */
export async function hubPeers(hub: string, secret: string, count: number, sink: Sink) {
  const url = `${hub.replace(/^http/, 'ws')}/ws?siteKey=demo`;
  let errors = 0;
  const listen = (from: 'visitor' | 'agent') => (frame: Frame) => {
    if (frame.type === 'error') errors++;
    else if (frame.type === 'event' && frame.event.type === 'message.created') {
      if (frame.event.message.author.role === from) sink(frame.event.message.text);
    }
  };
  const open = async (i: number) => {
    const [customer, agent] = await Promise.all([
      BenchSocket.open(url, hub),
      BenchSocket.open(url, hub),
    ]);
    await customer.request('hello', { token: mintToken(secret, 'visitor', `bench-visitor-${i}`) });
    await agent.request('hello', {
      token: mintToken(secret, 'agent', `agent-${Math.floor(i / maxChatsPerAgent)}`),
    });
    const { conversationId } = await customer.request('chat.send', { text: 'hello' });
    await agent.request('chat.accept', { conversationId });
    const stream = `conv:${conversationId}`;
    await customer.request('subscribe', { stream, after: 0 });
    await agent.request('subscribe', { stream, after: 0 });
    customer.onFrame = listen('agent');
    agent.onFrame = listen('visitor');
    const pair: Pair = {
      send(direction, text) {
        const socket = direction === 'toAgent' ? customer : agent;
        socket.send({ v: 1, type: 'chat.send', id: newCommandId(), conversationId, text });
      },
    };
    return { pair, sockets: [customer, agent] };
  };
  return openAll(count, open, () => errors);
}

/** `count` pairs of sockets on the raw relay, sending the same frames as to the hub. */
export async function relayPeers(relayPort: number, count: number, sink: Sink) {
  const open = async (i: number) => {
    const url = (side: string) => `ws://127.0.0.1:${relayPort}/?pair=${i}&side=${side}`;
    const origin = 'http://localhost';
    const customer = await BenchSocket.open(url('customer'), origin);
    const agent = await BenchSocket.open(url('agent'), origin);
    customer.onFrame = agent.onFrame = (frame) => sink(frame.text as string);
    const pair: Pair = {
      send(direction, text) {
        const socket = direction === 'toAgent' ? customer : agent;
        socket.send({ v: 1, type: 'chat.send', id: newCommandId(), conversationId: 'x', text });
      },
    };
    return { pair, sockets: [customer, agent] };
  };
  return openAll(count, open, () => 0);
}

async function openAll(
  count: number,
  open: (i: number) => Promise<{ pair: Pair; sockets: BenchSocket[] }>,
  errors: () => number,
): Promise<Peers> {
  const opened: Array<{ pair: Pair; sockets: BenchSocket[] }> = [];
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    opened.push(...(await Promise.all(Array.from({ length: size }, (_, k) => open(start + k)))));
  }
  return {
    pairs: opened.map((each) => each.pair),
    errors,
    close: () => opened.forEach((each) => each.sockets.forEach((socket) => socket.close())),
  };
}
