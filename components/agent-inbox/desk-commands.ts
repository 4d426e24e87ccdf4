import type { AgentStatus, ConversationSummary } from '../../protocol/index.js';
import type { HubConnection, HubError } from '../core/hub/hub-connection.js';
import type { HubController } from '../core/hub/hub-controller.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import type { ConversationAcceptedDetail } from './cx-agent-inbox.js';
import type { DeskState } from './desk-state.js';

export interface DeskCommandOptions {
  hub: HubController;
  l10n: LocalizeController;
  /** Where the `cx-conversation-*` events are fired. */
  host: HTMLElement;
  desk(): DeskState;
  setDesk(desk: DeskState): void;
  /** Shows a command's error (or clears it with ''). */
  setNotice(notice: string): void;
  /** Opens a conversation beside the lists. */
  select(conversationId: string): void;
  showResults(results: ConversationSummary[]): void;
}

/**
 * The agent desk's commands (presence, accept, transfer, close, search): each runs on the
 * inbox's connection, shows its error as the notice and applies its result to the desk.
 */
export class DeskCommands {
  constructor(private readonly options: DeskCommandOptions) {}

  /** Runs a command, showing its error (translated where the desk knows it) as the notice. */
  private async run<T>(action: (connection: HubConnection) => Promise<T>): Promise<T | undefined> {
    const connection = this.options.hub.connection;
    if (!connection) return undefined;
    this.options.setNotice('');
    try {
      return await action(connection);
    } catch (error) {
      const { code, message } = error as HubError;
      this.options.setNotice(
        code === 'conversation.already_accepted'
          ? this.options.l10n.t('inbox.alreadyAccepted')
          : code === 'agent.at_capacity'
            ? this.options.l10n.t('inbox.atCapacity', {
                limit: this.options.desk().maxChatsPerAgent,
              })
            : message,
      );
      return undefined;
    }
  }

  async setPresence(status: AgentStatus): Promise<void> {
    const result = await this.run((c) => c.command('agent.presence', { status }));
    if (result) this.options.setDesk(this.options.desk().withAgent(result.agent));
  }

  async accept(conversationId: string): Promise<void> {
    const result = await this.run((c) => c.command('chat.accept', { conversationId }));
    if (!result) return;
    this.options.setDesk(this.options.desk().withConversation(result.conversation));
    this.options.select(conversationId);
    this.announce('cx-conversation-accepted', conversationId);
  }

  async transfer(
    conversationId: string,
    toAgentId: string | undefined,
    note: string,
    toQueueId?: string,
  ) {
    const fields = {
      conversationId,
      note,
      ...(toAgentId ? { toAgentId } : {}),
      ...(toQueueId ? { toQueueId } : {}),
    };
    const result = await this.run((c) => c.command('chat.transfer', fields));
    if (!result) return;
    this.options.setDesk(this.options.desk().withConversation(result.conversation));
    this.announce('cx-conversation-transferred', conversationId);
  }

  async close(conversationId: string): Promise<void> {
    const result = await this.run((c) => c.command('chat.close', { conversationId }));
    if (!result) return;
    this.options.setDesk(this.options.desk().withConversation(result.conversation));
    this.announce('cx-conversation-closed', conversationId);
  }

  async search(query: string): Promise<void> {
    const result = await this.run((c) => c.command('conversations.search', { query }));
    if (result) this.options.showResults(result.conversations);
  }

  private announce(
    type: 'cx-conversation-accepted' | 'cx-conversation-transferred' | 'cx-conversation-closed',
    conversationId: string,
  ): void {
    this.options.host.dispatchEvent(
      new CustomEvent<ConversationAcceptedDetail>(type, {
        detail: { conversationId },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
