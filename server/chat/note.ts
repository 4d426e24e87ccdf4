import type { EffectCommand } from '../realtime/command-types.js';
import { agentsConversation } from './handled-conversation.js';
import { appendMessage } from './message-store.js';
import { chatNoteSchema } from './schemas.js';
import { checkedText } from './send.js';

/** `chat.note`: an internal note any agent of the site may add; visitors never receive it. */
export const chatNote: EffectCommand = {
  kind: 'effect',
  schema: chatNoteSchema,
  async run(tx, principal, command) {
    const text = checkedText(command.text as string);
    const id = command.conversationId as string;
    await agentsConversation(tx, principal, id, { handling: false });
    const { message: note, frame } = await appendMessage(tx, id, principal, command.id, text, true);
    return { result: { note, seq: frame.seq }, events: [frame] };
  },
};
