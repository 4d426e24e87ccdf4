import { randomUUID } from 'node:crypto';
import type { OfflineContact } from '../../../protocol/index.js';
import { customerIdOf } from '../../auth/index.js';
import type { SiteConfig } from '../../config/index.js';
import { HubError } from '../../errors.js';
import type { EffectCommand } from '../../realtime/command-types.js';
import { appendEvent, deskStream } from '../../streams/index.js';
import { conversationSummary } from '../conversation-store.js';
import { appendMessage } from '../message-store.js';
import { checkedText } from '../send.js';
import { chatLeaveMessageSchema } from './schemas.js';
import { siteQueues } from './site-queues.js';

/**
 * `chat.leaveMessage`: outside business hours a visitor leaves a message with their name
 * and email. It becomes an offline conversation: waiting, in the queue's "Offline messages"
 * on the desk, never routed or ranked. An agent accepts it to answer; the visitor sees the
 * answer in the panel when they come back (the conversation stays their open one), and by
 * email unless they read it there first (`missed-answers.ts`).
 */
export function chatLeaveMessage(
  siteOf: (siteKey: string) => SiteConfig | undefined,
): EffectCommand {
  return {
    kind: 'effect',
    schema: chatLeaveMessageSchema,
    async run(tx, principal, command) {
      if (principal.role !== 'visitor')
        throw new HubError('auth.forbidden', 'only visitors leave messages');
      const queueId = siteQueues(siteOf(principal.siteKey)).resolve(
        command.queueId as string | undefined,
      );
      const contact: OfflineContact = {
        ...checkedContact(command.name as string, command.email as string),
        ...(typeof command.locale === 'string' ? { locale: command.locale } : {}),
        ...(typeof command.timeZone === 'string' ? { timeZone: command.timeZone } : {}),
      };
      const text = checkedText(command.text as string);
      const [created] = await tx.query<{ id: string }>(
        `INSERT INTO conversations
           (id, site_key, visitor_id, customer_id, status, queue_id, offline_contact)
         VALUES ($1, $2, $3, $4, 'waiting', $5, $6)
         ON CONFLICT (site_key, visitor_id, (COALESCE(customer_id, ''))) WHERE status <> 'closed'
         DO NOTHING
         RETURNING id`,
        [
          randomUUID(),
          principal.siteKey,
          principal.id,
          customerIdOf(principal),
          queueId,
          JSON.stringify(contact),
        ],
      );
      if (!created) {
        throw new HubError(
          'conversation.already_open',
          'you already have an open conversation: write there',
        );
      }
      const { message, frame: posted } = await appendMessage(
        tx,
        created.id,
        principal,
        command.id,
        text,
      );
      const conversation = await conversationSummary(tx, created.id);
      const queued = await appendEvent(tx, deskStream(principal.siteKey), {
        type: 'conversation.queued',
        conversation,
      });
      // The stop is kept: the panel says where the answer goes instead of promising email.
      const { emailStopped } = conversation;
      return {
        result: { conversationId: created.id, message, seq: posted.seq, emailStopped },
        events: [posted, queued],
      };
    },
  };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Name 1–200 characters and a plausible email (at most 254), both trimmed: agents must be able to answer. */
export function checkedContact(rawName: string, rawEmail: string): OfflineContact {
  const name = rawName.trim();
  const email = rawEmail.trim();
  if ([...name].length < 1 || [...name].length > 200)
    throw new HubError('contact.invalid', 'name must be 1–200 characters');
  if (email.length > 254 || !emailPattern.test(email))
    throw new HubError('contact.invalid', `"${email}" is not an email address`);
  return { name, email };
}
