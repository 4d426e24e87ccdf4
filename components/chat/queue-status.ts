import { css, html, nothing, type ReactiveController } from 'lit';
import type {
  ChatStatus,
  CommandResults,
  ConversationEvent,
  ConversationSummary,
  EventFrame,
  HoursWidgetPart,
  QueueHours,
  SignalFrame,
} from '../../protocol/index.js';
import type { ConfigController } from '../core/config/config-controller.js';
import type { HubConnection, HubError } from '../core/hub/hub-connection.js';
import { hubSendsEmail, widgetSettings } from '../core/hub/widget-settings.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import type { ChatPanelHost } from './chat-panel.js';
import { renderOfflineForm, type OfflineFields } from './offline-form.js';

/** Screen readers hear a new place in line at most this often; the text on screen is always current. */
const announceEveryMs = 15_000;

export interface QueueStatusOptions {
  config: ConfigController;
  l10n: LocalizeController;
  connection(): HubConnection | null;
  /** A message left outside hours became a conversation: the panel follows it. */
  onMessageLeft(result: CommandResults['chat.leaveMessage']): void;
}

/**
 * The panel's queue: which queue its chats go to (`<cx-chat queue>`, else the site's first),
 * whether it is open (the widget settings' `hours`), the waiting visitor's place in line and
 * estimated wait (`chat.status`, then `queue.position` signals), and outside hours the
 * leave-a-message form in place of the composer.
 */
export class QueueStatus implements ReactiveController {
  private hours: QueueHours[] | null = null;
  /** Whether the hub emails the answer to a message left (it has SMTP). */
  private answersByEmail = false;
  private status: ChatStatus | null = null;
  private waitingId: string | undefined;
  private announcement = '';
  private lastAnnounced = 0;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** `sent`: the confirmation shown once the hub took the message. */
  private form: { busy: boolean; error: string; sent: string } = {
    busy: false,
    error: '',
    sent: '',
  };

  constructor(
    private readonly host: ChatPanelHost,
    private readonly options: QueueStatusOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.announceTimer);
    clearTimeout(this.closeTimer);
  }

  /** The queue asked for by `<cx-chat queue>`, if any (the hub checks it). */
  get queueId(): string | undefined {
    return this.host.chat.getAttribute('queue') || undefined;
  }

  /** Reads the site's opening hours once; without them the panel simply chats. */
  async loadHours(): Promise<void> {
    const settings = this.options.config.settings;
    if (!settings) return;
    try {
      const widget = await widgetSettings(settings);
      const part = widget.hours as HoursWidgetPart | undefined;
      this.hours = part?.queues ?? null;
      this.answersByEmail = hubSendsEmail(widget);
    } catch {
      this.hours = null;
    }
    this.host.requestUpdate();
  }

  /** The leave-a-message form replaces the composer: the queue is closed and nothing is open. */
  offersMessage(hasConversation: boolean): boolean {
    if (hasConversation) return false;
    const queue = this.queue();
    return !!queue && !queue.open;
  }

  /** Follows a conversation: its place in line while it waits. */
  async follow(connection: HubConnection, conversationId: string): Promise<void> {
    this.waitingId = conversationId;
    try {
      const status = await connection.command('chat.status', { conversationId });
      if (this.waitingId === conversationId) this.setStatus(status);
    } catch {
      // Only the place in line is missing; the conversation itself goes on.
    }
  }

  onSignal(frame: SignalFrame): void {
    const { signal } = frame;
    if (signal.type !== 'queue.position' || signal.conversationId !== this.waitingId) return;
    if (!this.status) return;
    this.setStatus({ ...this.status, position: signal.position, etaSeconds: signal.etaSeconds });
  }

  onEvent(frame: EventFrame, connection: HubConnection | null): void {
    const type = (frame.event as ConversationEvent).type;
    if (type === 'conversation.accepted' || type === 'conversation.closed') {
      this.setStatus(this.status && { ...this.status, position: null, etaSeconds: null });
    } else if (type === 'conversation.transferred' && connection && this.waitingId) {
      void this.follow(connection, this.waitingId);
    }
  }

  reset(): void {
    this.waitingId = undefined;
    this.status = null;
    this.form = { busy: false, error: '', sent: '' };
  }

  /** The place in line while waiting, and a polite live region that announces it now and then. */
  renderStatus() {
    const t = this.options.l10n.t.bind(this.options.l10n);
    const position = this.status?.position;
    const line = position ? this.positionText(position, this.status!.etaSeconds) : '';
    const closed = position && !this.status!.queue.open;
    const { sent } = this.form;
    return html`${
        line || sent
          ? html`<div class="queue-status" part="queue-status">
              ${sent ? html`<p>${sent}</p>` : nothing} ${line ? html`<p>${line}</p>` : nothing}
              ${closed ? html`<p>${t('queue.closedWhileWaiting')}</p>` : nothing}
            </div>`
          : nothing
      }
      <p class="visually-hidden" role="status">${this.announcement}</p>`;
  }

  renderOfflineForm() {
    const queue = this.queue()!;
    return renderOfflineForm({
      l10n: this.options.l10n,
      nextOpenAt: queue.nextOpenAt,
      answersByEmail: this.answersByEmail,
      ...this.form,
      onSubmit: (fields) => void this.leaveMessage(fields),
    });
  }

  private queue(): QueueHours | undefined {
    const wanted = this.queueId;
    return this.hours?.find((queue) => queue.id === wanted) ?? this.hours?.[0];
  }

  private positionText(position: number, etaSeconds: number | null): string {
    const t = this.options.l10n.t.bind(this.options.l10n);
    const eta =
      etaSeconds === null
        ? t('queue.etaUnknown')
        : etaSeconds < 60
          ? t('queue.etaSoon')
          : t('queue.etaMinutes', { minutes: Math.round(etaSeconds / 60) });
    return `${t('queue.position', { position })} · ${eta}`;
  }

  private setStatus(status: ChatStatus | null): void {
    this.status = status;
    this.watchClosing(status);
    const position = status?.position;
    if (position) this.announce(this.positionText(position, status!.etaSeconds));
    // Out of line: the place is no news any more; the confirmation of a message left is.
    else if (this.announcement !== this.form.sent) this.announce('');
    this.host.requestUpdate();
  }

  /** A queue that closes while the visitor waits: say so when it happens. */
  private watchClosing(status: ChatStatus | null): void {
    clearTimeout(this.closeTimer);
    const closesAt = status?.position ? status.queue.closesAt : null;
    if (!closesAt) return;
    // Timers cap near 24.8 days; a queue open longer is re-checked on the next status.
    const delay = Math.min(Date.parse(closesAt) - Date.now(), 2 ** 31 - 1);
    this.closeTimer = setTimeout(
      () => {
        const connection = this.options.connection();
        if (connection && this.waitingId) void this.follow(connection, this.waitingId);
      },
      Math.max(0, delay),
    );
  }

  /**
   * Updates the live region at most every `announceEveryMs`, always with the latest text;
   * `now`: the answer to what the visitor just did, which does not wait.
   */
  private announce(text: string, now = false): void {
    clearTimeout(this.announceTimer);
    const wait = this.lastAnnounced + announceEveryMs - Date.now();
    const apply = () => {
      this.announcement = text;
      this.lastAnnounced = Date.now();
      this.host.requestUpdate();
    };
    if (!text || now || wait <= 0) apply();
    else this.announceTimer = setTimeout(apply, wait);
  }

  private async leaveMessage(fields: OfflineFields): Promise<void> {
    const connection = this.options.connection();
    if (!connection || this.form.busy) return;
    this.form = { busy: true, error: '', sent: '' };
    this.host.requestUpdate();
    try {
      const queueId = this.queue()?.id;
      const result = await connection.command('chat.leaveMessage', {
        ...fields,
        ...(queueId ? { queueId } : {}),
        // The emailed answer speaks the visitor's language and shows their times.
        locale: this.options.l10n.locale,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      const { l10n } = this.options;
      const sent = result.emailStopped
        ? l10n.t('queue.sentNoEmail', { email: fields.email })
        : l10n.t('queue.sent');
      this.form = { busy: false, error: '', sent };
      this.announce(sent, true);
      this.options.onMessageLeft(result);
    } catch (error) {
      const message = (error as HubError).message;
      this.form = {
        busy: false,
        error: this.options.l10n.t('queue.error', { message }),
        sent: '',
      };
    }
    this.host.requestUpdate();
  }
}

export const queueStyles = css`
  .queue-status {
    margin: 0;
    padding: calc(var(--_cx-space) * 0.75) calc(var(--_cx-space) * 1.5);
    border-top: 1px solid var(--_cx-border);
    font-size: 0.875em;
  }
  .queue-status p {
    margin: 0;
  }
`;

/** The visitor's newest conversation if it is a message left outside hours (to show its answer). */
export function newestOffline(conversations: readonly ConversationSummary[]) {
  const newest = [...conversations].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return newest?.offline ? newest : undefined;
}
