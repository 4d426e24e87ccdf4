import type { CommandHandler } from '../realtime/command-types.js';
import { chatAccept } from './accept.js';
import { conversationsList, deskSnapshot } from './read.js';
import { chatSend } from './send.js';

export { authorizeChatStream } from './stream-access.js';

export const chatCommands: Record<string, CommandHandler> = {
  'chat.send': chatSend,
  'chat.accept': chatAccept,
  'desk.snapshot': deskSnapshot,
  'conversations.list': conversationsList,
};
