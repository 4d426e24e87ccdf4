import { isEmailAddress } from './address.js';

/** `email` in cxkit.config.json: how the hub sends mail (chat transcripts). */
export interface EmailConfig {
  smtp: {
    host: string;
    /** Default 587, or 465 when `secure`. */
    port?: number;
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    secure?: boolean;
    auth?: { user: string; pass: string };
  };
  /** The sender, e.g. `Demo Store <chat@shop.example>`. */
  from: string;
  /**
   * The hub's address as the recipients' mail apps reach it, e.g. `https://chat.shop.example`
   * (or env `CXKIT_HUB_URL`). Answer emails then carry a link that stops the next ones, also
   * as the mail app's own unsubscribe button (List-Unsubscribe, one click).
   */
  hubUrl?: string;
}

/** An http(s) address without query or fragment: the links in emails go on from it. */
const hubUrlPattern = '^https?://[^/?#\\s]+(/[^?#\\s]*)?$';

/** JSON schema of `email`; the sender's form is checked in `emailConfigProblem`. */
export const emailConfigSchema = {
  type: 'object',
  required: ['smtp', 'from'],
  additionalProperties: false,
  properties: {
    smtp: {
      type: 'object',
      required: ['host'],
      additionalProperties: false,
      properties: {
        host: { type: 'string', minLength: 1, maxLength: 253 },
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        secure: { type: 'boolean' },
        auth: {
          type: 'object',
          required: ['user', 'pass'],
          additionalProperties: false,
          properties: {
            user: { type: 'string', minLength: 1, maxLength: 500 },
            pass: { type: 'string', minLength: 1, maxLength: 500 },
          },
        },
      },
    },
    from: { type: 'string', minLength: 3, maxLength: 500 },
    hubUrl: { type: 'string', pattern: hubUrlPattern, maxLength: 500 },
  },
} as const;

/** A problem with `email` worth a config error, or null. */
export function emailConfigProblem(email: EmailConfig): string | null {
  const address = /<([^<>]+)>\s*$/.exec(email.from)?.[1] ?? email.from;
  if (!isEmailAddress(address.trim()))
    return `email.from must be an address like "Shop <chat@shop.example>" (got ${JSON.stringify(email.from)})`;
  return null;
}

/**
 * `CXKIT_SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…` for TLS; `?from=` sets the
 * sender, default `cxkit <noreply@HOST>`) as an `email` config, or undefined when unset.
 */
export function emailConfigFromUrl(raw: string | undefined): EmailConfig | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('CXKIT_SMTP_URL must be a URL like smtp://user:pass@mail.example:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error('CXKIT_SMTP_URL must start with smtp:// or smtps://');
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  return {
    smtp: {
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(user ? { auth: { user, pass: decodeURIComponent(url.password) } } : {}),
    },
    from: url.searchParams.get('from') ?? `cxkit <noreply@${url.hostname}>`,
  };
}

/** `CXKIT_HUB_URL` as an `email.hubUrl`, or undefined when unset. */
export function hubUrlFromEnv(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!new RegExp(hubUrlPattern).test(raw))
    throw new Error(
      'CXKIT_HUB_URL must be the http(s) address of the hub, like https://chat.shop.example',
    );
  return raw;
}
