import { guarded, type Emit } from '../facts.js';

/** Decides which request targets to record: same-origin, not the hub's. */
export type RequestFilter = (target: URL) => boolean;

const opened = new WeakMap<XMLHttpRequest, [method: string, target: URL]>();

/**
 * Same-origin `fetch` and `XMLHttpRequest` calls that fail (status 0) or answer 400 or more.
 * The page gets the very promise and request it made: we only look at the outcome.
 */
export function watchRequests(emit: Emit, shouldRecord: RequestFilter): void {
  const failed = guarded((method: string, target: URL, status: number) => {
    if (shouldRecord(target))
      emit({ type: 'request_failed', method: method.toUpperCase(), target: target.href, status });
  });

  const originalFetch = window.fetch;
  window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
    const promise = originalFetch.call(this, input, init);
    try {
      const request = input instanceof Request ? input : undefined;
      const target = new URL(request?.url ?? String(input), location.href);
      const method = init?.method ?? request?.method ?? 'GET';
      promise.then(
        (response) => response.status >= 400 && failed(method, target, response.status),
        (error) => error?.name !== 'AbortError' && failed(method, target, 0),
      );
    } catch {
      // An unparsable URL: fetch itself rejects, and the page sees that.
    }
    return promise;
  };

  const xhr = XMLHttpRequest.prototype;
  const { open, send } = xhr;
  xhr.open = function (this: XMLHttpRequest, method: string, url: string | URL) {
    try {
      opened.set(this, [method, new URL(url, location.href)]);
    } catch {
      // Unparsable: open throws below, as it would without us.
    }
    // eslint-disable-next-line prefer-rest-params
    return open.apply(this, arguments as unknown as Parameters<typeof open>);
  };
  xhr.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const request = opened.get(this);
    if (request) {
      const done = (event: Event) =>
        (event.type === 'error' || this.status >= 400) &&
        failed(request[0], request[1], event.type === 'error' ? 0 : this.status);
      this.addEventListener('load', done);
      this.addEventListener('error', done);
    }
    return send.call(this, body);
  };
}
