import type { MessageExtras } from '../../protocol/index.js';
import type { Principal } from '../auth/index.js';
import { attachUploads } from '../attachments/index.js';
import { HubError } from '../errors.js';
import type { Queryable } from '../storage/index.js';

/** Most quick-reply buttons one agent message offers, and the longest label. */
export const maxQuickReplies = 6;
export const maxQuickReplyLength = 80;

/**
 * What a `chat.send` carries besides its text, checked: quick replies (agents only) and
 * attachments. Null when it carries nothing else, which is the common case and costs no query.
 */
export async function messageExtras(
  tx: Queryable,
  principal: Principal,
  command: Record<string, unknown>,
  /** Signs the attachments' download links. */
  tokenSecret: string,
): Promise<MessageExtras | null> {
  const extras: MessageExtras = {};
  const quickReplies = command.quickReplies as string[] | undefined;
  if (quickReplies?.length) extras.quickReplies = checkedQuickReplies(principal, quickReplies);
  const attachmentIds = command.attachmentIds as string[] | undefined;
  if (attachmentIds?.length) {
    const commandId = command.id as string;
    extras.attachments = await attachUploads(tx, principal, attachmentIds, commandId, tokenSecret);
  }
  return Object.keys(extras).length ? extras : null;
}

function checkedQuickReplies(principal: Principal, replies: string[]): string[] {
  if (principal.role !== 'agent')
    throw new HubError('auth.forbidden', 'only agents offer quick replies');
  const labels = replies.map((reply) => reply.trim());
  if (
    labels.length > maxQuickReplies ||
    labels.some((label) => label.length < 1 || label.length > maxQuickReplyLength)
  ) {
    throw new HubError(
      'protocol.invalid_message',
      `quickReplies: at most ${maxQuickReplies} labels of 1–${maxQuickReplyLength} characters`,
    );
  }
  return labels;
}
