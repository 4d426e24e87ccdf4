import type { JourneyEvent } from '../../protocol/index.js';

const relativeBase = 'http://relative.invalid';

/**
 * Removes the named query parameters (case-insensitive) and the fragment from a URL.
 * Relative URLs stay relative; a value that is no URL at all is returned unchanged.
 */
export function stripUrl(value: string, params: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(value, relativeBase);
  } catch {
    return value;
  }
  const strip = new Set(params.map((name) => name.toLowerCase()));
  for (const name of [...url.searchParams.keys()]) {
    if (strip.has(name.toLowerCase())) url.searchParams.delete(name);
  }
  url.hash = '';
  if (url.origin !== relativeBase) return url.href;
  return value.startsWith('/') ? `${url.pathname}${url.search}` : value;
}

/** Defence in depth: the recorder strips these already, the hub strips them again. */
export function scrubEvent(event: JourneyEvent, params: readonly string[]): JourneyEvent {
  const scrubbed = { ...event, url: stripUrl(event.url, params) };
  if (scrubbed.type === 'page_view' && scrubbed.referrer)
    scrubbed.referrer = stripUrl(scrubbed.referrer, params);
  if (scrubbed.type === 'request_failed') scrubbed.target = stripUrl(scrubbed.target, params);
  if (scrubbed.type === 'js_error' && scrubbed.source)
    scrubbed.source = stripUrl(scrubbed.source, params);
  return scrubbed;
}
