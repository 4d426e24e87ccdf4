/**
 * Origin patterns in the config: an exact origin (`https://shop.example`,
 * `http://localhost:3000`) or a port wildcard (`http://localhost:*`).
 */
const shape = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:(\d{1,5}|\*))?$/;

export function isValidOriginPattern(pattern: string): boolean {
  if (!shape.test(pattern)) return false;
  const wildcard = pattern.endsWith(':*');
  const base = wildcard ? pattern.slice(0, -2) : pattern;
  try {
    const url = new URL(base);
    // A canonical origin round-trips unchanged (no default port, no trailing slash, lower case).
    return url.origin === base && (!wildcard || url.port === '');
  } catch {
    return false;
  }
}

/** Whether a browser-sent Origin header value matches one pattern. */
export function originMatches(pattern: string, origin: string): boolean {
  if (!pattern.endsWith(':*')) return pattern === origin;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.origin === origin && `${url.protocol}//${url.hostname}` === pattern.slice(0, -2);
}

/** Loopback origins every demo site accepts, whatever port the demo runs on. */
export const loopbackPatterns = ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'];
