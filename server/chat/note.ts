import type { EffectCommand } from '../realtime/command-types.js';
import { appendEvent, conversationStream } from '../streams/index.js';
import { agentsConversation } from './handled-conversation.js';
import { insertMessage } from './message-store.js';
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
    const note = await insertMessage(tx, id, principal, command.id, text, true);
    const frame = await appendEvent(tx, conversationStream(id), { type: 'note.created', note });
    return { result: { note, seq: frame.seq }, events: [frame] };
  },
};
