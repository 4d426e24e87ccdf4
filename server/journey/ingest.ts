import type {
  EventFrame,
  JourneyAnswer,
  JourneyBatch,
  StoredJourneyEvent,
} from '../../protocol/index.js';
import { authorizeSite, verifySiteToken } from '../auth/index.js';
import type { EventBus } from '../bus/index.js';
import type { HubConfig } from '../config/index.js';
import { HubError } from '../errors.js';
import { checkIdentity, linkVisitor } from '../identity/index.js';
import type { Storage } from '../storage/index.js';
import { appendEvent, visitorStream } from '../streams/index.js';
import { insertEvents } from './event-store.js';
import type { RateCounter } from '../rate-limit/index.js';
import { validateBatch } from './schemas.js';
import { journeySettings } from './settings.js';
import { scrubEvent } from './url-scrub.js';

export interface IngestDeps {
  config: HubConfig;
  storage: Storage;
  bus: EventBus;
  tokenSecret: string;
  rates: RateCounter;
}

/**
 * Checks a batch completely (site and Origin, visitor token, every event, rate) before
 * storing any of it, then stores it in one transaction with its `journey.appended`
 * event and publishes that event after the commit. An identity token the hub does not take
 * (most often one that expired while the page stayed open) files the batch as the anonymous
 * visitor's and says why: refusing it made the recorder retry it for ever.
 */
export async function ingestBatch(
  deps: IngestDeps,
  body: unknown,
  origin: string | undefined,
): Promise<JourneyAnswer> {
  const input = typeof body === 'string' ? parseJson(body) : body;
  const site = authorizeSite(deps.config, (input as { siteKey?: unknown } | null)?.siteKey, origin);
  const token = (input as { token?: unknown }).token;
  if (typeof token !== 'string' || token === '') {
    throw new HubError('auth.missing_token', 'a journey batch needs the visitor token');
  }
  const visitor = verifySiteToken(deps.tokenSecret, site, token);
  if (visitor.role !== 'visitor')
    throw new HubError('auth.forbidden', 'journey batches carry a visitor token');
  const batch: JourneyBatch = validateBatch(input);
  const checked = batch.identityToken ? checkIdentity(site, batch.identityToken) : null;
  const identity = checked && 'identity' in checked ? checked.identity : null;
  const { stripParams, eventsPerMinute } = journeySettings(site);
  const allowed = await deps.rates.take(
    `journey:${site.key}/${visitor.sub}`,
    batch.events.length,
    eventsPerMinute,
  );
  if (!allowed) {
    throw new HubError(
      'rate.limited',
      `at most ${eventsPerMinute} journey events per visitor per minute`,
    );
  }

  const events = batch.events.map((event) => scrubEvent(event, stripParams));
  const frame = await deps.storage.transaction(async (tx): Promise<EventFrame> => {
    if (identity) await linkVisitor(tx, site.key, visitor.sub, identity, batch.visitId);
    // Only a batch that carries the token is the customer's: a browser the customer signed
    // out of keeps its link, and the next person's browsing is not theirs.
    const customerId = identity?.customerId ?? null;
    const stored = await insertEvents(
      tx,
      { siteKey: site.key, visitorId: visitor.sub, customerId, visitId: batch.visitId },
      events,
    );
    return appendEvent(tx, visitorStream(visitor.sub), {
      type: 'journey.appended',
      visitorId: visitor.sub,
      customerId,
      events: stored.map(markSelfEvident),
    });
  });
  await deps.bus.publish(frame.stream, frame);
  const accepted = events.length;
  return checked && 'identityRefused' in checked
    ? { accepted, identityRefused: checked.identityRefused }
    : { accepted };
}

/**
 * Live events carry the struggle marks one event shows on its own. Help pages, form retries and
 * abandoned carts depend on the whole visit: `context.get` reports those.
 */
function markSelfEvident(stored: StoredJourneyEvent): StoredJourneyEvent {
  const { type } = stored.event;
  return type === 'js_error' || type === 'request_failed' ? { ...stored, struggle: type } : stored;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HubError('protocol.invalid_json', 'the journey batch is not valid JSON');
  }
}
