import type { HubConfig } from '../config/index.js';
import type { CommandHandler } from '../realtime/command-types.js';
import { chatAccept } from './accept.js';
import { chatClose } from './close.js';
import { chatNote } from './note.js';
import { chatReceipt } from './receipts.js';
import { chatTyping } from './typing.js';
import { agentPresenceCommand } from './presence.js';
import { conversationsList, conversationsSearch, deskSnapshot } from './read.js';
import { chatSend } from './send.js';
import { deskSettings } from './settings.js';
import { chatTransfer } from './transfer.js';
import { chatLeaveMessage, chatStatus } from './queues/index.js';
import { lazyMailer } from '../email/index.js';
import { chatRate, chatTranscript } from './csat/index.js';
import { visitorIdentify } from './customer/identify.js';

export { authorizeChatStream } from './stream-access.js';
export { PresenceSessions } from './presence.js';
export { startOfferTimeouts } from './offer-timeouts.js';
export { deskSettings } from './settings.js';
export { startQueuePositions, hoursWidgetPart } from './queues/index.js';
export { startMissedAnswers } from './missed-answers.js';
export { endOfChatWidgetPart } from './csat/index.js';
export { prechatWidgetPart } from './prechat/config.js';

export function chatCommands(
  config: HubConfig,
  /** The hub's token secret: it also signs attachment links. */
  tokenSecret: string,
): Record<string, CommandHandler> {
  const settingsOf = deskSettings(config);
  return {
    'chat.send': chatSend(settingsOf, tokenSecret),
    'chat.accept': chatAccept(settingsOf),
    'chat.transfer': chatTransfer(settingsOf),
    'chat.status': chatStatus(settingsOf.site),
    'chat.leaveMessage': chatLeaveMessage(settingsOf.site),
    'chat.close': chatClose,
    'chat.note': chatNote,
    'chat.typing': chatTyping,
    'chat.receipt': chatReceipt,
    'agent.presence': agentPresenceCommand,
    'desk.snapshot': deskSnapshot(settingsOf),
    'conversations.list': conversationsList,
    'conversations.search': conversationsSearch,
    'visitor.identify': visitorIdentify(config),
    'chat.rate': chatRate,
    'chat.transcript': chatTranscript(config, lazyMailer(config)),
  };
}
