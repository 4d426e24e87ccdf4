import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../protocol/index.js';
import { HubError } from '../errors.js';

/** `customer`: an identity token a storefront's backend signs; it never opens a session. */
export type TokenRole = Role | 'customer';

export interface TokenPayload {
  /** Visitor, agent or customer id. */
  sub: string;
  site: string;
  role: TokenRole;
  name?: string;
  /** Customer identity tokens only. */
  email?: string;
  /** Expiry, unix seconds. */
  exp: number;
}

export const visitorTokenSeconds = 365 * 24 * 3600;
export const agentTokenSeconds = 3600;

/** `base64url(JSON payload).base64url(HMAC-SHA256(secret, first part))` */
export function signToken(secret: string, payload: TokenPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** Checks signature, shape, site and expiry; throws auth.invalid_token / auth.expired_token. */
export function verifyToken(
  secret: string,
  token: string,
  siteKey: string,
  now = Date.now(),
): TokenPayload {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) throw invalid('the token is malformed');
  if (!isSignedWith(secret, token)) throw invalid('the token signature does not match');
  const payload = parsePayload(body);
  if (payload.site !== siteKey) throw invalid(`the token is for another site, not "${siteKey}"`);
  if (payload.exp * 1000 <= now) throw new HubError('auth.expired_token', 'the token has expired');
  return payload;
}

/** Whether `token` carries a valid signature made with `secret` (nothing else is checked). */
export function isSignedWith(secret: string, token: string): boolean {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return false;
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

function parsePayload(body: string): TokenPayload {
  let value: Partial<TokenPayload>;
  try {
    value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw invalid('the token payload is not JSON');
  }
  const wellFormed =
    typeof value === 'object' &&
    value !== null &&
    typeof value.sub === 'string' &&
    typeof value.site === 'string' &&
    (value.role === 'visitor' || value.role === 'agent' || value.role === 'customer') &&
    (value.name === undefined || typeof value.name === 'string') &&
    (value.email === undefined || typeof value.email === 'string') &&
    typeof value.exp === 'number';
  if (!wellFormed) throw invalid('the token payload is malformed');
  return value as TokenPayload;
}

function invalid(message: string): HubError {
  return new HubError('auth.invalid_token', message);
}
