/**
 * The demo's "legacy CRM": a tiny HTTP JSON service (node:http, no framework) that the hub
 * reads as the demo site's CRM source. `GET /api/customers/:id` answers a record or 404.
 * For demos and tests it can be slowed down or made to fail, per request with `?delay=ms`
 * and `?fail=1`, or for every request with `setBehaviour`.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { legacyCustomers, type LegacyCustomer } from './customers.js';

/** The API key the demo config sends (`headers` of the demo site's `crm` block). */
export const demoCrmApiKey = 'demo-legacy-crm-key';
export const demoCrmPort = 8081;

export interface LegacyCrmBehaviour {
  /** Answer this many milliseconds late. */
  delayMs?: number;
  /** Answer 503 to every customer request. */
  fail?: boolean;
}

export interface LegacyCrmOptions {
  port?: number;
  host?: string;
  /** When set, requests without this `x-api-key` get 401. */
  apiKey?: string;
  customers?: LegacyCustomer[];
  behaviour?: LegacyCrmBehaviour;
}

export interface RunningLegacyCrm {
  /** Base URL, e.g. `http://127.0.0.1:8081`. */
  url: string;
  /** Customer requests served since start (the cache tests count them). */
  readonly requests: number;
  setBehaviour(behaviour: LegacyCrmBehaviour): void;
  close(): Promise<void>;
}

const maxDelayMs = 60_000;

export async function startLegacyCrm(options: LegacyCrmOptions = {}): Promise<RunningLegacyCrm> {
  const byId = new Map((options.customers ?? legacyCustomers).map((c) => [c.cust_no, c]));
  let behaviour: LegacyCrmBehaviour = { ...options.behaviour };
  let requests = 0;

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://legacy-crm');
    const match = /^\/api\/customers\/([^/]+)$/.exec(url.pathname);
    if (request.method !== 'GET' || !match) return send(response, 404, { error: 'no such route' });
    if (options.apiKey && request.headers['x-api-key'] !== options.apiKey) {
      return send(response, 401, { error: 'missing or wrong x-api-key' });
    }
    requests++;
    const delayMs = Math.min(
      Number(url.searchParams.get('delay') ?? behaviour.delayMs ?? 0) || 0,
      maxDelayMs,
    );
    const fail = url.searchParams.get('fail') === '1' || behaviour.fail === true;
    const answer = () => {
      if (fail) return send(response, 503, { error: 'CRM maintenance window' });
      const customer = byId.get(decodeId(match[1]!));
      if (!customer) return send(response, 404, { error: 'unknown customer' });
      send(response, 200, customer);
    };
    if (delayMs > 0) {
      const timer = setTimeout(answer, delayMs);
      // A caller that gave up should not keep the timer (or a closing server) waiting.
      response.on('close', () => response.writableEnded || clearTimeout(timer));
    } else answer();
  });

  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    get requests() {
      return requests;
    },
    setBehaviour(next) {
      behaviour = { ...next };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The legacy CRM as the demo runs it (`npm start`): on 127.0.0.1:8081 with the demo API key,
 * as the demo site's `crm.url` in cxkit.config.json expects. `CXKIT_DEMO_CRM_DELAY_MS` and
 * `CXKIT_DEMO_CRM_FAIL=1` show how the card copes with a slow or failing CRM.
 */
export function startDemoCrm(port = demoCrmPort): Promise<RunningLegacyCrm> {
  return startLegacyCrm({
    port,
    host: '127.0.0.1',
    apiKey: demoCrmApiKey,
    behaviour: {
      delayMs: Number(process.env.CXKIT_DEMO_CRM_DELAY_MS) || 0,
      fail: process.env.CXKIT_DEMO_CRM_FAIL === '1',
    },
  });
}

/** The id from the path; a malformed escape matches no customer rather than crashing. */
function decodeId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

// `tsx demo/crm/legacy-crm.ts` runs it on its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startDemoCrm().then((crm) => console.log(`legacy CRM on ${crm.url}/api/customers/:id`));
}
