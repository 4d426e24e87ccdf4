import type { JourneyAnswer, JourneyBatch, JourneyEvent } from '../../protocol/index.js';
import { cutToSize } from './facts.js';
import { clear, flushLater, state } from './queue.js';
import type { JourneySettings } from './settings.js';

/** The hub takes at most this many events per batch. */
const batchSize = 100;
const retryAfterMs = 30000;
/** How soon to look again for the settings of a `<cx-config>` that has not answered yet. */
const settingsWaitMs = 1000;
const visitKey = 'cxkit:journey-visit';

/** One visitor registration at a time, so two early flushes do not register two visitors. */
let registering: Promise<string> | undefined;

/**
 * The key `<cx-chat>` keeps the visitor token under (core's `visitorCredentials`). Copied,
 * not imported: core's credentials module brings its HTTP client into this small bundle.
 */
const tokenKey = ({ hub, siteKey }: JourneySettings) => `cxkit:visitor:${hub}|${siteKey}`;

/** The visitor token chat uses; `POST /api/v1/visitors` once when there is none yet. */
function visitorToken(site: JourneySettings): Promise<string> {
  const kept = localStorage.getItem(tokenKey(site));
  if (kept) return Promise.resolve(kept);
  return (registering ??= fetch(`${site.hub}/api/v1/visitors`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteKey: site.siteKey }),
  })
    .then((response) => response.json())
    .then(({ token }) => {
      if (!token) throw token;
      localStorage.setItem(tokenKey(site), token);
      return token;
    })
    .finally(() => (registering = undefined)));
}

/**
 * Sends one batch to `POST /api/v1/journey` as text/plain JSON (no CORS preflight): with
 * `sendBeacon` when the page is going away, else (or when the beacon is refused) `fetch`.
 */
function send(site: JourneySettings, token: string, events: JourneyEvent[], beacon?: boolean) {
  const batch: JourneyBatch = {
    siteKey: site.siteKey,
    token,
    visitId: (sessionStorage[visitKey] ||= Math.random().toString(36).slice(2) + Date.now()),
    events,
  };
  if (site.identityToken) batch.identityToken = site.identityToken;
  const url = `${site.hub}/api/v1/journey`;
  // Only event text is cut to the hub's limits; the batch's own fields (tokens) go whole.
  const body = JSON.stringify(batch, (key, value) =>
    key !== 'events' && key in batch ? value : cutToSize(key, value),
  );
  if (beacon && navigator.sendBeacon?.(url, new Blob([body], { type: 'text/plain' }))) return;
  return fetch(url, {
    method: 'POST',
    keepalive: true,
    credentials: 'omit',
    headers: { 'content-type': 'text/plain' },
    body,
  });
}

/** The sender: batches to the hub, the visitor token, deletion. Loaded when the page is idle. */

/**
 * Sends what waits with `fetch(keepalive)`. Never rejects. A batch the hub could not take
 * now (network, 429, 5xx, expired token) waits for a later try; one it refused is dropped.
 */
export async function flush(): Promise<void> {
  clearTimeout(state.timer);
  state.timer = undefined;
  const site = state.settings;
  const { queue } = state;
  // <cx-config> has not answered yet: try again a little later.
  if (!site?.siteKey && queue.length) flushLater(settingsWaitMs);
  while (site?.siteKey && queue.length > 0) {
    const events = queue.splice(0, batchSize);
    try {
      const response = (await send(site, await visitorToken(site), events))!;
      const { status } = response;
      if (response.ok) warnOfRefusedIdentity(response, site.identityToken);
      if (status === 401) localStorage.removeItem(tokenKey(site));
      if (status === 401 || status === 429 || status >= 500) throw status;
    } catch {
      queue.unshift(...events);
      flushLater(retryAfterMs);
      return;
    }
  }
}

/** The identity token the console heard about last. */
let warnedOf: string | undefined;

/**
 * The hub files a batch whose identity token it does not take (expired while the page stayed
 * open, signed with another secret) as the anonymous visitor's: the storefront's developer
 * hears it in the console, once per token.
 */
function warnOfRefusedIdentity(response: Response, identityToken: string | undefined): void {
  if (!identityToken || identityToken === warnedOf) return;
  response.json().then(
    ({ identityRefused }: JourneyAnswer) => {
      if (!identityRefused || identityToken === warnedOf) return;
      warnedOf = identityToken;
      console.warn(
        `<cx-journey>: the hub did not take the identity token (${identityRefused.code}: ` +
          `${identityRefused.message}); events go as the anonymous visitor's.`,
      );
    },
    () => undefined,
  );
}

/** Registers the visitor now if needed, so that `flushOnExit` has a token to send with. */
export function prepare(): void {
  const site = state.settings;
  if (site?.siteKey) visitorToken(site).catch(() => undefined);
}

/** The page is being hidden or left: hand what waits to the browser. */
export function flushOnExit(): void {
  const site = state.settings;
  const { queue } = state;
  const token = site && localStorage.getItem(tokenKey(site));
  while (site?.siteKey && token && queue.length > 0) {
    send(site, token, queue.splice(0, batchSize), true)?.catch(() => undefined);
  }
}

/** `DELETE /api/v1/journey` for this visitor, after dropping what waits. */
export async function forget(): Promise<number> {
  clear();
  const site = state.settings;
  if (!site)
    throw Object.assign(new Error('no <cx-config> on the page'), { code: 'config.missing' });
  const token = localStorage.getItem(tokenKey(site));
  if (!token) return 0; // Never sent anything: nothing to delete.
  const response = await fetch(`${site.hub}/api/v1/journey?siteKey=${site.siteKey}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });
  const answer = await response.json();
  if (!response.ok) throw Object.assign(new Error(answer.message), { code: answer.code });
  return answer.deleted;
}
