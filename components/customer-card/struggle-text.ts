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
  switch (struggle.kind) {
    case 'js_error': {
      const facts = struggle.facts;
      if (!facts) break;
      const repeated = facts.count > 1;
      return l10n.t(`card.struggleFacts.js_error${repeated ? 'Repeated' : ''}`, facts);
    }
    case 'request_failed': {
      const facts = struggle.facts;
      if (!facts) break;
      const repeated = facts.count > 1;
      return l10n.t(`card.struggleFacts.request_failed${repeated ? 'Repeated' : ''}`, facts);
    }
    case 'help_pages': {
      const facts = struggle.facts;
      if (!facts) break;
      return l10n.t('card.struggleFacts.help_pages', { ...facts, paths: list(facts.paths) });
    }
    case 'cart_abandoned': {
      const facts = struggle.facts;
      if (!facts) break;
      return 'step' in facts
        ? l10n.t('card.struggleFacts.cart_abandonedStep', facts)
        : l10n.t('card.struggleFacts.cart_abandonedProducts', { products: list(facts.products) });
    }
    case 'form_retries': {
      const facts = struggle.facts;
      if (!facts) break;
      return l10n.t(`card.struggleFacts.form_retries${facts.form ? '' : 'Unnamed'}`, facts);
    }
  }
  return struggle.summary;
}
