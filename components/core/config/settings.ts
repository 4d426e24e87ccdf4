import { createContext } from '@lit/context';
import type { HubConnection, HubConnectionSource } from '../hub/hub-connection.js';

/** The page-wide settings that `<cx-config>` gives every cx widget. */
export interface CxSettings {
  /** Hub base URL (http or https), without a trailing slash. */
  hub: string;
  siteKey: string;
  /** BCP 47 tag, or '' to follow `<html lang>`. */
  locale: string;
  /** '' (light), 'light' or 'dark'. */
  theme: string;
  /** An agent token minted by the CRM backend, or ''. */
  agentToken: string;
  /** A signed customer identity from the storefront backend, or ''. */
  identityToken: string;
  /**
   * Counts `<cx-config>.forgetVisitor()` calls on this page: each new number is a new
   * anonymous visitor, so visitor widgets connect anew.
   */
  visitorSession: number;
  /** A connection, or a source of one per role, to use instead of a real hub (the fake hub in tests and stories). */
  connection: HubConnection | HubConnectionSource | null;
}

/**
 * A string key, not a Symbol: two cxkit bundles on one page (chat.js and agent-inbox.js)
 * each hold their own copy of this module, and must still find each other's provider.
 */
export const cxSettingsContext = createContext<CxSettings | undefined>('cxkit.settings');
