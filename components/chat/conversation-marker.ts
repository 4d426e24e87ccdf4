import type { CxSettings } from '../core/config/settings.js';

/**
 * Where the panel notes, per hub and site, the visitor's open conversation (its id), so the
 * launcher of the next page knows, without loading anything, that it must connect in the
 * background to count unread messages, and must not invite. localStorage: shared by tabs.
 */
export const conversationMarkerKey = (settings: CxSettings): string =>
  `cxkit.chat.open:${settings.hub}:${settings.siteKey}`;

/** The visitor's open conversation on this site, if the panel noted one. */
export function openConversationId(settings: CxSettings): string | null {
  try {
    return localStorage.getItem(conversationMarkerKey(settings));
  } catch {
    return null; // Storage blocked (privacy settings): as if there were none.
  }
}
