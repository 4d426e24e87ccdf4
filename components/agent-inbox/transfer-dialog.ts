import { html } from 'lit';
import type { AgentPresence } from '../../protocol/index.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';

export interface TransferDialogOptions {
  l10n: LocalizeController;
  agents: readonly AgentPresence[];
  maxChatsPerAgent: number;
  onTransfer(toAgentId: string | undefined, note: string): void;
}

/**
 * The Transfer dialog: back to the queue or to one agent, with a note only agents see.
 * A native modal `<dialog>` (opened with `showModal()`), so focus and Escape work as usual.
 */
export function renderTransferDialog({
  l10n,
  agents,
  maxChatsPerAgent,
  onTransfer,
}: TransferDialogOptions) {
  const t = l10n.t.bind(l10n);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const note = String(data.get('note') ?? '').trim();
    if (!note) return;
    const target = String(data.get('target') ?? 'queue');
    onTransfer(target === 'queue' ? undefined : target, note);
    form.reset();
    form.closest('dialog')?.close();
  };
  const cancel = (event: Event) => (event.target as HTMLElement).closest('dialog')?.close();
  return html`<dialog class="transfer" part="transfer-dialog" aria-labelledby="transfer-title">
    <form @submit=${submit}>
      <h3 id="transfer-title">${t('inbox.transferTitle')}</h3>
      <fieldset>
        <legend>${t('inbox.transferTo')}</legend>
        <label
          ><input type="radio" name="target" value="queue" checked /> ${t('inbox.toQueue')}</label
        >
        ${agents.map(
          (agent) =>
            html`<label>
              <input type="radio" name="target" value=${agent.id} />
              ${t('inbox.agentLoad', {
                name: agent.name ?? agent.id,
                status: t(agent.status === 'available' ? 'inbox.available' : 'inbox.away'),
                count: String(agent.activeChats),
                limit: String(maxChatsPerAgent),
              })}
            </label>`,
        )}
      </fieldset>
      <label for="transfer-note">${t('inbox.transferNote')}</label>
      <textarea id="transfer-note" name="note" rows="3" maxlength="4000" required></textarea>
      <div class="actions">
        <button type="button" class="quiet" @click=${cancel}>${t('inbox.cancel')}</button>
        <button type="submit">${t('inbox.transfer')}</button>
      </div>
    </form>
  </dialog>`;
}
