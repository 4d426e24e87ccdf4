import { createHmac, timingSafeEqual } from 'node:crypto';
import { HubError } from '../errors.js';

/**
 * How long a download link in a message works. A replay of the conversation (a reload,
 * another device, the agent opening it again) signs its links anew, so this only has to
 * cover a page left open: whoever holds a link (a browser history, a copied address) can
 * fetch that one file for a week at most. Links name one file, cannot be forged or
 * extended without the hub's secret, and die with a new token secret.
 */
export const linkSeconds = 7 * 24 * 3600;

/** `/api/v1/attachments/<id>?exp=<unix seconds>&sig=<base64url HMAC>`, relative to the hub's URL. */
export function signedPath(
  secret: string,
  id: string,
  now = Date.now(),
  seconds = linkSeconds,
): string {
  const exp = Math.floor(now / 1000) + seconds;
  return `/api/v1/attachments/${id}?exp=${exp}&sig=${mac(secret, id, exp).toString('base64url')}`;
}

/** Throws `attachment.link_invalid` or `attachment.link_expired` unless the link is genuine and current. */
export function checkLink(
  secret: string,
  id: string,
  exp: unknown,
  sig: unknown,
  now = Date.now(),
): void {
  const expiry = typeof exp === 'string' && /^\d{1,12}$/.test(exp) ? Number(exp) : NaN;
  const given = typeof sig === 'string' ? Buffer.from(sig, 'base64url') : Buffer.alloc(0);
  const expected = Number.isFinite(expiry) ? mac(secret, id, expiry) : null;
  if (!expected || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HubError('attachment.link_invalid', 'the download link is not valid');
  }
  if (expiry * 1000 <= now) {
    throw new HubError('attachment.link_expired', 'the download link has expired');
  }
}

function mac(secret: string, id: string, exp: number): Buffer {
  // Prefixed, so an attachment signature can never pass for a token signature or the reverse.
  return createHmac('sha256', secret).update(`attachment:${id}:${exp}`).digest();
}
