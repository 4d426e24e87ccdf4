import { LitElement, nothing, type PropertyValues } from 'lit';
import type { EventFrame } from '../../protocol/index.js';
import { ConfigController } from '../core/config/config-controller.js';
import { defineElement } from '../core/define-element.js';
import { LocalizeController } from '../core/i18n/localize-controller.js';
import { ChatPanel, chatPanelStyles, type ChatPanelOptions } from './chat-panel.js';
import { conversationMarkerKey } from './conversation-marker.js';
import type { CxChat, HandoffDetail } from './cx-chat.js';
import { availableHandoffs, handOff, handoffDefined, renderHandoff } from './handoff.js';
import { UnreadTracker, type FreshMessage } from './unread.js';
import { claimChime } from '../core/notice/chime-claim.js';
import { TitleNotice, chime } from '../core/notice/page-notice.js';

/** Under this width the open panel fills the screen (chat-panel.styles.ts has the same query). */
const narrow = matchMedia('(max-width: 480px)');

/**
 * The panel half of `<cx-chat>`, loaded on first use: a Lit element the launcher puts in its
 * shadow root. It renders the `ChatPanel` controller into its own light DOM, so the panel's
 * parts and its textbox with its label are in cx-chat's shadow root, as documented there.
 * Once it exists it follows the visitor's conversation also while closed, to count unread
 * messages for the launcher's badge, the title and the sound.
 *
 * @internal Created only by cx-chat.
 */
export class ChatPanelElement extends LitElement {
  static override properties = { open: { type: Boolean } };

  /** Whether the visitor sees the panel (cx-chat's `open`). */
  open = false;
  /** The `<cx-chat>` whose panel this is. */
  chat!: CxChat;
  /** Follows the conversation while closed too (see ChatPanelHost). */
  readonly background = true;

  private readonly config = new ConfigController(this);
  private readonly l10n = new LocalizeController(this, this.config);
  private readonly panel = new ChatPanel(this, this.panelOptions());
  private conversationId: string | null = null;
  private unread: UnreadTracker | null = null;
  private readonly titleNotice = new TitleNotice();
  private scrollLock: string | null = null;

  /** No shadow root: render into cx-chat's, next to the launcher. */
  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Next to the launcher's (and an invitation's) sheets, not in place of them.
    const root = this.getRootNode() as ShadowRoot;
    const sheets = chatPanelStyles.map((style) => style.styleSheet!);
    root.adoptedStyleSheets = [
      ...root.adoptedStyleSheets.filter((sheet) => !sheets.includes(sheet)),
      ...sheets,
    ];
    narrow.addEventListener('change', this.lockScroll);
    void handoffDefined().then(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    narrow.removeEventListener('change', this.lockScroll);
    this.unread?.disconnect();
    this.titleNotice.disconnect();
    this.open = false;
    this.lockScroll();
  }

  protected override render() {
    return this.open ? this.panel.render() : nothing;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    this.lockScroll();
    if (this.open) {
      this.unread?.markRead();
      this.titleNotice.restore();
    }
  }

  /** @internal Focus into the panel: the first field (a form's, else the message textbox). */
  focusFirstField(): void {
    this.querySelector<HTMLElement>(
      '[part="panel"] :is(textarea, select, input:not([type="hidden"], [type="file"]))',
    )?.focus();
  }

  private panelOptions(): ChatPanelOptions {
    // A getter, so the panel reads the greeting current at each render.
    const chat = () => this.chat;
    return {
      config: this.config,
      l10n: this.l10n,
      onClose: () => void this.chat.userClose(),
      onLoaded: (conversationId) => this.noteConversation(conversationId),
      onEvent: (frame) => this.onEvent(frame),
      get greeting() {
        return chat().greeting;
      },
      renderActions: () =>
        renderHandoff(
          availableHandoffs(),
          (key) => this.l10n.t(key),
          (channel) => this.handOff(channel),
        ),
    };
  }

  private onEvent(frame: EventFrame): void {
    const closed = frame.event.type === 'conversation.closed';
    this.noteConversation(closed ? null : frame.stream.replace(/^conv:/, ''));
    const settings = this.config.settings;
    if (!settings) return;
    this.unread ??= new UnreadTracker(
      `cxkit.chat.read:${settings.hub}:${settings.siteKey}`,
      (count, fresh) => this.showUnread(count, fresh),
    );
    this.unread.take(frame, this.open);
  }

  private showUnread(count: number, fresh: FreshMessage | null): void {
    this.chat.setUnread(count);
    if (count === 0) this.titleNotice.restore();
    else if (fresh) {
      this.titleNotice.show(
        this.l10n.t(count === 1 ? 'chat.unreadTitleOne' : 'chat.unreadTitle', { count }),
      );
      const settings = this.config.settings;
      if (this.chat.sound && settings) {
        const key = `cxkit.chat.chimed:${settings.hub}:${settings.siteKey}`;
        void claimChime(key, fresh.conversationId, fresh.seq).then((mine) => mine && chime());
      }
    }
  }

  /** Keeps the marker that makes the next page's launcher connect in the background. */
  private noteConversation(conversationId: string | null): void {
    this.conversationId = conversationId;
    const settings = this.config.settings;
    if (!settings) return;
    const key = conversationMarkerKey(settings);
    try {
      if (conversationId) localStorage.setItem(key, conversationId);
      else localStorage.removeItem(key);
    } catch {
      // Storage blocked: the next page simply does not connect before it is opened.
    }
  }

  private handOff(channel: HandoffDetail['channel']): void {
    if (handOff(this.chat, { channel, conversationId: this.conversationId }))
      void this.chat.userClose();
  }

  /** On a narrow screen the open panel covers the page, which must not scroll behind it. */
  private readonly lockScroll = (): void => {
    const style = document.documentElement.style;
    const lock = this.open && narrow.matches;
    if (lock && this.scrollLock === null) {
      this.scrollLock = style.overflow;
      style.overflow = 'hidden';
    } else if (!lock && this.scrollLock !== null) {
      style.overflow = this.scrollLock;
      this.scrollLock = null;
    }
  };
}

defineElement('cx-chat-panel', ChatPanelElement);

/** Puts a panel in `chat`'s shadow root, after the launcher. */
export function createChatPanel(chat: CxChat): ChatPanelElement {
  const panel = document.createElement('cx-chat-panel') as ChatPanelElement;
  panel.chat = chat;
  panel.open = chat.open;
  chat.shadowRoot!.append(panel);
  return panel;
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-chat-panel': ChatPanelElement;
  }
}
