/** Proactive chat invitations: the `invitations` part of the widget settings. Types only. */

/** One rule: on a matching page, after some time there, invite the visitor to chat. */
export interface InvitationRule {
  /** URL path patterns, `*` matching anything (`/products/*`, `/checkout`). */
  pages: string[];
  /** Seconds the visitor has been on the page before the invitation shows. */
  afterSeconds: number;
  /** The invitation's text per language (`en`, `ko`, ...); may be absent. */
  message?: Record<string, string>;
  /** A key of the widgets' catalogs, used for a language `message` has no text for. */
  messageKey?: string;
  /** The queue a chat started from this invitation goes to (default: the widget's). */
  queue?: string;
}

/** The `invitations` part of `GET /api/v1/sites/:siteKey/widget`; absent when the site has no rules. */
export interface InvitationsWidgetPart {
  /** A visitor is invited at most once in this many minutes (and never again in a session after dismissing one). */
  minutesBetween: number;
  /** Checked in order; the first rule whose pattern matches the page applies. */
  rules: InvitationRule[];
}
