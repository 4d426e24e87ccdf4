import type { StreamName } from '../../protocol/index.js';

export const conversationStream = (conversationId: string): StreamName => `conv:${conversationId}`;
export const deskStream = (siteKey: string): StreamName => `desk:${siteKey}`;

export type ParsedStream =
  { kind: 'conv'; conversationId: string } | { kind: 'desk'; siteKey: string };

export function parseStream(stream: string): ParsedStream | null {
  const match = /^(conv|desk):(.+)$/.exec(stream);
  if (!match) return null;
  return match[1] === 'conv'
    ? { kind: 'conv', conversationId: match[2]! }
    : { kind: 'desk', siteKey: match[2]! };
}
