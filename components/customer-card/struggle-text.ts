import type { Struggle } from '../../protocol/index.js';
import { formatList } from '../core/i18n/intl-format.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';

/**
 * What a struggle is about, in the agent's language, from the facts the hub sent; its
 * English summary from a backend that sent none. What the customer's page said (an error
 * message, a product's name) stays as it was.
 */
export function struggleDetail(struggle: Struggle, l10n: LocalizeController): string {
  const list = (items: string[]) => formatList(l10n.locale, items);
  if (!struggle.facts) return struggle.summary;
  switch (struggle.kind) {
    case 'js_error':
    case 'request_failed': {
      const repeated = struggle.facts.count > 1 ? 'Repeated' : '';
      return l10n.t(`card.struggleFacts.${struggle.kind}${repeated}`, struggle.facts);
    }
    case 'help_pages':
      return l10n.t('card.struggleFacts.help_pages', {
        ...struggle.facts,
        paths: list(struggle.facts.paths),
      });
    case 'cart_abandoned':
      return 'step' in struggle.facts
        ? l10n.t('card.struggleFacts.cart_abandonedStep', struggle.facts)
        : l10n.t('card.struggleFacts.cart_abandonedProducts', {
            products: list(struggle.facts.products),
          });
    case 'form_retries': {
      const unnamed = struggle.facts.form ? '' : 'Unnamed';
      return l10n.t(`card.struggleFacts.form_retries${unnamed}`, struggle.facts);
    }
  }
}
