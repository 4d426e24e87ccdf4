/**
 * "Never losing a message": a scripted customer and agent exchange messages while the hub
 * process is killed (SIGKILL) and restarted on the same data directory and sockets are
 * dropped at random. Each side must end with every message exactly once, in order.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { makeDataDir } from '../e2e/support/hub-process.js';
import { ConversationLog } from './support/conversation-log.js';
import { KillableHub } from './support/killable-hub.js';
import { ResilientClient } from './support/resilient-client.js';
import { demoTokens } from './support/tokens.js';

const perSide = Number(process.env.FAULT_PER_SIDE ?? 200);
const restarts = Number(process.env.FAULT_RESTARTS ?? 20);

describe('chat under hub crashes and dropped sockets', () => {
  const dataDir = makeDataDir();
  const clients: ResilientClient[] = [];
  let hub: KillableHub | undefined;
  after(async () => {
    clients.forEach((client) => client.close());
    await hub?.stop();
    dataDir.remove();
  });

  it('delivers every message exactly once, in order', { timeout: 240_000 }, async () => {
    hub = await KillableHub.start(dataDir.path);
    const origin = hub.url;
    const tokens = await demoTokens(hub.url, origin);
    const connect = (token: string) => {
      const client = new ResilientClient({ hub: hub!.url, siteKey: 'demo', origin, token });
      clients.push(client);
      return client;
    };
    const customer = connect(tokens.visitor);
    const agent = connect(tokens.agent);

    const sent = { visitor: ['customer 0'], agent: [] as string[] };
    const { conversationId } = (await customer.command('chat.send', { text: 'customer 0' })) as {
      conversationId: string;
    };
    await agent.command('chat.accept', { conversationId });
    const logs = { visitor: new ConversationLog(), agent: new ConversationLog() };
    customer.subscribe(`conv:${conversationId}`, logs.visitor.onEvent);
    agent.subscribe(`conv:${conversationId}`, logs.agent.onEvent);

    let acked = 0;
    const talk = async (client: ResilientClient, role: 'visitor' | 'agent', name: string) => {
      for (let i = 1; i <= perSide; i++) {
        const text = `${name} ${i}`;
        sent[role].push(text);
        await client.command('chat.send', { conversationId, text });
        acked++;
        await sleep(Math.random() * 5);
      }
    };
    let talking = true;
    const talks = Promise.all([
      talk(customer, 'visitor', 'customer'),
      talk(agent, 'agent', 'agent'),
    ]).finally(() => (talking = false));

    // Crashes spread over the exchange: one each time another slice of messages got through.
    const crashes = (async () => {
      const slice = (2 * perSide) / (restarts + 1);
      while (talking && hub!.restarts < restarts) {
        while (talking && acked < (hub!.restarts + 1) * slice) await sleep(5);
        if (!talking) break;
        await sleep(Math.random() * 50); // land among commands in flight
        await hub!.killAndRestart();
      }
    })();
    let drops = 0;
    const dropping = (async () => {
      while (talking) {
        await sleep(50 + Math.random() * 250);
        if ((Math.random() < 0.5 ? customer : agent).drop()) drops++;
      }
    })();
    // On any failure, stop: the loops end and waiting commands reject (in `after`).
    await Promise.all([talks, crashes, dropping]).catch((error: unknown) => {
      talking = false;
      throw error;
    });

    const total = 2 * perSide + 1;
    const deadline = Date.now() + 30_000;
    while (logs.visitor.texts.length < total || logs.agent.texts.length < total) {
      if (Date.now() > deadline) break;
      await sleep(50);
    }
    const customerSaw = logs.visitor.check('agent', sent.agent);
    const agentSaw = logs.agent.check('visitor', sent.visitor);
    // Each side's own messages must also be stored once (a repeated send stored twice).
    const ownDuplicates =
      logs.visitor.check('visitor', sent.visitor).duplicated +
      logs.agent.check('agent', sent.agent).duplicated;
    const lost = customerSaw.lost + agentSaw.lost;
    const duplicated = customerSaw.duplicated + agentSaw.duplicated + ownDuplicates;
    const received = logs.visitor.by('agent').length + logs.agent.by('visitor').length;
    console.log(
      `fault: sent ${total}, received ${received}, lost ${lost}, duplicated ${duplicated}, restarts ${hub.restarts}, drops ${drops}`,
    );
    assert.equal(lost, 0, 'lost');
    assert.equal(duplicated, 0, 'duplicated');
    assert.ok(customerSaw.inOrder && agentSaw.inOrder, 'each side sees the other in sending order');
    assert.equal(hub.restarts, restarts);
  });
});
