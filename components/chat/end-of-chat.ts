import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import type { ConfigController } from '../core/config/config-controller.js';
import type { HubConnection, HubError } from '../core/hub/hub-connection.js';
import { hubSendsEmail, widgetSettings } from '../core/hub/widget-settings.js';
import type { MessageKey } from '../core/i18n/en.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';

export interface EndOfChatOptions {
  config: ConfigController;
  l10n: LocalizeController;
  connection(): HubConnection | null;
  /** The email to offer for the transcript (a verified customer's, or the pre-chat answer). */
  knownEmail(): string;
  /** The visitor chose "Start a new chat": clear the ended conversation away. */
  onNewChat(): void;
}

type Host = ReactiveControllerHost & HTMLElement;
type Busy = '' | 'ending' | 'rating' | 'transcript';

const scores = [1, 2, 3, 4, 5] as const;

/**
 * The end of a chat in the panel: "End chat" with a confirm step, then (also when the agent
 * closed it) the end view: a 1–5 rating as a native radio group with an optional comment
 * (`chat.rate`), "Email me the transcript" when the hub can send mail (`chat.transcript`),
 * and "Start a new chat".
 */
export class EndOfChat {
  /** The conversation that ended and is being rated, or null while chatting. */
  private ended: string | null = null;
  private confirming = false;
  private busy: Busy = '';
  private rated = false;
  private transcriptTo = '';
  private error = '';
  private transcript = false;

  constructor(
    private readonly host: Host,
    private readonly options: EndOfChatOptions,
  ) {}

  /** Whether the end view stands in place of the composer. */
  get active(): boolean {
    return this.ended !== null;
  }

  /** Whether the hub can email transcripts (the `endOfChat` widget settings part). */
  async load(): Promise<void> {
    const settings = this.options.config.settings;
    if (!settings) return;
    const widget = await widgetSettings(settings).catch(() => null);
    this.transcript = hubSendsEmail(widget);
    this.host.requestUpdate();
  }

  /** The conversation was closed (by the visitor or the agent): show the end view. */
  conversationEnded(conversationId: string): void {
    if (this.ended === conversationId) return;
    Object.assign(this, { ended: conversationId, confirming: false, busy: '', error: '' });
    Object.assign(this, { rated: false, transcriptTo: '' });
    this.host.requestUpdate();
  }

  /** "End chat" in the header while a conversation is open; its confirm step below the header. */
  renderEndButton(conversationId: string | undefined) {
    if (!conversationId || this.ended) return nothing;
    const t = this.options.l10n.t.bind(this.options.l10n);
    return html`<button
      class="quiet"
      part="end-chat"
      aria-expanded=${this.confirming ? 'true' : 'false'}
      aria-controls="cx-end-confirm"
      @click=${() => this.toggleConfirm()}
    >
      ${t('end.endChat')}
    </button>`;
  }

  renderConfirm(conversationId: string | undefined) {
    if (!conversationId || !this.confirming || this.ended) return nothing;
    const t = this.options.l10n.t.bind(this.options.l10n);
    return html`<div
      class="end-confirm"
      id="cx-end-confirm"
      part="end-confirm"
      role="group"
      aria-labelledby="cx-end-confirm-text"
    >
      <p id="cx-end-confirm-text">${t('end.confirm')}</p>
      <button ?disabled=${this.busy === 'ending'} @click=${() => this.endChat(conversationId)}>
        ${t('end.confirmYes')}
      </button>
      <button class="quiet" @click=${() => this.toggleConfirm()}>${t('end.confirmNo')}</button>
    </div>`;
  }

  /** The end view, in place of the composer. */
  render() {
    const t = this.options.l10n.t.bind(this.options.l10n);
    return html`<section class="end" part="end-of-chat" aria-labelledby="cx-end-title">
      <h3 id="cx-end-title" tabindex="-1">${t('end.title')}</h3>
      <form class="rating" part="rating" novalidate @submit=${this.onRate}>
        <fieldset>
          <legend>${t('end.ratingLegend')}</legend>
          ${scores.map(
            (score) =>
              html`<label class="score">
                <input type="radio" name="score" value=${score} required />
                ${t(`end.score${score}` as MessageKey)}
              </label>`,
          )}
        </fieldset>
        <label for="cx-rating-comment">${t('end.comment')}</label>
        <textarea id="cx-rating-comment" name="comment" maxlength="1000" rows="2"></textarea>
        <button type="submit" ?disabled=${this.busy === 'rating'}>${t('end.sendRating')}</button>
      </form>
      ${this.transcript ? this.renderTranscriptForm() : nothing}
      <!-- Always present: a live region announces changes, not its own appearance. -->
      <p class="end-status" role="status">${this.statusText()}</p>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      <button class="quiet new-chat" part="new-chat" @click=${() => this.newChat()}>
        ${t('end.newChat')}
      </button>
    </section>`;
  }

  private renderTranscriptForm() {
    const t = this.options.l10n.t.bind(this.options.l10n);
    return html`<form class="transcript" part="transcript" novalidate @submit=${this.onTranscript}>
      <label for="cx-transcript-email">${t('end.transcriptLabel')}</label>
      <input
        id="cx-transcript-email"
        name="email"
        type="email"
        autocomplete="email"
        maxlength="254"
        required
        .value=${this.options.knownEmail()}
      />
      <button type="submit" ?disabled=${this.busy === 'transcript'}>
        ${t('end.sendTranscript')}
      </button>
    </form>`;
  }

  private statusText(): string {
    const t = this.options.l10n.t.bind(this.options.l10n);
    const lines = [];
    if (this.rated) lines.push(t('end.rated'));
    if (this.transcriptTo) lines.push(t('end.transcriptSent', { email: this.transcriptTo }));
    return lines.join(' ');
  }

  private toggleConfirm(): void {
    this.confirming = !this.confirming;
    this.host.requestUpdate();
  }

  private async endChat(conversationId: string): Promise<void> {
    const connection = this.options.connection();
    if (!connection) return;
    this.busy = 'ending';
    this.host.requestUpdate();
    try {
      await connection.command('chat.close', { conversationId });
      this.conversationEnded(conversationId);
      await this.host.updateComplete;
      this.host.querySelector<HTMLElement>('#cx-end-title')?.focus();
    } catch (error) {
      this.fail(error);
    }
  }

  // Arrow functions: Lit calls listeners with the host element as `this`.
  private readonly onRate = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const score = Number(data.get('score'));
    if (!score) return this.fail({ message: this.options.l10n.t('end.chooseScore') });
    const comment = String(data.get('comment') ?? '').trim();
    await this.run('rating', 'chat.rate', {
      score,
      ...(comment ? { comment } : {}),
    });
  };

  private readonly onTranscript = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('email') as HTMLInputElement;
    const email = input.value.trim();
    if (!email || input.validity.typeMismatch) {
      input.focus();
      return this.fail({ message: this.options.l10n.t('prechat.emailInvalid') });
    }
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const locale = this.options.l10n.locale;
    if (await this.run('transcript', 'chat.transcript', { email, locale, timeZone })) {
      this.transcriptTo = email;
      this.host.requestUpdate();
    }
  };

  private async run(
    busy: Busy,
    type: 'chat.rate' | 'chat.transcript',
    fields: Record<string, unknown>,
  ): Promise<boolean> {
    const connection = this.options.connection();
    if (!connection || !this.ended) return false;
    Object.assign(this, { busy, error: '' });
    this.host.requestUpdate();
    try {
      const command = { conversationId: this.ended, ...fields };
      if (type === 'chat.rate')
        await connection.command('chat.rate', command as { conversationId: string; score: number });
      else
        await connection.command(
          'chat.transcript',
          command as { conversationId: string; email: string },
        );
      if (type === 'chat.rate') this.rated = true;
      this.busy = '';
      this.host.requestUpdate();
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  private fail(error: unknown): void {
    const { message } = error as Pick<HubError, 'message'>;
    Object.assign(this, { busy: '', error: this.options.l10n.t('error.generic', { message }) });
    this.host.requestUpdate();
  }

  private newChat(): void {
    this.ended = null;
    this.options.onNewChat();
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.querySelector<HTMLElement>('#cx-message, [part="prechat-form"] input')?.focus(),
    );
  }
}

export const endOfChatStyles = css`
  .end,
  .end-confirm {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_cx-space) * 0.5);
    padding: var(--_cx-space) calc(var(--_cx-space) * 1.5);
    border-top: 1px solid var(--_cx-border);
  }
  /* The conversation stays in view above the form, which scrolls when it is taller. */
  .end {
    overflow-y: auto;
    max-height: 60%;
    flex-shrink: 0;
  }
  .end h3 {
    font-size: 1em;
    margin: 0;
  }
  .end-confirm p,
  .end-status {
    margin: 0;
  }
  .end fieldset {
    border: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
  }
  .end legend {
    padding: 0;
    margin-bottom: calc(var(--_cx-space) * 0.25);
  }
  .end .score {
    display: flex;
    align-items: center;
    gap: calc(var(--_cx-space) * 0.5);
  }
  .end form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_cx-space) * 0.5);
  }
  .end button,
  .end-confirm button {
    align-self: flex-start;
  }
`;
