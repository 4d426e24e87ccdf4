import { html, nothing } from 'lit';
import type { CrmData, CrmOrder, CustomerContext } from '../../protocol/index.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import { formatDate, formatDateTime, formatMoney, isWebUrl } from './format.js';
import { struggleDetail } from './struggle-text.js';

/**
 * The card's sections as plain render functions of the context. All text goes through
 * Lit's text bindings, so names, titles and CRM fields can never become markup.
 */

type SendLink = ((url: string, name: string) => void) | undefined;

export function renderIdentity(
  context: CustomerContext,
  l10n: LocalizeController,
  conversationId: string,
) {
  const crmName = context.crm.status === 'ok' ? context.crm.name : undefined;
  const told = toldInChat(context, conversationId);
  const name = context.displayName || crmName || told.name || l10n.t('card.anonymous');
  return html`<div class="identity" part="identity">
    <h2 id="card-title">${name}</h2>
    ${
      context.verified
        ? html`<span class="badge verified" part="verified"
            ><span aria-hidden="true">✔</span> ${l10n.t('card.verified')}</span
          >`
        : html`<span class="badge">${l10n.t('card.unverified')}</span>`
    }
    ${
      context.customerId
        ? html`<p class="quiet">${l10n.t('card.customerId', { id: context.customerId })}</p>`
        : nothing
    }
    ${
      !context.verified && told.email
        ? html`<p class="quiet">${l10n.t('card.emailToldInChat', { email: told.email })}</p>`
        : nothing
    }
  </div>`;
}

/**
 * What the visitor said about themselves in the pre-chat form or a message left: the
 * card's conversation first, then the newest. Unverified, so it is shown as said.
 */
function toldInChat(
  context: CustomerContext,
  conversationId: string,
): { name?: string; email?: string } {
  const newestFirst = [...context.conversations].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  const ordered = [
    ...newestFirst.filter((c) => c.id === conversationId),
    ...newestFirst.filter((c) => c.id !== conversationId),
  ];
  const told = ordered.map((c) => ({ ...c.offline, ...c.prechat }));
  return {
    name: told.find((answers) => answers.name)?.name,
    email: told.find((answers) => answers.email)?.email,
  };
}

export function renderStruggles(context: CustomerContext, l10n: LocalizeController) {
  if (!context.struggles.length) return nothing;
  return html`<section class="struggles" part="struggles" aria-labelledby="struggles-title">
    <h3 id="struggles-title">${l10n.t('card.struggles')}</h3>
    <ul>
      ${context.struggles.map(
        (struggle) =>
          html`<li part="struggle">
            <span class="icon" aria-hidden="true">⚠</span>
            <strong>${l10n.t(`card.struggle.${struggle.kind}`)}</strong>
            <span class="detail">${struggleDetail(struggle, l10n)}</span>
            <time class="quiet" datetime=${struggle.at}
              >${formatDateTime(l10n.locale, struggle.at)}</time
            >
          </li>`,
      )}
    </ul>
  </section>`;
}

export function renderPresence(
  context: CustomerContext,
  l10n: LocalizeController,
  onSendLink: SendLink,
) {
  const { online, currentUrl, currentTitle, lastSeenAt } = context.presence;
  const title = currentTitle || currentUrl || '';
  return html`<section part="presence" aria-labelledby="presence-title">
    <h3 id="presence-title">${l10n.t('card.presence')}</h3>
    ${
      online
        ? html`<p class="online">
            <span class="dot" aria-hidden="true"></span>${l10n.t('card.online')}
          </p>`
        : html`<p class="quiet">
            ${
              lastSeenAt
                ? l10n.t('card.lastSeen', { time: formatDateTime(l10n.locale, lastSeenAt) })
                : l10n.t('card.neverSeen')
            }
          </p>`
    }
    ${
      online && currentUrl
        ? html`<p class="current-page">
            <span class="quiet">${l10n.t('card.currentPage')}:</span>
            ${
              isWebUrl(currentUrl)
                ? html`<a href=${currentUrl} target="_blank" rel="noopener noreferrer">${title}</a>`
                : html`<span>${title}</span>`
            }
            ${
              onSendLink
                ? html`<button
                    class="quiet small"
                    part="send-link"
                    aria-label=${l10n.t('card.sendLinkTo', { target: title })}
                    @click=${() => onSendLink(currentUrl, title)}
                  >
                    ${l10n.t('card.sendLink')}
                  </button>`
                : nothing
            }
          </p>`
        : nothing
    }
  </section>`;
}

export function renderCrm(crm: CrmData, l10n: LocalizeController) {
  const heading = html`<h3 id="crm-title">${l10n.t('card.crm')}</h3>`;
  if (crm.status === 'unavailable')
    return html`<section part="crm" aria-labelledby="crm-title">
      ${heading}
      <p class="notice" part="crm-notice" role="note">
        <span aria-hidden="true">⚠</span> ${l10n.t('card.crmUnavailable', { reason: crm.reason })}
      </p>
    </section>`;
  if (crm.status !== 'ok')
    return html`<section part="crm" aria-labelledby="crm-title">
      ${heading}
      <p class="quiet">
        ${l10n.t(crm.status === 'not_found' ? 'card.crmNotFound' : 'card.crmNone')}
      </p>
    </section>`;
  const locale = l10n.locale;
  const fields: [string, string | undefined][] = [
    [l10n.t('card.crmName'), crm.name],
    [l10n.t('card.crmEmail'), crm.email],
    [l10n.t('card.crmTier'), crm.tier],
    [
      l10n.t('card.crmLifetimeValue'),
      crm.lifetimeValue === undefined
        ? undefined
        : formatMoney(locale, crm.lifetimeValue, crm.currency),
    ],
    [
      l10n.t('card.crmOpenTickets'),
      crm.openTickets === undefined ? undefined : String(crm.openTickets),
    ],
  ];
  return html`<section part="crm" aria-labelledby="crm-title">
    ${heading}
    ${
      crm.stale
        ? html`<p class="notice" part="crm-notice">
            ${l10n.t('card.crmStale', { time: formatDateTime(locale, crm.fetchedAt) })}
          </p>`
        : nothing
    }
    <dl class="fields">
      ${fields
        .filter(([, value]) => value !== undefined && value !== '')
        .map(
          ([label, value]) =>
            html`<dt>${label}</dt>
              <dd>${value}</dd>`,
        )}
    </dl>
    <h4>${l10n.t('card.orders')}</h4>
    ${
      crm.orders.length
        ? html`<ul class="orders" part="orders">
            ${crm.orders.map((order) => renderOrder(order, l10n))}
          </ul>`
        : html`<p class="quiet">${l10n.t('card.noOrders')}</p>`
    }
  </section>`;
}

function renderOrder(order: CrmOrder, l10n: LocalizeController) {
  const locale = l10n.locale;
  const facts = [
    order.date ? formatDate(locale, order.date) : '',
    order.total === undefined ? '' : formatMoney(locale, order.total, order.currency),
    order.status ?? '',
  ].filter(Boolean);
  return html`<li part="order">
    <strong>${l10n.t('card.orderLabel', { id: order.id })}</strong>
    <span>${facts.join(' · ')}</span>
    ${order.items?.length ? html`<span class="quiet">${order.items.join(', ')}</span>` : nothing}
  </li>`;
}

export function renderInterests(context: CustomerContext, l10n: LocalizeController) {
  if (!context.interests.length) return nothing;
  return html`<section part="interests" aria-labelledby="interests-title">
    <h3 id="interests-title">${l10n.t('card.interests')}</h3>
    <ul>
      ${context.interests.map(
        (interest) =>
          html`<li>
            <span class="quiet">${l10n.t(`card.interest.${interest.kind}`)}</span>
            ${l10n.t('card.interestViews', { label: interest.label, count: interest.views })}
            ${
              interest.suggestion
                ? html`<span class="suggestion"
                    >${l10n.t('card.suggestion', { text: interest.suggestion })}</span
                  >`
                : nothing
            }
          </li>`,
      )}
    </ul>
  </section>`;
}

export function renderCart(context: CustomerContext, l10n: LocalizeController) {
  return html`<section part="cart" aria-labelledby="cart-title">
    <h3 id="cart-title">${l10n.t('card.cart')}</h3>
    ${
      context.cart.length
        ? html`<ul>
            ${context.cart.map(
              (product) =>
                html`<li>
                  ${product.name ?? product.sku}
                  <span class="quiet">
                    ${l10n.t('card.quantity', { count: product.quantity ?? 1 })}
                    ${
                      product.price === undefined
                        ? nothing
                        : formatMoney(l10n.locale, product.price, product.currency)
                    }
                  </span>
                </li>`,
            )}
          </ul>`
        : html`<p class="quiet">${l10n.t('card.cartEmpty')}</p>`
    }
  </section>`;
}

export function renderConversations(
  context: CustomerContext,
  currentId: string,
  l10n: LocalizeController,
) {
  const past = context.conversations.filter((c) => c.id !== currentId);
  return html`<section part="conversations" aria-labelledby="conversations-title">
    <h3 id="conversations-title">${l10n.t('card.conversations')}</h3>
    ${
      past.length
        ? html`<ul>
            ${past.map(
              (c) =>
                html`<li>
                  <span class="quiet"
                    >${formatDateTime(l10n.locale, c.createdAt)} ·
                    ${l10n.t(`card.conversation.${c.status}`)}</span
                  >
                  <span>${c.lastText ?? l10n.t('inbox.noPreview')}</span>
                </li>`,
            )}
          </ul>`
        : html`<p class="quiet">${l10n.t('card.noConversations')}</p>`
    }
  </section>`;
}
