import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type {
  ContextGetCommand,
  CustomerContext,
  EventFrame,
  Struggle,
} from '../../protocol/index.js';
import { ConfigController } from '../core/config/config-controller.js';
import { newCommandId } from '../core/hub/command-id.js';
import type { HubError, Subscription } from '../core/hub/hub-connection.js';
import { HubController } from '../core/hub/hub-controller.js';
import '../core/i18n/builtin-catalogs.js';
import { LocalizeController } from '../core/i18n/localize-controller.js';
import { formStyles } from '../core/styles/form-styles.js';
import { controlStyles, tokenStyles } from '../core/styles/tokens.js';
import {
  renderCart,
  renderConversations,
  renderCrm,
  renderIdentity,
  renderInterests,
  renderPresence,
  renderStruggles,
} from './card-sections.js';
import { cardStyles } from './cx-customer-card.styles.js';
import {
  renderTimeline,
  TimelineWindow,
  timelineRows,
  type TimelineRow,
} from './journey-timeline.js';
import { withAppended } from './live-context.js';
import { struggleDetail } from './struggle-text.js';

/** `detail` of `cx-link-sent`. */
export interface LinkSentDetail {
  conversationId: string;
  url: string;
  /** The id of the `chat.send` that carried the link. */
  clientMessageId: string;
}

/** `detail` of `cx-callback-request`. */
export interface CallbackRequestDetail {
  visitorId: string;
  customerId: string | null;
  conversationId: string | null;
}

type Lookup = Omit<ContextGetCommand, 'v' | 'type' | 'id'>;
type View =
  | { state: 'empty' }
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'loaded'; context: CustomerContext };

/**
 * @summary The agent's view of a customer: identity, CRM data and orders, live presence,
 * struggles, interests, cart, the journey timeline by visit, and past conversations.
 *
 * Give it one of `conversation-id`, `visitor-id` or `customer-id` (a conversation wins). It
 * loads `context.get` from the hub, then follows the visitor's journey live. Inside a
 * `<cx-agent-inbox>` (slot `customer-card`) it follows the selected conversation by itself.
 * Needs a `<cx-config>` on the page with an agent token (or a demo agent signed in).
 * Every name, title and CRM field is shown as text.
 *
 * @fires cx-link-sent - The agent sent a page or product link into the conversation. `detail`: `{ conversationId, url, clientMessageId }`.
 * @fires cx-callback-request - The agent asked to schedule a callback. Cancelable; the page handles it (e.g. opens its callback form) and may call `preventDefault()` to say so. `detail`: `{ visitorId, customerId, conversationId }`.
 *
 * @csspart card - The whole card.
 * @csspart identity - Name, verification badge and customer id.
 * @csspart verified - The "Verified" badge.
 * @csspart struggles - The struggles summary at the top.
 * @csspart struggle - One struggle: in the summary, and each struggle event on the timeline.
 * @csspart crm - The CRM section.
 * @csspart crm-notice - "CRM unavailable" or "Last updated" notice.
 * @csspart orders - The list of recent orders.
 * @csspart order - One order.
 * @csspart presence - Live presence and the current page.
 * @csspart interests - Interest signals.
 * @csspart cart - The current cart.
 * @csspart timeline - The scroll container of the journey timeline.
 * @csspart visit - A visit's header row on the timeline.
 * @csspart event - One event row on the timeline.
 * @csspart send-link - Each "Send link" button.
 * @csspart callback - The "Schedule callback" button.
 * @csspart conversations - Past conversations.
 *
 * @cssproperty --cx-card-width - Width of the card. Default 360px.
 * @cssproperty --cx-card-timeline-height - Height of the timeline's scroll area. Default 320px.
 */
export class CxCustomerCard extends LitElement {
  static override styles = [tokenStyles, controlStyles, formStyles, cardStyles];

  /** The conversation whose customer to show; wins over the other ids. */
  @property({ attribute: 'conversation-id' }) conversationId = '';

  /** The conversation has ended (the agent desk sets it): no more links are sent into it. */
  @property({ type: Boolean, attribute: 'conversation-closed' }) conversationClosed = false;

  /** The visitor to show, when there is no conversation. */
  @property({ attribute: 'visitor-id' }) visitorId = '';

  /** The verified customer to show, when there is neither conversation nor visitor. */
  @property({ attribute: 'customer-id' }) customerId = '';

  @state() private view: View = { state: 'empty' };
  @state() private notice = '';
  @state() private announcement = '';
  /** What the shown view was loaded for: the lookup, and whether there was a connection. */
  private loadedKey = '';
  private generation = 0;
  private subscription: Subscription | null = null;
  private rows: { context: CustomerContext | null; rows: TimelineRow[] } = {
    context: null,
    rows: [],
  };

  private readonly config = new ConfigController(this);
  private readonly l10n = new LocalizeController(this, this.config);
  private readonly timeline = new TimelineWindow(this);
  private readonly hub = new HubController(this, this.config, {
    role: 'agent',
    onConnection: () => (this.loadedKey = 'reload'),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFollowing();
    this.loadedKey = 'reload';
  }

  private get lookup(): Lookup | null {
    if (this.conversationId) return { conversationId: this.conversationId };
    if (this.visitorId) return { visitorId: this.visitorId };
    if (this.customerId) return { customerId: this.customerId };
    return null;
  }

  protected override willUpdate(): void {
    const lookup = this.lookup;
    // A lookup without a connection yet is its own key, so the card loads once it connects.
    const key = lookup ? `${this.hub.connection ? 'on' : 'off'}|${JSON.stringify(lookup)}` : '';
    if (key !== this.loadedKey) this.load(lookup, key);
  }

  protected override updated(_changed: PropertyValues): void {
    this.timeline.observe(this.renderRoot.querySelector('.scroller'));
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    if (this.hub.needsAgentCredentials)
      return html`<div class="card" part="card"><p>${t('inbox.tokenRequired')}</p></div>`;
    const view = this.view;
    if (view.state === 'empty')
      return html`<div class="card" part="card"><p class="quiet">${t('card.empty')}</p></div>`;
    if (view.state === 'loading')
      return html`<div class="card" part="card" aria-busy="true">
        <p class="quiet" role="status">${t('card.loading')}</p>
      </div>`;
    if (view.state === 'error')
      return html`<div class="card" part="card">
        <p class="error" role="alert">${t('card.loadFailed', { message: view.message })}</p>
      </div>`;
    return this.renderContext(view.context);
  }

  private renderContext(context: CustomerContext) {
    const t = this.l10n.t.bind(this.l10n);
    const sendLink = this.canSendLinks(context) ? this.sendLink : undefined;
    return html`<article class="card" part="card" aria-labelledby="card-title">
      <header class="header">
        ${renderIdentity(context, this.l10n, this.conversationId)}
        <button class="quiet" part="callback" @click=${() => this.requestCallback(context)}>
          ${t('card.scheduleCallback')}
        </button>
      </header>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${renderStruggles(context, this.l10n)} ${renderPresence(context, this.l10n, sendLink)}
      ${renderCrm(context.crm, this.l10n)} ${renderInterests(context, this.l10n)}
      ${renderCart(context, this.l10n)}
      <div class="journey">
        <h3 id="timeline-title">${t('card.timeline')}</h3>
        ${renderTimeline({
          rows: this.rowsOf(context),
          scroll: this.timeline,
          l10n: this.l10n,
          onSendLink: sendLink,
        })}
      </div>
      ${renderConversations(context, this.conversationId, this.l10n)}
    </article>`;
  }

  /** Flattening 10,000 events is not free: do it once per context, not per scroll frame. */
  private rowsOf(context: CustomerContext): TimelineRow[] {
    if (this.rows.context !== context) this.rows = { context, rows: timelineRows(context.visits) };
    return this.rows.rows;
  }

  /** Links go into the open conversation, unless the card knows it is not the agent's to write in. */
  private canSendLinks(context: CustomerContext): boolean {
    if (!this.conversationId || this.conversationClosed) return false;
    const self = this.hub.connection?.principal?.principalId;
    const conversation = context.conversations.find((c) => c.id === this.conversationId);
    return !conversation || (conversation.status === 'active' && conversation.agentId === self);
  }

  private load(lookup: Lookup | null, key: string): void {
    this.stopFollowing();
    this.loadedKey = key;
    this.notice = '';
    this.announcement = '';
    const generation = ++this.generation;
    const connection = this.hub.connection;
    if (!lookup) return void (this.view = { state: 'empty' });
    this.view = { state: 'loading' };
    if (!connection) return; // loads once the hub controller has a connection
    connection.command('context.get', lookup).then(
      ({ context, seq }) => {
        if (generation !== this.generation) return;
        this.view = { state: 'loaded', context };
        this.subscription = connection.subscribe(`visitor:${context.visitorId}`, seq, {
          onEvent: (frame) => this.onVisitorEvent(frame),
          onError: (error) =>
            (this.notice = this.l10n.t('card.liveFailed', { message: error.message })),
        });
      },
      (error: HubError) => {
        if (generation === this.generation) this.view = { state: 'error', message: error.message };
      },
    );
  }

  private stopFollowing(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  private onVisitorEvent(frame: EventFrame): void {
    if (frame.event.type !== 'journey.appended' || this.view.state !== 'loaded') return;
    // A browser a customer signed out of is the next person's: their browsing is not the
    // customer's, nor the customer's theirs (`undefined`: a hub that does not say whose).
    const { customerId } = frame.event;
    if (customerId !== undefined && customerId !== this.view.context.customerId) return;
    const { context, newStruggles } = withAppended(this.view.context, frame.event.events);
    this.view = { state: 'loaded', context };
    if (newStruggles.length) this.announce(newStruggles[newStruggles.length - 1]);
  }

  private announce(struggle: Struggle): void {
    this.announcement = this.l10n.t('card.newStruggle', {
      kind: this.l10n.t(`card.struggle.${struggle.kind}`),
      detail: struggleDetail(struggle, this.l10n),
    });
  }

  private readonly sendLink = async (url: string): Promise<void> => {
    const connection = this.hub.connection;
    const conversationId = this.conversationId;
    if (!connection || !conversationId) return;
    const clientMessageId = newCommandId();
    try {
      await connection.command('chat.send', { conversationId, text: url }, clientMessageId);
      this.notice = this.l10n.t('card.linkSent', { url });
      this.dispatchEvent(
        new CustomEvent<LinkSentDetail>('cx-link-sent', {
          detail: { conversationId, url, clientMessageId },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.notice = this.l10n.t('card.linkFailed', { message: (error as HubError).message });
    }
  };

  private requestCallback(context: CustomerContext): void {
    this.dispatchEvent(
      new CustomEvent<CallbackRequestDetail>('cx-callback-request', {
        detail: {
          visitorId: context.visitorId,
          customerId: context.customerId,
          conversationId: this.conversationId || null,
        },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-customer-card': CxCustomerCard;
  }
  interface HTMLElementEventMap {
    'cx-link-sent': CustomEvent<LinkSentDetail>;
    'cx-callback-request': CustomEvent<CallbackRequestDetail>;
  }
}
