import type { HubConfig } from '../config/index.js';
import type { CommandHandler } from '../realtime/command-types.js';
import { chatAccept } from './accept.js';
import { chatClose } from './close.js';
import { chatNote } from './note.js';
import { agentPresenceCommand } from './presence.js';
import { conversationsList, conversationsSearch, deskSnapshot } from './read.js';
import { chatSend } from './send.js';
import { deskSettings } from './settings.js';
import { chatTransfer } from './transfer.js';

export { authorizeChatStream } from './stream-access.js';
export { PresenceSessions } from './presence.js';
export { startOfferTimeouts } from './offer-timeouts.js';
export { deskSettings } from './settings.js';

export function chatCommands(config: HubConfig): Record<string, CommandHandler> {
  const settingsOf = deskSettings(config);
  return {
    'chat.send': chatSend(settingsOf),
    'chat.accept': chatAccept(settingsOf),
    'chat.transfer': chatTransfer(settingsOf),
    'chat.close': chatClose,
    'chat.note': chatNote,
    'agent.presence': agentPresenceCommand,
    'desk.snapshot': deskSnapshot(settingsOf),
    'conversations.list': conversationsList,
    'conversations.search': conversationsSearch,
  };
}
