import type { StreamName } from '../../protocol/index.js';

export const conversationStream = (conversationId: string): StreamName => `conv:${conversationId}`;
export const deskStream = (siteKey: string): StreamName => `desk:${siteKey}`;
export const visitorStream = (visitorId: string): StreamName => `visitor:${visitorId}`;

export type ParsedStream =
  | { kind: 'conv'; conversationId: string }
  | { kind: 'desk'; siteKey: string }
  | { kind: 'visitor'; visitorId: string };

export function parseStream(stream: string): ParsedStream | null {
  const match = /^(conv|desk|visitor):(.+)$/.exec(stream);
  if (!match) return null;
  const [, kind, id] = match as unknown as [string, ParsedStream['kind'], string];
  if (kind === 'conv') return { kind, conversationId: id };
  if (kind === 'desk') return { kind, siteKey: id };
  return { kind, visitorId: id };
}
