import { html, nothing } from 'lit';
import type { AgentPresence, QueueRef } from '../../protocol/index.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';

export interface TransferDialogOptions {
  l10n: LocalizeController;
  agents: readonly AgentPresence[];
  maxChatsPerAgent: number;
  /** The site's queues; with more than one, the agent may also move it to another. */
  queues: readonly QueueRef[];
  /** The conversation's queue now. */
  queueId: string | undefined;
  onTransfer(toAgentId: string | undefined, note: string, toQueueId?: string): void;
}

/**
 * The Transfer dialog: back to the queue or to one agent, optionally in another queue,
 * with a note only agents see.
 * A native modal `<dialog>` (opened with `showModal()`), so focus and Escape work as usual.
 */
export function renderTransferDialog({
  l10n,
  agents,
  maxChatsPerAgent,
  queues,
  queueId,
  onTransfer,
}: TransferDialogOptions) {
  const current = queueId ?? queues[0]?.id;
  const t = l10n.t.bind(l10n);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const note = String(data.get('note') ?? '').trim();
    if (!note) return;
    const target = String(data.get('target') ?? 'queue');
    const toQueue = data.get('queue');
    const moved = toQueue && toQueue !== current ? String(toQueue) : undefined;
    onTransfer(target === 'queue' ? undefined : target, note, moved);
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
      ${
        queues.length > 1
          ? html`<label for="transfer-queue">${t('inbox.transferQueue')}</label>
              <select id="transfer-queue" name="queue">
                ${queues.map(
                  (queue) =>
                    html`<option value=${queue.id} ?selected=${queue.id === current}>
                      ${queue.name}
                    </option>`,
                )}
              </select>`
          : nothing
      }
      <label for="transfer-note">${t('inbox.transferNote')}</label>
      <textarea id="transfer-note" name="note" rows="3" maxlength="4000" required></textarea>
      <div class="actions">
        <button type="button" class="quiet" @click=${cancel}>${t('inbox.cancel')}</button>
        <button type="submit">${t('inbox.transfer')}</button>
      </div>
    </form>
  </dialog>`;
}
