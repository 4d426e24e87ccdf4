/**
 * HTTP: GET /api/v1/sites/:siteKey/widget — what the storefront widgets need to know about
 * their site before any token exists (public, origin-checked, cacheable for a minute).
 * Each part is filled by the capability that owns it (server/sites/index.ts).
 */
export interface WidgetSettings {
  siteKey: string;
  /** Set by the capabilities that have something to say; absent parts use the widgets' defaults. */
  [part: string]: unknown;
}
