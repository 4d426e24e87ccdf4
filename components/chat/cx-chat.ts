import type { CxSettings } from '../core/config/settings.js';
import { consumePageSettings } from '../core/config/settings-consumer.js';
import { translate } from '../core/i18n/catalogs.js';
import type { MessageKey } from '../core/i18n/en.js';
import { openConversationId } from './conversation-marker.js';
import { chatCss } from './cx-chat.styles.js';
import type { ChatPanelElement } from './panel-element.js';

/** The panel (Lit, the conversation, the hub connection, full catalogs): loaded on first use. */
const loadPanelModule = () => import('./panel-element.js');

/** A new element with these attributes (DOM building without innerHTML, for Trusted Types pages). */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** A constructed stylesheet: allowed under a strict CSP, and shared by every instance. */
export function stylesheet(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}

let launcherSheet: CSSStyleSheet | undefined;

/** The launcher's shadow root, styled by a constructed sheet (a strict CSP refuses <style>). */
function launcherRoot(host: HTMLElement): ShadowRoot {
  const root = host.attachShadow({ mode: 'open', delegatesFocus: true });
  root.adoptedStyleSheets = [(launcherSheet ??= stylesheet(chatCss))];
  return root;
}

/** Languages written right to left; the widget mirrors for them even on a left-to-right page. */
const RTL = /^(ar|ckb|dv|fa|he|ps|sd|ug|ur|yi)\b/i;

/**
 * Calls `run` once the page has loaded and the browser is idle, so it never competes with the
 * page; at the latest a few seconds later (a background tab may never be idle).
 */
function whenIdle(run: () => void): void {
  const idle = () => (window.requestIdleCallback ?? setTimeout)(() => run(), { timeout: 3000 });
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

/**
 * @summary A chat launcher button and the chat panel it opens, for a site's visitors.
 *
 * Needs a `<cx-config>` anywhere on the page. The conversation continues across reloads
 * and tabs (the visitor's token is kept in localStorage). Messages are shown as text.
 *
 * The launcher is a few KB without any framework: the panel's code is fetched when the visitor
 * points at or focuses the launcher, and the hub is contacted on open. Once the visitor has an
 * open conversation, later pages load the panel hidden when the browser is idle, to count the
 * agent's messages in a badge (and the document title, and a sound with `sound`). With no
 * conversation, the launcher checks the site's invitation rules when idle (a small request)
 * and may show an invitation beside the launcher.
 *
 * Hand-off: when the page also has `<cx-click-to-call>` or `<cx-callback-scheduler>`, the panel
 * offers "Call me instead" / "Schedule a callback". Choosing one fires the cancelable
 * `cx-handoff`; unless cancelled, the target element's `startFromChat({ conversationId })` is
 * called (if it has one), which those widgets implement to keep the chat as context.
 *
 * Under a narrow viewport (480px or less) the open panel fills the screen. Right-to-left
 * locales (and pages with `<html dir="rtl">`) mirror the widget.
 *
 * @fires cx-chat-open - The visitor opened the panel.
 * @fires cx-chat-close - The visitor closed the panel.
 * @fires cx-message-sent - The hub accepted a message the visitor sent. `detail`: `{ conversationId, clientMessageId, text }`.
 * @fires cx-handoff - Request: the visitor chose to continue by phone or callback. `detail`: `{ channel: 'call' | 'callback', conversationId }` (`conversationId` is null before the first message). Cancelable: `preventDefault()` to handle it yourself.
 *
 * @csspart launcher - The button that opens the panel.
 * @csspart badge - The count of unread messages on the launcher.
 * @csspart invitation - The invitation beside the launcher.
 * @csspart panel - The chat panel.
 * @csspart log - The list of messages.
 * @csspart message - One message.
 * @csspart notice - A line about the conversation (an agent joined, it ended).
 * @csspart agent-name - "You are chatting with …" under the title, once an agent joined.
 * @csspart typing - Who is typing (a polite live region, empty while nobody types).
 * @csspart receipt - Sent, Delivered or Read under the visitor's latest message.
 * @csspart quick-replies - The buttons under the latest agent message; each `quick-reply` answers with its label.
 * @csspart day - A day separator (Today, Yesterday, a date) when the log spans days.
 * @csspart composer - The form with the textbox and the Send button.
 * @csspart attachments - A message's files; each `attachment` a thumbnail or file chip linking to the download.
 * @csspart attach-button - The "Attach file" label around the file input.
 * @csspart attachments-chosen - The files chosen for the next message, with their upload state.
 * @csspart attach-problem - Why a chosen file was refused (too large, wrong type).
 * @csspart status - The connection status, shown while not online.
 * @csspart handoff - The "Call me instead" / "Schedule a callback" buttons.
 *
 * @cssproperty --cx-chat-offset - Distance of the launcher and panel from the viewport's bottom corner (bottom-left in right-to-left). Default 16px.
 * @cssproperty --cx-chat-width - Panel width. Default 360px.
 * @cssproperty --cx-chat-height - Panel height. Default 520px.
 */
export class CxChat extends HTMLElement {
  static readonly observedAttributes = ['open'];

  /** @internal The page's settings from `<cx-config>`, once there. */
  settings: CxSettings | undefined;

  /** @internal An accepted invitation's text, which the panel shows in an empty conversation. */
  greeting?: string;

  private readonly launcher: HTMLButtonElement;
  private readonly label: HTMLElement;
  private readonly badge: HTMLElement;
  private unreadCount = 0;
  /** The panel element, once its code has loaded (on first open, or in the background). */
  private panel: ChatPanelElement | null = null;
  private panelLoad: Promise<void> | null = null;
  private backgroundStarted = false;
  private stopSettings: (() => void) | undefined;
  private readonly langObserver = new MutationObserver(() => this.localize());

  constructor() {
    super();
    const root = launcherRoot(this);
    // Built node by node: pages enforcing Trusted Types refuse innerHTML.
    this.launcher = element('button', {
      class: 'launcher',
      part: 'launcher',
      'aria-haspopup': 'dialog',
    });
    this.label = element('span');
    this.badge = element('span', { class: 'badge', part: 'badge', 'aria-hidden': 'true' });
    this.launcher.append(this.label, this.badge);
    root.append(this.launcher);
    this.launcher.addEventListener('click', () => void this.userOpen());
    // The visitor heads for the launcher (pointer, which also fires on touch just before
    // pointerdown, or keyboard focus): fetch the panel's code so opening feels instant.
    // A failure here is reported by the open that follows, which tries again.
    const preload = () => void loadPanelModule().catch(() => undefined);
    this.launcher.addEventListener('pointerenter', preload);
    this.launcher.addEventListener('focus', preload);
    // Properties set before this element upgraded shadow the accessors.
    for (const name of ['open', 'sound'] as const) {
      if (!Object.hasOwn(this, name)) continue;
      const value = this[name];
      delete (this as Partial<Pick<CxChat, typeof name>>)[name];
      this[name] = value;
    }
    this.localize();
  }

  /**
   * Whether the panel is open. Setting it does not fire `cx-chat-open`/`cx-chat-close`.
   * @attr open
   */
  get open(): boolean {
    return this.hasAttribute('open');
  }
  set open(value: boolean) {
    this.toggleAttribute('open', value);
  }

  /**
   * Play a short, quiet chime when an agent writes while the panel is closed (never before the
   * visitor has interacted with the page, as browsers require). With the site open in several
   * tabs, one of them chimes.
   * @attr sound
   */
  get sound(): boolean {
    return this.hasAttribute('sound');
  }
  set sound(value: boolean) {
    this.toggleAttribute('sound', value);
  }

  /** Agent messages that arrived while the panel was closed (shown on the launcher's badge). */
  get unread(): number {
    return this.unreadCount;
  }

  /** The language the widget speaks: `<cx-config locale>`, else `<html lang>`, else English. */
  get locale(): string {
    return this.settings?.locale || document.documentElement.lang || 'en';
  }

  /** Resolves once the launcher and, when open, the panel (its code loaded) are rendered. */
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(this.panelLoad).then(() => this.panel?.updateComplete ?? true);
  }

  connectedCallback(): void {
    this.stopSettings = consumePageSettings(this, (settings) => {
      this.settings = settings;
      if (settings?.theme) this.dataset.cxTheme = settings.theme;
      else delete this.dataset.cxTheme;
      this.localize();
      if (settings) this.startBackgroundWork(settings);
    });
    this.langObserver.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
    });
  }

  disconnectedCallback(): void {
    this.stopSettings?.();
    this.langObserver.disconnect();
  }

  attributeChangedCallback(): void {
    if (this.open) void this.loadPanel();
    this.sync();
  }

  /** @internal Translates a launcher string in the widget's language. */
  t(key: MessageKey, values?: Record<string, string | number>): string {
    return translate(this.locale, key, values);
  }

  /** @internal The panel's count of unread agent messages (0 once read, in any tab). */
  setUnread(count: number): void {
    this.unreadCount = count;
    this.localize();
  }

  /** @internal Opens the panel as the visitor did (launcher, invitation): event, then focus inside. */
  async userOpen(greeting?: string): Promise<void> {
    if (this.open) return; // Already opening: the panel's code is on its way.
    if (greeting) this.greeting = greeting;
    this.open = true;
    this.dispatchEvent(new CustomEvent('cx-chat-open', { bubbles: true, composed: true }));
    await this.updateComplete;
    this.panel?.focusFirstField();
  }

  /** @internal Closes the panel as the visitor did; focus goes back to the launcher. */
  async userClose(): Promise<void> {
    this.open = false;
    this.dispatchEvent(new CustomEvent('cx-chat-close', { bubbles: true, composed: true }));
    await this.updateComplete;
    // Unless something else took focus meanwhile (a hand-off's target widget).
    const active = document.activeElement;
    if (active === this || active === document.body || active === null) this.launcher.focus();
  }

  private sync(): void {
    if (this.panel) this.panel.open = this.open;
    // The launcher stays until the panel shows, so focus has somewhere to be meanwhile.
    this.launcher.hidden = this.open && this.panel !== null;
  }

  private localize(): void {
    const count = this.unreadCount;
    const open = this.t('chat.open');
    this.label.textContent = open;
    // The number is drawn by CSS (attr()), so the visible text stays "Open chat", a part of
    // the accessible name "Open chat, 2 unread messages" as voice control users expect.
    this.badge.dataset.count = count > 0 ? String(count) : '';
    if (count > 0)
      this.launcher.setAttribute(
        'aria-label',
        open + this.t(count === 1 ? 'chat.unreadOne' : 'chat.unread', { count }),
      );
    else this.launcher.removeAttribute('aria-label');
    // Mirror for a right-to-left language; otherwise follow the page (direction inherits).
    if (RTL.test(this.locale)) this.dir = 'rtl';
    else if (this.dir === 'rtl' && document.documentElement.dir !== 'rtl')
      this.removeAttribute('dir');
  }

  /**
   * With an open conversation, connect hidden to count unread messages; without one, see
   * whether an invitation rule applies. Both wait for idle, and load nothing eagerly.
   */
  private startBackgroundWork(settings: CxSettings): void {
    if (this.backgroundStarted) return;
    this.backgroundStarted = true;
    whenIdle(() => {
      if (openConversationId(settings) !== null) void this.loadPanel();
      else if (!this.open && !this.panel)
        import('./invitation.js').then(
          ({ offerInvitation }) => offerInvitation(this),
          () => undefined, // Offline or a replaced deploy: no invitation, nothing else lost.
        );
    });
  }

  private loadPanel(): Promise<void> {
    this.panelLoad ??= loadPanelModule().then(
      ({ createChatPanel }) => {
        this.panel = createChatPanel(this);
        this.sync();
      },
      (error: unknown) => {
        // Offline, or a deploy replaced the chunk: close again, so the next click retries.
        this.panelLoad = null;
        this.open = false;
        reportError(error);
      },
    );
    return this.panelLoad;
  }
}

/** What `cx-handoff` carries. */
export interface HandoffDetail {
  channel: 'call' | 'callback';
  /** The chat to continue from, or null before the visitor's first message. */
  conversationId: string | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-chat': CxChat;
  }
  interface HTMLElementEventMap {
    'cx-chat-open': CustomEvent<void>;
    'cx-chat-close': CustomEvent<void>;
    'cx-handoff': CustomEvent<HandoffDetail>;
  }
}
