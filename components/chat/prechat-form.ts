import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import type {
  ConversationStart,
  PrechatField,
  PrechatFieldName,
  PrechatSettings,
  VerifiedCustomer,
} from '../../protocol/index.js';
import { ownText, textFor } from '../../protocol/localized-text.js';
import type { ConfigController } from '../core/config/config-controller.js';
import type { HubConnection } from '../core/hub/hub-connection.js';
import { hubSendsEmail, widgetSettings } from '../core/hub/widget-settings.js';
import type { MessageKey } from '../core/i18n/en.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';

export interface PrechatStepOptions {
  config: ConfigController;
  l10n: LocalizeController;
}

type Host = ReactiveControllerHost & HTMLElement;

/** Longest name the hub keeps (an email's limit is the address's own). */
const maxNameLength = 200;
const maxEmailLength = 254;

/**
 * The pre-chat form of the site (`prechat` widget settings part): its fields stand above the
 * message box until the first message, unless the visitor is a customer the storefront
 * verified (`identity-token` on `<cx-config>`), whose name and email the hub already has.
 * Sending the first message checks them (the browser's constraints, in this widget's words);
 * the answers travel with it (`chat.send`'s `start.prechat`, the topic's queue as
 * `start.queueId`). With every field optional the visitor may simply write.
 */
export class PrechatStep {
  /** The site's form, or null when it has none (or it is not loaded yet). */
  private settings: PrechatSettings | null = null;
  /** The hub sends email: an answer the visitor misses goes to the email they give. */
  private answersByEmail = false;
  /** Who the identity token says the visitor is, once the hub confirmed it. */
  customer: VerifiedCustomer | null = null;
  /** What the visitor answered with their first message (kept for a new chat after the end). */
  private answers: Partial<Record<PrechatFieldName, string>> | null = null;
  private errors: Partial<Record<PrechatFieldName, string>> = {};
  private refusal = '';

  constructor(
    private readonly host: Host,
    private readonly options: PrechatStepOptions,
  ) {}

  /** Loads the site's form and, for a signed-in customer, has the hub verify them. */
  async load(connection: HubConnection): Promise<void> {
    const settings = this.options.config.settings;
    if (!settings) return;
    const widget = await widgetSettings(settings).catch(() => null);
    // An expired or foreign token only means the visitor fills in the form.
    const customer = settings.identityToken
      ? await connection
          .command('visitor.identify', { identityToken: settings.identityToken })
          .catch(() => null)
      : null;
    // Both at once, so a verified customer never sees the form flash.
    this.customer = customer;
    this.settings = (widget?.prechat as PrechatSettings | undefined) ?? null;
    this.answersByEmail = hubSendsEmail(widget);
    this.host.requestUpdate();
  }

  /** The visitor's email as far as known: the verified customer's, else the form's answer. */
  get email(): string {
    return this.customer?.email ?? this.answers?.email ?? '';
  }

  /** True while the form stands above the message box, before the first message. */
  shown(hasConversation: boolean): boolean {
    return !!this.settings?.fields.length && !hasConversation && !this.customer;
  }

  /**
   * Checks the form as the first message goes out: true (answers kept for `start`) when it
   * is fine or not shown; else shows the errors, focuses the first and returns false.
   */
  accept(): boolean {
    const form = this.host.querySelector<HTMLFormElement>('[part="prechat-form"]');
    if (!form) return true;
    const controls = [
      ...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'),
    ];
    const errors: Partial<Record<PrechatFieldName, string>> = {};
    for (const control of controls) {
      control.setCustomValidity('');
      const message = this.messageFor(control);
      // Localized in place of the browser's own, should anything ask the browser to show it.
      control.setCustomValidity(message);
      if (message) errors[control.name as PrechatFieldName] = message;
    }
    this.errors = errors;
    this.refusal = '';
    this.host.requestUpdate();
    const firstInvalid = controls.find((control) => errors[control.name as PrechatFieldName]);
    if (firstInvalid) {
      void this.host.updateComplete.then(() => firstInvalid.focus());
      return false;
    }
    const answers: Partial<Record<PrechatFieldName, string>> = {};
    for (const control of controls) {
      const value = control.value.trim();
      if (value) answers[control.name as PrechatFieldName] = value;
    }
    this.answers = answers;
    return true;
  }

  /**
   * `chat.send`'s `start` for the first message: the answers, the queue (topic before page),
   * and the visitor's language and zone (for emails with answers they miss).
   */
  start(pageQueueId: string | undefined, locale: string): { start: ConversationStart } {
    const topic = this.settings?.fields
      .find((field) => field.name === 'topic')
      ?.options?.find((option) => option.label === this.answers?.topic);
    const queueId = topic?.queueId ?? pageQueueId;
    const prechat = this.answers && Object.keys(this.answers).length ? this.answers : undefined;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return {
      start: {
        ...(queueId ? { queueId } : {}),
        ...(prechat ? { prechat } : {}),
        locale,
        ...(timeZone ? { timeZone } : {}),
      },
    };
  }

  /** The first message waits for the form: put its text back in the message box. */
  keepDraft(text: string): void {
    const box = this.host.querySelector<HTMLTextAreaElement>('#cx-message');
    if (box && !box.value) box.value = text;
  }

  /** The hub refused the answers (`prechat.invalid`): show the form again with its reason. */
  rejected(message: string): void {
    this.answers = null;
    this.refusal = message;
    this.host.requestUpdate();
  }

  render() {
    const fields = this.settings?.fields ?? [];
    const t = this.options.l10n.t.bind(this.options.l10n);
    // No button of its own: the message box's Send sends the answers with the first message.
    return html`<form
      class="prechat"
      part="prechat-form"
      aria-labelledby="cx-prechat-title"
      aria-describedby="cx-prechat-intro"
      novalidate
      @submit=${(event: SubmitEvent) => event.preventDefault()}
      @input=${this.onInput}
    >
      <h3 id="cx-prechat-title">${t('prechat.title')}</h3>
      <p id="cx-prechat-intro">
        ${textFor(this.settings?.greeting, this.options.l10n.locale) || t('prechat.intro')}
      </p>
      ${fields.map((field) => this.renderField(field))}
      ${this.refusal ? html`<p class="field-error" role="alert">${this.refusal}</p>` : nothing}
    </form>`;
  }

  private renderField(field: PrechatField) {
    const t = this.options.l10n.t.bind(this.options.l10n);
    const id = `cx-prechat-${field.name}`;
    const error = this.errors[field.name];
    const label = html`<label for=${id}>
      ${t(`prechat.${field.name}` as MessageKey)}
      ${field.required ? nothing : html`<span class="optional">${t('prechat.optional')}</span>`}
    </label>`;
    // Said where the address is given: it is why an email may come later.
    const hinted = field.name === 'email' && this.answersByEmail;
    const hint = hinted
      ? html`<p class="hint" id=${`${id}-hint`}>${t('prechat.emailAnswersHint')}</p>`
      : nothing;
    const described = [error && `${id}-error`, hinted && `${id}-hint`].filter(Boolean).join(' ');
    const errorLine = error
      ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>`
      : nothing;
    if (field.name === 'topic') {
      return html`${label}
        <select
          id=${id}
          name="topic"
          ?required=${field.required}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${described || nothing}
        >
          <option value="">${t('prechat.chooseTopic')}</option>
          ${(field.options ?? []).map(
            (option) =>
              html`<option value=${option.label} ?selected=${this.answers?.topic === option.label}>
                ${ownText(option.labels, this.options.l10n.locale) ?? option.label}
              </option>`,
          )}
        </select>
        ${errorLine}`;
    }
    const email = field.name === 'email';
    return html`${label}
      <input
        id=${id}
        name=${field.name}
        type=${email ? 'email' : 'text'}
        autocomplete=${email ? 'email' : 'name'}
        maxlength=${email ? maxEmailLength : maxNameLength}
        ?required=${field.required}
        .value=${this.answers?.[field.name] ?? ''}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
      />
      ${hint} ${errorLine}`;
  }

  /** The browser's own checks (required, type=email), with this widget's words for them. */
  private messageFor(control: HTMLInputElement | HTMLSelectElement): string {
    const t = this.options.l10n.t.bind(this.options.l10n);
    const { validity } = control;
    if (validity.valueMissing || (control.required && !control.value.trim()))
      return t(`prechat.${control.name}Missing` as MessageKey);
    if (validity.typeMismatch) return t('prechat.emailInvalid');
    if (validity.tooLong) return t('prechat.tooLong');
    return '';
  }

  // Arrow functions: Lit calls listeners with the host element as `this`.
  private readonly onInput = (event: Event): void => {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    control.setCustomValidity('');
    if (!this.errors[control.name as PrechatFieldName]) return;
    // Re-checked as the visitor corrects it; a new error waits for the next submit.
    const message = this.messageFor(control);
    this.errors = { ...this.errors, [control.name]: message || undefined };
    this.host.requestUpdate();
  };
}

export const prechatStyles = css`
  .prechat {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_cx-space) * 0.5);
    padding: var(--_cx-space) calc(var(--_cx-space) * 1.5);
    max-height: 50%;
    overflow-y: auto;
    border-top: 1px solid var(--_cx-border);
  }
  .prechat h3 {
    font-size: 1em;
    margin: 0;
  }
  .prechat p {
    margin: 0;
  }
  .prechat .optional,
  .prechat .hint {
    color: var(--_cx-text-muted);
    font-size: 0.875em;
  }
  .prechat select {
    font: inherit;
  }
  .field-error {
    color: var(--_cx-danger);
    font-size: 0.875em;
  }
`;
