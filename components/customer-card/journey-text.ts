import type { JourneyEvent, JourneyEventType } from '../../protocol/index.js';
import { formatDuration } from '../core/i18n/intl-format.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import { formatMoney } from './format.js';

/** A glyph per event type; decorative (aria-hidden), the label says the same in words. */
export const eventIcons: Record<JourneyEventType, string> = {
  page_view: '📄',
  page_leave: '↩',
  product_view: '🏷',
  search: '🔍',
  cart_add: '🛒',
  cart_remove: '🗑',
  checkout_step: '💳',
  purchase: '✅',
  js_error: '⚠',
  request_failed: '⚠',
  form_error: '⚠',
};

/**
 * What an event is about, untranslated (a page title, a product, an error message): the
 * hub's struggle summaries are built the same way.
 */
export function plainDetail(event: JourneyEvent): string {
  switch (event.type) {
    case 'page_view':
      return event.title || event.url;
    case 'product_view':
    case 'cart_add':
    case 'cart_remove':
      return event.product.name ?? event.product.sku;
    case 'search':
      return `“${event.query}”`;
    case 'checkout_step':
      return event.step;
    case 'purchase':
      return event.orderId ?? '';
    case 'js_error':
      return event.message;
    case 'request_failed':
      return `${event.method} ${event.target} → ${event.status}`;
    case 'form_error':
      return `${event.field}: ${event.message}`;
    case 'page_leave':
      return event.url;
  }
}

/** The detail shown on a timeline row, localized where it has words or numbers of its own. */
export function eventDetail(event: JourneyEvent, l10n: LocalizeController): string {
  const locale = l10n.locale;
  switch (event.type) {
    case 'search':
      return event.results === undefined
        ? plainDetail(event)
        : l10n.t('card.searchResults', { query: event.query, count: event.results });
    case 'page_leave':
      return l10n.t('card.stayed', { duration: formatDuration(locale, event.durationMs) });
    case 'purchase':
    case 'checkout_step': {
      const value =
        event.value === undefined ? '' : formatMoney(locale, event.value, event.currency);
      return [plainDetail(event), value].filter(Boolean).join(' · ');
    }
    default:
      return plainDetail(event);
  }
}

/** The URL an agent may send back to the customer from this event, if any. */
export function linkOf(event: JourneyEvent): string | null {
  return event.type === 'page_view' || event.type === 'product_view' ? event.url : null;
}
