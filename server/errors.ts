import type { ErrorCode } from '../protocol/index.js';

/** HTTP status used when a HubError reaches an HTTP response. */
const statusByCode: Partial<Record<ErrorCode, number>> = {
  'protocol.invalid_json': 400,
  'protocol.invalid_message': 400,
  'protocol.unsupported_version': 400,
  'protocol.unknown_type': 400,
  'auth.required': 401,
  'auth.missing_token': 401,
  'auth.invalid_token': 401,
  'auth.expired_token': 401,
  'auth.forbidden': 403,
  'origin.forbidden': 403,
  'site.unknown': 404,
  'conversation.not_found': 404,
  'conversation.already_accepted': 409,
  'conversation.closed': 409,
  'stream.gap': 410,
  'attachment.disabled': 403,
  'attachment.empty': 400,
  'attachment.too_large': 413,
  'attachment.type_not_allowed': 415,
  'attachment.type_mismatch': 415,
  'attachment.not_found': 404,
  'attachment.already_attached': 409,
  'attachment.link_invalid': 403,
  'attachment.link_expired': 403,
  'prechat.invalid': 400,
  'rating.not_closed': 409,
  'rating.final': 409,
  'email.not_configured': 501,
  'email.invalid_address': 400,
  'email.failed': 502,
  'email.link_invalid': 403,
  'queue.not_found': 404,
  'conversation.already_open': 409,
  'contact.invalid': 400,
  'rate.limited': 429,
  internal: 500,
};

/** An expected failure with a stable protocol code; anything else is reported as `internal`. */
export class HubError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'HubError';
    this.code = code;
  }

  get status(): number {
    return statusByCode[this.code] ?? 400;
  }
}
