import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { AttachmentRef, AttachmentSettings } from '../../../protocol/index.js';
import type { ConfigController } from '../config/config-controller.js';
import type { CxSettings } from '../config/settings.js';
import {
  attachmentLimits,
  fileProblem,
  guessedType,
  maxFilesPerMessage,
  uploadAttachment,
} from '../hub/attachments.js';
import type { HubController } from '../hub/hub-controller.js';
import type { HubError } from '../hub/hub-connection.js';
import { widgetSettings } from '../hub/widget-settings.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import { formatFileSize } from './attachments-view.js';

/** A file the user chose for the next message, uploading as soon as it is chosen. */
export interface PickedFile {
  key: number;
  file: File;
  state: 'uploading' | 'ready' | 'failed';
  /** 0 to 1 while uploading. */
  progress: number;
  error?: string;
  /** The hub's id once uploaded, or why not. */
  done: Promise<{ id: string } | { error: string }>;
  abort: AbortController;
}

export interface AttachmentPickerOptions {
  config: ConfigController;
  hub: HubController;
  l10n: LocalizeController;
}

/**
 * The "Attach file" button, the list of chosen files with their upload state, and paste or
 * drop of files into the composer. Checks each file's type and size against the site's
 * widget settings before uploading (the hub checks again on the bytes) and uploads at once,
 * so that Send usually finds the files ready. Shared by cx-chat's panel and cx-agent-inbox.
 */
export class AttachmentPicker implements ReactiveController {
  files: readonly PickedFile[] = [];
  /** Why the last choice was refused; said by an alert until the next choice. */
  problem = '';
  /** The site's limits; null until the widget settings have loaded. */
  limits: AttachmentSettings | null = null;
  private limitsFor: CxSettings | undefined;
  private nextKey = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: AttachmentPickerOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const settings = this.options.config.settings;
    if (settings && settings !== this.limitsFor) {
      this.limitsFor = settings;
      widgetSettings(settings).then(
        (widget) =>
          settings === this.limitsFor && this.change({ limits: attachmentLimits(widget) }),
        () => {}, // without settings there is no button; the chat still works
      );
    }
  }

  hostDisconnected(): void {
    this.clear();
  }

  get enabled(): boolean {
    return !!this.limits?.enabled;
  }

  get hasFiles(): boolean {
    return this.files.length > 0;
  }

  /** A file failed to upload: the user must remove it (or choose it again) before sending. */
  get blocked(): boolean {
    return this.files.some((each) => each.state === 'failed');
  }

  /** Checks and starts uploading each file; refused ones are named in `problem`. */
  add(chosen: Iterable<File>): void {
    const limits = this.limits;
    if (!limits?.enabled) return;
    const t = this.options.l10n.t.bind(this.options.l10n);
    let problem = '';
    const added: PickedFile[] = [];
    for (const file of chosen) {
      const refused = fileProblem(file, limits);
      if (this.files.length + added.length >= maxFilesPerMessage) {
        problem = t('attachments.tooMany', { max: maxFilesPerMessage });
      } else if (refused === 'wrongType') {
        problem = t('attachments.wrongType', { name: file.name, types: this.typeNames(limits) });
      } else if (refused === 'tooLarge') {
        const limit = formatFileSize(this.options.l10n.locale, limits.maxBytes);
        problem = t('attachments.tooLarge', { name: file.name, limit });
      } else added.push(this.upload(file));
    }
    this.change({ files: [...this.files, ...added], problem });
  }

  remove(key: number): void {
    this.files.find((each) => each.key === key)?.abort.abort();
    this.change({ files: this.files.filter((each) => each.key !== key), problem: '' });
  }

  /**
   * Hands the chosen files to a message and empties the list: `pending` to show at once,
   * `ids` resolving once every upload is done (rejecting with the first failure).
   */
  take(): { pending: AttachmentRef[]; ids: Promise<string[]> } {
    const taken = this.files;
    this.change({ files: [], problem: '' });
    const pending = taken.map(({ file }) => ({
      id: '',
      name: file.name,
      type: guessedType(file),
      size: file.size,
      url: '',
    }));
    const ids = Promise.all(
      taken.map(async (each) => {
        const outcome = await each.done;
        if ('error' in outcome) throw { code: 'attachment.failed', message: outcome.error };
        return outcome.id;
      }),
    );
    return { pending, ids };
  }

  clear(): void {
    for (const each of this.files) each.abort.abort();
    this.files = [];
    this.problem = '';
  }

  private upload(file: File): PickedFile {
    const abort = new AbortController();
    const key = ++this.nextKey;
    const update = (change: Partial<PickedFile>) =>
      this.change({
        files: this.files.map((each) => (each.key === key ? { ...each, ...change } : each)),
      });
    const done = (async (): Promise<{ id: string } | { error: string }> => {
      const { config, hub } = this.options;
      try {
        const token = (await hub.token()) ?? '';
        const uploaded = await uploadAttachment({
          settings: config.settings!,
          token,
          principalId: hub.connection?.principal?.principalId ?? '',
          file,
          onProgress: (progress) => update({ progress }),
          signal: abort.signal,
        });
        update({ state: 'ready', progress: 1 });
        return { id: uploaded.id };
      } catch (error) {
        const message = (error as HubError).message;
        update({ state: 'failed', error: message });
        return { error: message };
      }
    })();
    return { key, file, state: 'uploading', progress: 0, done, abort };
  }

  private change(change: Partial<Pick<AttachmentPicker, 'files' | 'problem' | 'limits'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  /** "PNG, JPEG or PDF" in the widget's locale. */
  private typeNames(limits: AttachmentSettings): string {
    const names = limits.types.map((type) =>
      type === 'application/pdf' ? 'PDF' : (type.split('/')[1] ?? type).toUpperCase(),
    );
    try {
      const list = new Intl.ListFormat(this.options.l10n.locale, { type: 'disjunction' });
      return list.format(names);
    } catch {
      return names.join(', ');
    }
  }

  // Arrow functions: Lit calls listeners with the host element as `this`.
  readonly onChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.add([...(input.files ?? [])]);
    input.value = ''; // so choosing the same file again is a change too
  };

  readonly onPaste = (event: ClipboardEvent): void => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (!files.length || !this.enabled) return;
    event.preventDefault();
    this.add(files);
  };

  readonly onDragOver = (event: DragEvent): void => {
    if (this.enabled && event.dataTransfer?.types.includes('Files')) event.preventDefault();
  };

  readonly onDrop = (event: DragEvent): void => {
    const files = [...(event.dataTransfer?.files ?? [])];
    if (!files.length || !this.enabled) return;
    event.preventDefault();
    this.add(files);
  };

  /** The labelled file input; hidden from sight but not from the keyboard. */
  renderButton() {
    if (!this.enabled) return nothing;
    const t = this.options.l10n.t.bind(this.options.l10n);
    return html`<label class="attach" part="attach-button">
      <input
        class="visually-hidden"
        type="file"
        multiple
        accept=${this.limits!.types.join(',')}
        @change=${this.onChange}
      />${t('attachments.attach')}
    </label>`;
  }

  /** The chosen files with their state and a remove button, and why a choice was refused. */
  renderChosen() {
    const { l10n } = this.options;
    const t = l10n.t.bind(l10n);
    const problem = this.problem
      ? html`<p class="attach-problem" part="attach-problem" role="alert">${this.problem}</p>`
      : nothing;
    if (!this.files.length) return problem;
    return html`${problem}
      <ul class="chosen" part="attachments-chosen" aria-label=${t('attachments.chosen')}>
        ${this.files.map((each) => {
          const percent = Math.round(each.progress * 100);
          const state =
            each.state === 'uploading'
              ? html`<progress
                  max="100"
                  value=${percent}
                  aria-label=${t('attachments.uploading', { percent })}
                ></progress>`
              : each.state === 'failed'
                ? html`<span class="upload-state failed"
                    >${t('attachments.failed', { message: each.error ?? '' })}</span
                  >`
                : html`<span class="upload-state ready">${t('attachments.ready')}</span>`;
          return html`<li class=${each.state}>
            <span class="file-name">${each.file.name}</span>
            <span class="file-size">${formatFileSize(l10n.locale, each.file.size)}</span>
            ${state}
            <button
              type="button"
              class="quiet remove"
              aria-label=${t('attachments.remove', { name: each.file.name })}
              @click=${() => this.remove(each.key)}
            >
              ×
            </button>
          </li>`;
        })}
      </ul>`;
  }
}
