import { createHmac, timingSafeEqual } from 'node:crypto';
import { HubError } from '../../errors.js';

/** Whom a stop link is for: an email address, on one site. */
export interface Unsubscriber {
  siteKey: string;
  email: string;
}

export const unsubscribePath = '/api/v1/email/unsubscribe';

/**
 * The link in an answer email that stops the next ones: `?t=<payload>.<HMAC>`. It does not
 * expire (stopping mail is harmless, and the link is in an old email), names one address
 * on one site, and cannot be made for another without the hub's secret.
 */
export function unsubscribeUrl(hubUrl: string, secret: string, whom: Unsubscriber): string {
  const payload = Buffer.from(JSON.stringify({ s: whom.siteKey, e: whom.email })).toString(
    'base64url',
  );
  const token = `${payload}.${mac(secret, payload).toString('base64url')}`;
  return `${hubUrl.replace(/\/+$/, '')}${unsubscribePath}?t=${token}`;
}

/** Whom the link's token names; throws `email.link_invalid` unless the hub made it. */
export function readUnsubscribeToken(secret: string, token: unknown): Unsubscriber {
  const [payload = '', signature = ''] = typeof token === 'string' ? token.split('.') : [];
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, payload);
  if (!payload || given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new HubError('email.link_invalid', 'this link to stop emails is not valid');
  const { s, e } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
    s: string;
    e: string;
  };
  return { siteKey: s, email: e };
}

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest();
}
