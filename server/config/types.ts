import type { InvitationsConfig } from '../chat/invitations.js';
import type { PrechatConfig } from '../chat/prechat/config.js';
import type { EmailConfig } from '../email/config.js';

/** A site that embeds cx widgets. */
export interface SiteConfig {
  /** Public site key used by `<cx-config site-key>`. */
  key: string;
  /** Human name, shown to agents. */
  name: string;
  /** Allowed page origins: exact (`https://shop.example`) or any port (`http://localhost:*`). */
  origins: string[];
  /** Demo sites accept loopback origins and hand out one-click agent tokens. */
  demo: boolean;
  /** Shared secret a CRM backend uses to mint agent tokens. */
  agentSecret?: string;
  /** The site's existing CRM or order system, shown on the customer card. */
  crm?: CrmSourceConfig;
  /** Secret the storefront's backend signs customer identity tokens with (at least 32 characters). */
  identitySecret?: string;
  /** Journey recording settings; every field has a default (server/journey/settings.ts). */
  journey?: JourneyConfig;
  /** Active chats an agent may hold at once (default 3); routing and accept respect it. */
  maxChatsPerAgent?: number;
  /** Texts agents insert by typing a shortcut such as `/hello` in the composer. */
  cannedResponses?: CannedResponse[];
  /** Chat queues, the first is the default; none configured = one "general" queue, always open. */
  queues?: QueueConfig[];
  /** Files visitors and agents may attach; every field has a default (server/attachments/settings.ts). */
  attachments?: AttachmentsConfig;
  /** The pre-chat form (name, email, topic; each optional unless `required`); none = no form. */
  prechat?: PrechatConfig;
  /** Proactive chat invitations by page and time on page (server/chat/invitations.ts); none = never. */
  invitations?: InvitationsConfig;
}

export interface AttachmentsConfig {
  /** Default true. */
  enabled?: boolean;
  /** Largest file in bytes (default 10 MiB, at most 25 MiB). */
  maxBytes?: number;
  /** Accepted types, a subset of image/png, image/jpeg, image/gif, image/webp, application/pdf (default all). */
  types?: string[];
}

/** A chat queue; without `hours` it is always open. */
export interface QueueConfig {
  /** Lowercase letters, digits, "-" or "_"; unique per site (`<cx-chat queue>`, `start.queueId`). */
  id: string;
  /** Shown to visitors and agents. */
  name: string;
  hours?: BusinessHours;
}

/** Opening hours by the wall clock of an IANA time zone. */
export interface BusinessHours {
  /** IANA zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Intervals `"09:00-17:00"` per weekday (`mon` … `sun`); a weekday left out is closed. End may be `24:00`. */
  weekly: Partial<Record<Weekday, string[]>>;
  /** Dates (`2026-12-25`) closed all day, or `{ date, hours }` with that day's own intervals. */
  holidays?: (string | { date: string; hours: string[] })[];
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface CannedResponse {
  /** "/" then letters, digits, "-" or "_", e.g. `/hello`; unique per site. */
  shortcut: string;
  text: string;
  /** Quick-reply buttons (at most 6 labels of 1–80 characters) the reply offers the visitor. */
  quickReplies?: string[];
}

export interface JourneyConfig {
  /** The page must grant consent before `<cx-journey>` records anything (default false). */
  requireConsent?: boolean;
  /** Query parameters removed from every recorded URL (default token, email, password, session, auth, code). */
  stripParams?: string[];
  /** Days journey events are kept (default 30). */
  retentionDays?: number;
  /** URL path patterns of help and contact pages, `*` matching anything (default /help*, /contact*, /faq*, /support*). */
  helpPages?: string[];
  /** "Viewed X this many times → suggest Y" hooks for interest signals. */
  interestRules?: InterestRule[];
  /** Journey events one visitor may send per minute (default 300); bounds a runaway page. */
  eventsPerMinute?: number;
}

/** Names exactly one of `sku` or `category`. */
export interface InterestRule {
  sku?: string;
  category?: string;
  /** Views at which the rule applies. */
  views: number;
  /** Shown to the agent, e.g. "Offer 10% on the X200". */
  suggest: string;
}

/** An HTTP JSON endpoint of the site's CRM and how its fields map to cxkit's. */
export interface CrmSourceConfig {
  /** http(s) URL template; `{customerId}` is replaced by the URL-encoded customer id. */
  url: string;
  /** Sent with every request, e.g. an API key. */
  headers?: Record<string, string>;
  /** Give up after this long (default 1500, at most 10000). */
  timeoutMs?: number;
  /** Keep a successful answer this long (default 60). */
  cacheSeconds?: number;
  mapping: CrmMapping;
}

/** Dotted paths into the CRM's JSON (`profile.fullName`); an absent path leaves the field out. */
export interface CrmMapping {
  name?: string;
  email?: string;
  tier?: string;
  lifetimeValue?: string;
  currency?: string;
  /** An array of order objects, read with `order`. */
  orders?: string;
  /** An array (its length counts) or a number. */
  openTickets?: string;
  /** Paths inside one order object; each defaults to the cxkit field name. */
  order?: {
    id?: string;
    date?: string;
    total?: string;
    currency?: string;
    status?: string;
    /** An array of strings or of objects with a `name`. */
    items?: string;
  };
}

export interface HubConfig {
  sites: SiteConfig[];
  /** HMAC secret for tokens; when absent the hub generates one and keeps it in the database. */
  tokenSecret?: string;
  /** SMTP for transcript emails (or env CXKIT_SMTP_URL); without it the panel offers none. */
  email?: EmailConfig;
}

/** Settings that come from the environment rather than the config file. */
export interface HubEnv {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Redis for fan-out between several hub nodes (needs databaseUrl). */
  redisUrl?: string;
}
