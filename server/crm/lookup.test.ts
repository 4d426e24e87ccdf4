import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import type { SiteConfig } from '../config/types.js';
import { createCrmLookup } from './lookup.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A CRM stand-in on 127.0.0.1 whose answer each test swaps, counting the requests it gets. */
async function startCrm() {
  let handler: Handler = (_req, res) => res.end('{}');
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    seen,
    answer(next: Handler) {
      handler = next;
    },
    site(crm: Partial<NonNullable<SiteConfig['crm']>> = {}): SiteConfig {
      return {
        key: 'shop',
        name: 'Shop',
        origins: [],
        demo: false,
        crm: {
          url: `http://127.0.0.1:${port}/customers/{customerId}`,
          mapping: { name: 'n', orders: 'orders' },
          ...crm,
        },
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json =
  (body: unknown, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

describe('lookupCustomer', async () => {
  const crm = await startCrm();
  after(() => crm.close());

  it('answers none for a site without a CRM, without any request', async () => {
    const lookup = createCrmLookup();
    const before = crm.seen.length;
    assert.deepEqual(await lookup({ ...crm.site(), crm: undefined }, 'c1'), { status: 'none' });
    assert.equal(crm.seen.length, before);
  });

  it('GETs the encoded id with the configured headers and maps the answer', async () => {
    crm.answer(json({ n: 'Mina', orders: [{ id: 'o1', total: '5.5' }] }));
    const lookup = createCrmLookup({ now: () => Date.parse('2026-11-22T10:00:00Z') });
    const result = await lookup(crm.site({ headers: { 'x-api-key': 'secret' } }), 'a/b c');
    assert.deepEqual(result, {
      status: 'ok',
      name: 'Mina',
      orders: [{ id: 'o1', total: 5.5 }],
      fetchedAt: '2026-11-22T10:00:00.000Z',
    });
    const request = crm.seen.at(-1)!;
    assert.equal(request.url, '/customers/a%2Fb%20c');
    assert.equal(request.headers['x-api-key'], 'secret');
    assert.equal(request.headers.accept, 'application/json');
  });

  it('reports a customer the CRM does not know as not_found, not as an outage', async () => {
    crm.answer(json({ error: 'nope' }, 404));
    assert.deepEqual(await createCrmLookup()(crm.site(), 'ghost'), { status: 'not_found' });
  });

  it('reports HTTP errors and invalid JSON as unavailable with a short reason', async () => {
    crm.answer(json({ error: 'down' }, 503));
    assert.deepEqual(await createCrmLookup()(crm.site(), 'c1'), {
      status: 'unavailable',
      reason: 'HTTP 503',
    });
    crm.answer(json('<html>maintenance</html>'));
    assert.deepEqual(await createCrmLookup()(crm.site(), 'c1'), {
      status: 'unavailable',
      reason: 'invalid JSON',
    });
  });

  it('gives up on a slow CRM after timeoutMs, also when only the body is slow', async () => {
    const timers: NodeJS.Timeout[] = [];
    crm.answer((_req, res) => timers.push(setTimeout(() => res.end('{}'), 3000)));
    let started = performance.now();
    assert.deepEqual(await createCrmLookup()(crm.site({ timeoutMs: 300 }), 'c1'), {
      status: 'unavailable',
      reason: 'timeout after 300 ms',
    });
    let took = performance.now() - started;
    assert.ok(took >= 290 && took < 1000, `took ${took} ms`);

    crm.answer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"n": "Mi');
      timers.push(setTimeout(() => res.end('na"}'), 3000));
    });
    started = performance.now();
    assert.deepEqual(await createCrmLookup()(crm.site({ timeoutMs: 300 }), 'c1'), {
      status: 'unavailable',
      reason: 'timeout after 300 ms',
    });
    took = performance.now() - started;
    assert.ok(took >= 290 && took < 1000, `took ${took} ms`);
    timers.forEach(clearTimeout);
  });

  it('reports an unreachable CRM', async () => {
    const gone = await startCrm();
    const site = gone.site();
    await gone.close();
    assert.deepEqual(await createCrmLookup()(site, 'c1'), {
      status: 'unavailable',
      reason: 'cannot reach the CRM (ECONNREFUSED)',
    });
  });

  it('refuses an answer over 1 MB', async () => {
    crm.answer(json({ n: 'x'.repeat(1_100_000) }));
    assert.deepEqual(await createCrmLookup()(crm.site(), 'c1'), {
      status: 'unavailable',
      reason: 'response too large',
    });
  });

  it('serves a second lookup within cacheSeconds from the cache, per customer', async () => {
    crm.answer(json({ n: 'Mina' }));
    let clock = 1_000_000;
    const lookup = createCrmLookup({ now: () => clock });
    const site = crm.site({ cacheSeconds: 60 });
    const before = crm.seen.length;
    const first = await lookup(site, 'c1');
    clock += 59_000;
    assert.deepEqual(await lookup(site, 'c1'), first);
    assert.equal(crm.seen.length - before, 1);
    await lookup(site, 'c2');
    assert.equal(crm.seen.length - before, 2);
    clock += 2_000;
    await lookup(site, 'c1');
    assert.equal(crm.seen.length - before, 3, 'refreshed after cacheSeconds');
  });

  it('serves the last good answer, marked stale, when a refresh fails', async () => {
    crm.answer(json({ n: 'Mina' }));
    let clock = Date.parse('2026-11-22T10:00:00Z');
    const lookup = createCrmLookup({ now: () => clock });
    const site = crm.site({ cacheSeconds: 10 });
    const fresh = await lookup(site, 'c1');
    assert.equal(fresh.status, 'ok');
    clock += 11_000;
    crm.answer(json({}, 500));
    assert.deepEqual(await lookup(site, 'c1'), { ...fresh, stale: true });
    assert.equal((await lookup(site, 'c1')).status, 'ok', 'still stale, still shown');
    crm.answer(json({ n: 'Mina Park' }));
    const recovered = await lookup(site, 'c1');
    assert.deepEqual(recovered, {
      status: 'ok',
      name: 'Mina Park',
      orders: [],
      fetchedAt: '2026-11-22T10:00:11.000Z',
    });
  });

  it('shares one request among concurrent lookups of the same customer', async () => {
    crm.answer((_req, res) => setTimeout(() => json({ n: 'Mina' })(_req, res), 100));
    const lookup = createCrmLookup();
    const site = crm.site();
    const before = crm.seen.length;
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => lookup(site, 'c1')));
    assert.equal(crm.seen.length - before, 1);
    for (const result of results) assert.deepEqual(result, results[0]);
    // A failure is shared too, and not cached: the next lookup asks again.
    crm.answer((_req, res) => setTimeout(() => json({}, 502)(_req, res), 100));
    const failed = await Promise.all([lookup(site, 'c9'), lookup(site, 'c9')]);
    assert.deepEqual(failed, [
      { status: 'unavailable', reason: 'HTTP 502' },
      { status: 'unavailable', reason: 'HTTP 502' },
    ]);
    assert.equal(crm.seen.length - before, 2);
    await lookup(site, 'c9');
    assert.equal(crm.seen.length - before, 3);
  });

  it('keeps the cache bounded', async () => {
    crm.answer(json({ n: 'x' }));
    const lookup = createCrmLookup({ maxEntries: 2 });
    const site = crm.site();
    const before = crm.seen.length;
    await lookup(site, 'a');
    await lookup(site, 'b');
    await lookup(site, 'a'); // cached; now the most recent
    await lookup(site, 'c'); // evicts b
    await lookup(site, 'a');
    assert.equal(crm.seen.length - before, 3);
    await lookup(site, 'b');
    assert.equal(crm.seen.length - before, 4);
  });
});
