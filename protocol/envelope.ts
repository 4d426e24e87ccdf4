/**
 * The wire contract between cx widgets and the hub (protocol version 1).
 * Types only: widget bundles pay nothing for importing this module.
 * The prose version with examples is docs/protocol.md; keep both in step.
 */

/** Protocol version carried in every envelope as `v`. */
export type ProtocolVersion = 1;

/** Names a stream of server events; each stream has its own sequence numbers. */
export type StreamName = `conv:${string}` | `desk:${string}` | `visitor:${string}`;

/** Stable error codes. A human `message` always accompanies the code. */
export type ErrorCode =
  | 'protocol.invalid_json'
  | 'protocol.invalid_message'
  | 'protocol.unsupported_version'
  | 'protocol.unknown_type'
  | 'auth.required'
  | 'auth.missing_token'
  | 'auth.invalid_token'
  | 'auth.expired_token'
  | 'auth.forbidden'
  | 'site.unknown'
  | 'origin.forbidden'
  | 'stream.gap'
  | 'conversation.not_found'
  | 'conversation.already_accepted'
  | 'conversation.closed'
  | 'agent.at_capacity'
  | 'agent.not_found'
  | 'attachment.disabled'
  | 'attachment.empty'
  | 'attachment.too_large'
  | 'attachment.type_not_allowed'
  | 'attachment.type_mismatch'
  | 'attachment.not_found'
  | 'attachment.already_attached'
  | 'attachment.link_invalid'
  | 'attachment.link_expired'
  | 'prechat.invalid'
  | 'rating.not_closed'
  | 'rating.final'
  | 'email.not_configured'
  | 'email.invalid_address'
  | 'email.failed'
  | 'email.link_invalid'
  | 'queue.not_found'
  | 'conversation.already_open'
  | 'contact.invalid'
  | 'rate.limited'
  | 'internal';

/** Error body shared by WebSocket `error` frames and HTTP error responses. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** `stream.gap` only: the stream's last seq now; load the state again and subscribe after it. */
  lastSeq?: number;
}
