import assert from 'node:assert/strict';
import { after, before, describe, it as test } from 'node:test';
import { openStorage, type Storage } from '../storage/index.js';
import {
  agentToken,
  demoOrigin,
  mintIdentityToken,
  mintToken,
  signedIn,
  startTestHub,
  stopTestHub,
  visitorToken,
  WsClient,
  type TestHub,
} from '../testing/harness.js';
import { freshPostgresSchema } from '../testing/postgres.js';
import { drivers, skipReason } from '../testing/drivers.js';

// With CXKIT_TEST_DATABASE_URL set, the same suite also runs the hub on PostgreSQL.
const databaseUrl = process.env.CXKIT_TEST_DATABASE_URL;
const at = () => new Date().toISOString();
const page = (path: string, title = path) => ({
  type: 'page_view',
  at: at(),
  url: `https://shop.example${path}`,
  title,
});

interface PostOptions {
  contentType?: string;
  origin?: string | null;
  method?: string;
  authorization?: string;
}

async function send(url: string, body: unknown, options: PostOptions = {}) {
  const {
    contentType = 'text/plain;charset=UTF-8',
    origin = demoOrigin,
    method = 'POST',
  } = options;
  const response = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': contentType }),
      ...(origin ? { origin } : {}),
      ...(options.authorization ? { authorization: options.authorization } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

for (const driver of drivers) {
  const skip = skipReason(driver);

  describe(`journey and customer context (${driver})`, () => {
    const it = (name: string, fn: () => Promise<void>) => test(name, { skip }, fn);
    let hub: TestHub;
    let schemaUrl: string | undefined;
    let dropSchema = async () => {};
    const sockets: WsClient[] = [];

    before(async () => {
      if (skip) return;
      if (driver === 'pglite') return void (hub = await startTestHub());
      const schema = await freshPostgresSchema(databaseUrl!);
      schemaUrl = schema.url;
      dropSchema = schema.drop;
      hub = await startTestHub({ databaseUrl: schemaUrl });
    });
    after(async () => {
      if (skip) return;
      sockets.forEach((socket) => socket.close());
      await stopTestHub(hub);
      await dropSchema();
    });

    /** Direct database access; PGlite allows one process per directory, so the hub steps aside. */
    async function withDatabase<T>(fn: (db: Storage) => Promise<T>, restartHub = true): Promise<T> {
      const dataDir = hub.dataDir;
      if (driver === 'postgres') {
        const db = await openStorage({ databaseUrl: schemaUrl, dataDir });
        try {
          return await fn(db);
        } finally {
          await db.close();
        }
      }
      await stopTestHub(hub, { keepData: true });
      const db = await openStorage({ dataDir });
      try {
        return await fn(db);
      } finally {
        await db.close();
        if (restartHub) hub = await startTestHub({ dataDir });
      }
    }

    async function restartHub() {
      await stopTestHub(hub, { keepData: true });
      hub = await startTestHub(
        driver === 'postgres'
          ? { databaseUrl: schemaUrl, dataDir: hub.dataDir }
          : { dataDir: hub.dataDir },
      );
    }

    const journeyUrl = () => `${hub.url}/api/v1/journey`;
    const post = (body: unknown, options?: PostOptions) => send(journeyUrl(), body, options);
    const batchFor = (token: string, events: object[], extra: object = {}) => ({
      siteKey: 'demo',
      token,
      visitId: 'visit-1',
      events,
      ...extra,
    });

    async function agent(siteKey = 'demo') {
      const socket = await signedIn(hub, (await agentToken(hub, siteKey)).token, siteKey);
      sockets.push(socket);
      return socket;
    }

    it('stores a text/plain batch, strips URL parameters again and shows it to an agent', async () => {
      const visitor = await visitorToken(hub);
      const answer = await post(
        batchFor(visitor.token, [
          {
            ...page('/reset?token=s3cret&step=2#top', 'Reset'),
            referrer: 'https://mail.example/?email=ada%40example.com',
          },
          {
            type: 'search',
            at: at(),
            url: 'https://shop.example/search?q=socks&auth=x',
            query: 'socks',
          },
        ]),
      );
      assert.deepEqual(answer, { status: 200, body: { accepted: 2 } });
      const json = await post(batchFor(visitor.token, [page('/json')]), {
        contentType: 'application/json',
      });
      assert.deepEqual(json.body, { accepted: 1 });

      const { context } = await (await agent()).ok('context.get', { visitorId: visitor.visitorId });
      const events = context.visits[0].events.map(
        (stored: { event: Record<string, unknown> }) => stored.event,
      );
      assert.deepEqual(
        events.map((event: Record<string, unknown>) => [event.url, event.referrer ?? null]),
        [
          ['https://shop.example/reset?step=2', 'https://mail.example/'],
          ['https://shop.example/search?q=socks', null],
          ['https://shop.example/json', null],
        ],
      );
      assert.equal(context.verified, false);
      assert.deepEqual(context.crm, { status: 'none' });
      assert.equal(context.presence.online, true);
      assert.equal(context.presence.currentUrl, 'https://shop.example/json');
    });

    it('refuses bad batches with stable codes and stores nothing from them', async () => {
      const visitor = await visitorToken(hub);
      const good = page('/ok');
      const cases: Array<[unknown, PostOptions, number, string, RegExp?]> = [
        [
          batchFor(visitor.token, [good, { ...good, type: 'keystroke' }]),
          {},
          400,
          'protocol.invalid_message',
          /events\[1\]\.type/,
        ],
        [
          batchFor(visitor.token, [
            good,
            { type: 'cart_add', at: at(), url: '/', product: { price: 1 } },
          ]),
          {},
          400,
          'protocol.invalid_message',
          /^events\[1\]\.product\.sku is required$/,
        ],
        [
          batchFor(visitor.token, [
            {
              type: 'form_error',
              at: at(),
              url: '/',
              form: 'f',
              field: 'card',
              message: 'm',
              value: '4111',
            },
          ]),
          {},
          400,
          'protocol.invalid_message',
          /events\[0\]\.value is not a known field/,
        ],
        [
          batchFor(visitor.token, Array(101).fill(good)),
          {},
          400,
          'protocol.invalid_message',
          /at most 100/,
        ],
        [
          batchFor(
            visitor.token,
            Array(100).fill({ ...good, title: 'x'.repeat(490), referrer: 'y'.repeat(200) }),
          ),
          {},
          413,
          'protocol.invalid_message',
        ],
        ['{"siteKey": "demo", ', {}, 400, 'protocol.invalid_json'],
        [
          batchFor(mintToken({ role: 'visitor', sub: visitor.visitorId, exp: 1 }), [good]),
          {},
          401,
          'auth.expired_token',
        ],
        [batchFor(`${visitor.token}x`, [good]), {}, 401, 'auth.invalid_token'],
        [batchFor('', [good]), {}, 401, 'auth.missing_token'],
        [batchFor((await agentToken(hub)).token, [good]), {}, 403, 'auth.forbidden'],
        [
          batchFor(visitor.token, [good]),
          { origin: 'https://evil.example' },
          403,
          'origin.forbidden',
        ],
        [batchFor(visitor.token, [good]), { origin: null }, 403, 'origin.forbidden'],
        [{ ...batchFor(visitor.token, [good]), siteKey: 'nope' }, {}, 404, 'site.unknown'],
      ];
      for (const [body, options, status, code, message] of cases) {
        const answer = await post(body, options);
        assert.equal(answer.status, status, JSON.stringify(answer));
        assert.equal(answer.body.code, code);
        if (message) assert.match(answer.body.message, message);
      }
      const { context, seq } = await (
        await agent()
      ).ok('context.get', { visitorId: visitor.visitorId });
      assert.deepEqual([context.visits, seq], [[], 0]);
    });

    it('answers CORS for allowed origins only, also for DELETE', async () => {
      const preflight = (origin: string) =>
        fetch(journeyUrl(), {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'DELETE' },
        });
      const allowed = await preflight('https://shop.example');
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');
      assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /DELETE/);
      const foreign = await preflight('https://evil.example');
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    });

    it('limits each visitor to 300 events a minute', async () => {
      const [first, second] = [await visitorToken(hub), await visitorToken(hub)];
      const hundred = Array(100).fill(page('/p'));
      for (let i = 0; i < 3; i++)
        assert.equal((await post(batchFor(first.token, hundred))).status, 200);
      const limited = await post(batchFor(first.token, [page('/one-more')]));
      assert.deepEqual([limited.status, limited.body.code], [429, 'rate.limited']);
      assert.equal((await post(batchFor(second.token, hundred))).status, 200);
    });

    it('links a verified visitor to the customer, across devices and with its earlier events', async () => {
      const laptop = await visitorToken(hub);
      const phone = await visitorToken(hub);
      const identityToken = mintIdentityToken({ sub: 'customer-7', name: 'Ada Lovelace' });
      await post(batchFor(laptop.token, [page('/before-sign-in')]));
      await post(batchFor(laptop.token, [page('/account')], { identityToken }));
      await post(
        batchFor(phone.token, [page('/on-phone')], { visitId: 'visit-phone', identityToken }),
      );
      await post(batchFor(laptop.token, [page('/after-sign-in')], { identityToken }));

      const desk = await agent();
      const { context } = await desk.ok('context.get', { customerId: 'customer-7' });
      assert.equal(context.verified, true);
      assert.equal(context.customerId, 'customer-7');
      assert.equal(context.displayName, 'Ada Lovelace');
      const urls = context.visits.flatMap((visit: { events: Array<{ event: { url: string } }> }) =>
        visit.events.map((stored) => new URL(stored.event.url).pathname),
      );
      assert.deepEqual(urls.sort(), ['/account', '/after-sign-in', '/before-sign-in', '/on-phone']);

      const byVisitor = await desk.ok('context.get', { visitorId: phone.visitorId });
      assert.equal(byVisitor.context.customerId, 'customer-7');
      assert.equal(byVisitor.context.visits.length, 2);

      // An identity token never opens a session.
      const socket = await WsClient.connect(hub.url, 'demo', demoOrigin);
      const refused = await socket.command('hello', { token: identityToken });
      assert.equal(refused.code, 'auth.invalid_token');
      assert.equal((await socket.closed).code, 4401);
    });

    it("files a batch whose identity token the hub does not take as the visitor's, and says why", async () => {
      const browser = await visitorToken(hub);
      const expired = mintIdentityToken({ sub: 'customer-stale', exp: 1 });
      const cases = [
        [expired, 'auth.expired_token'],
        ['forged.token', 'auth.invalid_token'],
      ] as const;
      for (const [identityToken, code] of cases) {
        const answer = await post(
          batchFor(browser.token, [page(`/with-${code}`)], { identityToken }),
        );
        assert.equal(answer.status, 200, JSON.stringify(answer));
        assert.equal(answer.body.accepted, 1);
        assert.equal(answer.body.identityRefused.code, code);
        assert.match(answer.body.identityRefused.message, /token/);
      }
      // Before, a 401 made the recorder drop its visitor token and retry for ever.
      const { context } = await (await agent()).ok('context.get', { visitorId: browser.visitorId });
      assert.equal(context.customerId, null);
      const paths = context.visits.flatMap((visit: { events: Array<{ event: { url: string } }> }) =>
        visit.events.map((stored) => new URL(stored.event.url).pathname),
      );
      assert.deepEqual(paths.sort(), ['/with-auth.expired_token', '/with-auth.invalid_token']);
    });

    it("keeps apart a customer's browsing and the next person's at a browser they signed out of", async () => {
      const browser = await visitorToken(hub);
      const identityToken = mintIdentityToken({ sub: 'customer-left-pc', name: 'Lin' });
      const visit = (visitId: string, path: string, signedIn = false) =>
        post(
          batchFor(browser.token, [page(path)], {
            visitId,
            ...(signedIn ? { identityToken } : {}),
          }),
        );
      await visit('first', '/browsed-before-sign-in');
      await visit('first', '/account', true);
      // Signed out, the visitor kept: the next person browses in a visit of their own.
      await visit('second', '/stranger-browsing');
      // Lin comes back to this browser, looks around, then signs in: that visit is hers.
      await visit('third', '/looked-before-signing-in-again');
      await visit('third', '/orders', true);
      const desk = await agent();
      const byBrowser = async () =>
        (await desk.ok('context.get', { visitorId: browser.visitorId })).context;
      assert.equal((await byBrowser()).customerId, 'customer-left-pc');
      await visit('fourth', '/after-signing-out-again');

      const paths = (context: { visits: Array<{ events: Array<{ event: { url: string } }> }> }) =>
        context.visits
          .flatMap((each) => each.events.map((stored) => new URL(stored.event.url).pathname))
          .sort();
      const lins = await desk.ok('context.get', { customerId: 'customer-left-pc' });
      assert.deepEqual(paths(lins.context), [
        '/account',
        '/browsed-before-sign-in',
        '/looked-before-signing-in-again',
        '/orders',
      ]);
      // The anonymous person's conversation at that browser shows their browsing only.
      const stranger = await signedIn(hub, browser.token);
      sockets.push(stranger);
      const asked = await stranger.ok('chat.send', { text: 'is this in stock?' });
      const theirs = await desk.ok('context.get', { conversationId: asked.conversationId });
      assert.equal(theirs.context.customerId, null);
      assert.deepEqual(paths(theirs.context), ['/after-signing-out-again', '/stranger-browsing']);
      // A card for the browser (a call from it, say) shows whoever browses there now.
      const now = await byBrowser();
      assert.deepEqual([now.customerId, now.verified, now.displayName], [null, false, null]);
      assert.deepEqual(paths(now), ['/after-signing-out-again', '/stranger-browsing']);
    });

    it("shows a conversation's own customer on its card, not the browser's last sign-in", async () => {
      const browser = await visitorToken(hub);
      const identityToken = mintIdentityToken({ sub: 'customer-shared-pc', name: 'Grace' });
      await post(batchFor(browser.token, [page('/account')], { identityToken }));
      const verified = await WsClient.connect(hub.url, 'demo', demoOrigin);
      sockets.push(verified);
      await verified.ok('hello', { token: browser.token, identityToken });
      const theirs = await verified.ok('chat.send', { text: 'where is my order?' });
      // Signed out, visitor not forgotten: the next person at the browser asks anonymously.
      const stranger = await signedIn(hub, browser.token);
      sockets.push(stranger);
      const asked = await stranger.ok('chat.send', { text: 'anonymous question' });
      assert.notEqual(asked.conversationId, theirs.conversationId);

      const desk = await agent();
      const card = async (conversationId: string) =>
        (await desk.ok('context.get', { conversationId })).context;
      const strangers = await card(asked.conversationId);
      assert.deepEqual([strangers.customerId, strangers.verified], [null, false]);
      const graces = await card(theirs.conversationId);
      assert.deepEqual(
        [graces.customerId, graces.verified, graces.displayName],
        ['customer-shared-pc', true, 'Grace'],
      );
    });

    it('serves context.get to agents only, then streams journey.appended live', async () => {
      const visitor = await visitorToken(hub);
      const visitorSocket = await signedIn(hub, visitor.token);
      sockets.push(visitorSocket);
      const chat = await visitorSocket.ok('chat.send', { text: 'Checkout fails' });
      const product = { sku: 'X200', name: 'X200 Laptop', category: 'Laptops', price: 999 };
      const view = { type: 'product_view', at: at(), url: 'https://shop.example/p/x200', product };
      await post(
        batchFor(visitor.token, [
          page('/p/x200', 'X200'),
          view,
          view,
          view,
          { type: 'cart_add', at: at(), url: 'https://shop.example/p/x200', product },
          {
            type: 'checkout_step',
            at: at(),
            url: 'https://shop.example/checkout',
            step: 'payment',
          },
          {
            type: 'js_error',
            at: at(),
            url: 'https://shop.example/checkout',
            message: 'pay is not a function',
          },
          page('/help/payments'),
          page('/contact'),
        ]),
      );

      const desk = await agent();
      const { context, seq } = await desk.ok('context.get', {
        conversationId: chat.conversationId,
      });
      assert.equal(seq, 1);
      assert.equal(context.visitorId, visitor.visitorId);
      assert.deepEqual(context.struggles.map((s: { kind: string }) => s.kind).sort(), [
        'cart_abandoned',
        'help_pages',
        'js_error',
      ]);
      assert.deepEqual(context.interests[0], {
        kind: 'product',
        key: 'X200',
        label: 'X200 Laptop',
        views: 3,
        suggestion: 'Offer 10% on the X200',
      });
      assert.deepEqual(context.cart, [{ ...product, quantity: 1 }]);
      assert.deepEqual(
        context.conversations.map((c: { id: string }) => c.id),
        [chat.conversationId],
      );
      const marked = context.visits[0].events.filter(
        (stored: { struggle?: string }) => stored.struggle,
      );
      assert.equal(marked.length, 4);

      const stream = `visitor:${visitor.visitorId}`;
      await desk.ok('subscribe', { stream, after: seq });
      await post(
        batchFor(visitor.token, [
          {
            type: 'request_failed',
            at: at(),
            url: 'https://shop.example/checkout',
            method: 'POST',
            target: '/api/pay?token=t',
            status: 502,
          },
        ]),
      );
      const live = await desk.waitFor((frame) => frame.type === 'event' && frame.stream === stream);
      assert.equal(live.seq, 2);
      assert.equal(live.event.type, 'journey.appended');
      assert.equal(live.event.visitorId, visitor.visitorId);
      assert.equal(live.event.customerId, null);
      assert.equal(live.event.events[0].struggle, 'request_failed');
      assert.equal(live.event.events[0].event.target, '/api/pay');

      const forbidden = async (client: WsClient, type: string, fields: object) =>
        assert.equal(
          (await client.command(type, fields as Record<string, unknown>)).code,
          'auth.forbidden',
        );
      await forbidden(visitorSocket, 'context.get', { visitorId: visitor.visitorId });
      await forbidden(visitorSocket, 'subscribe', { stream, after: 0 });
      await forbidden(await agent('other'), 'subscribe', { stream, after: 0 });
      await forbidden(desk, 'subscribe', { stream: 'visitor:never-seen', after: 0 });
      const both = await desk.command('context.get', {
        visitorId: visitor.visitorId,
        customerId: 'c',
      });
      assert.equal(both.code, 'protocol.invalid_message');
      const missing = await desk.command('context.get', { conversationId: 'nope' });
      assert.equal(missing.code, 'conversation.not_found');
    });

    it('deletes a visitor’s and a customer’s journey, leaving no rows', async () => {
      const visitor = await visitorToken(hub);
      const laptop = await visitorToken(hub);
      const phone = await visitorToken(hub);
      const identityToken = mintIdentityToken({ sub: 'customer-gone' });
      await post(batchFor(visitor.token, [page('/a'), page('/b')]));
      await post(batchFor(laptop.token, [page('/c')], { identityToken }));
      await post(batchFor(phone.token, [page('/d')], { identityToken }));

      const byVisitor = await send(`${journeyUrl()}?siteKey=demo`, undefined, {
        method: 'DELETE',
        authorization: `Bearer ${visitor.token}`,
      });
      assert.deepEqual(byVisitor, { status: 200, body: { deleted: 2 } });
      const customerUrl = `${hub.url}/api/v1/customers/customer-gone/journey?siteKey=demo`;
      const notAnAgent = await send(customerUrl, undefined, {
        method: 'DELETE',
        authorization: `Bearer ${laptop.token}`,
      });
      assert.deepEqual([notAnAgent.status, notAnAgent.body.code], [403, 'auth.forbidden']);
      const noToken = await send(customerUrl, undefined, { method: 'DELETE' });
      assert.deepEqual([noToken.status, noToken.body.code], [401, 'auth.missing_token']);
      const byAgent = await send(customerUrl, undefined, {
        method: 'DELETE',
        authorization: `Bearer ${(await agentToken(hub)).token}`,
      });
      assert.deepEqual(byAgent, { status: 200, body: { deleted: 2 } });
      const again = await send(
        journeyUrl(),
        { siteKey: 'demo', token: visitor.token },
        { method: 'DELETE', contentType: 'application/json' },
      );
      assert.deepEqual(again.body, { deleted: 0 });

      const ids = [visitor.visitorId, laptop.visitorId, phone.visitorId];
      const left = await withDatabase(async (db) => ({
        events: await db.query(
          `SELECT id FROM journey_events WHERE visitor_id = ANY($1::text[]) OR customer_id = 'customer-gone'`,
          [ids],
        ),
        links: await db.query(
          'SELECT 1 FROM visitor_customers WHERE visitor_id = ANY($1::text[])',
          [ids],
        ),
        streamEvents: await db.query<{ n: number }>(
          `SELECT jsonb_array_length(payload->'events') AS n FROM stream_events WHERE stream = ANY($1::text[])`,
          [ids.map((id) => `visitor:${id}`)],
        ),
      }));
      assert.deepEqual([left.events, left.links], [[], []]);
      assert.equal(left.streamEvents.length, 3);
      assert.ok(left.streamEvents.every((row) => Number(row.n) === 0));
    });

    it('removes rows older than the site retention when the hub starts', async () => {
      const day = 24 * 3600 * 1000;
      await withDatabase(async (db) => {
        for (const [visitorId, age] of [
          ['old-visitor', 31 * day],
          ['recent-visitor', 29 * day],
        ] as const) {
          await db.query(
            `INSERT INTO journey_events (site_key, visitor_id, visit_id, type, at, received_at, url, data)
             VALUES ('demo', $1, 'v', 'page_view', $2, $2, 'https://shop.example/', '{"title":"x"}')`,
            [visitorId, new Date(Date.now() - age).toISOString()],
          );
        }
      }, false);
      if (driver === 'pglite') hub = await startTestHub({ dataDir: hub.dataDir });
      else await restartHub();
      const left = await withDatabase((db) =>
        db.query<{ visitor_id: string }>(
          `SELECT visitor_id FROM journey_events WHERE visitor_id IN ('old-visitor', 'recent-visitor')`,
        ),
      );
      assert.deepEqual(
        left.map((row) => row.visitor_id),
        ['recent-visitor'],
      );
    });
  });
}
