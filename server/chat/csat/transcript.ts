import type { HubConfig } from '../../config/index.js';
import { isEmailAddress } from '../../email/address.js';
import { renderTranscript, type TranscriptLine } from '../../email/transcript.js';
import type { Mailer } from '../../email/transport.js';
import { HubError } from '../../errors.js';
import type { ReadCommand } from '../../realtime/command-types.js';
import type { Queryable } from '../../storage/index.js';
import { toIso } from '../../streams/index.js';
import { participantConversation } from '../participant.js';
import { chatTranscriptSchema } from './schemas.js';

/** Transcripts one conversation may send per hour. */
export const transcriptsPerHour = 3;

/**
 * `chat.transcript`: emails the visitor the conversation (messages and attachment names,
 * never internal notes) through the hub's SMTP server. The send happens outside any
 * transaction: the hub records it under the command id first, so a retry of the same id
 * answers again without a second email, and forgets it if SMTP refuses.
 */
export function chatTranscript(config: HubConfig, mailer: () => Mailer | null): ReadCommand {
  return {
    kind: 'read',
    schema: chatTranscriptSchema,
    async run(storage, principal, command) {
      if (principal.role !== 'visitor')
        throw new HubError('auth.forbidden', 'transcripts are sent to the visitor');
      const send = mailer();
      if (!send) throw new HubError('email.not_configured', 'this hub sends no email');
      const email = (command.email as string).trim();
      if (!isEmailAddress(email))
        throw new HubError(
          'email.invalid_address',
          `${JSON.stringify(email)} is not an email address`,
        );
      const id = command.conversationId as string;
      const reserved = await storage.transaction(async (tx) => {
        await participantConversation(tx, principal, id, { writing: false });
        return reserve(tx, id, command.id);
      });
      if (reserved.repeat) return { sentAt: reserved.sentAt };
      try {
        const site = config.sites.find((each) => each.key === principal.siteKey);
        const message = renderTranscript({
          to: email,
          siteName: site?.name ?? principal.siteKey,
          lines: await transcriptLines(storage, id),
          locale: command.locale as string | undefined,
          timeZone: command.timeZone as string | undefined,
        });
        await send.send(message);
      } catch (error) {
        await storage.query('DELETE FROM transcript_emails WHERE id = $1', [reserved.rowId]);
        throw new HubError(
          'email.failed',
          `the email could not be sent: ${(error as Error).message}`,
        );
      }
      return { sentAt: reserved.sentAt };
    },
  };
}

/** Records the send under its command id, within the hourly limit; a known id is a repeat. */
async function reserve(
  tx: Queryable,
  conversationId: string,
  commandId: string,
): Promise<{ repeat: boolean; rowId: number; sentAt: string }> {
  // One at a time per conversation, so concurrent requests cannot both pass the limit.
  await tx.query('SELECT id FROM conversations WHERE id = $1 FOR UPDATE', [conversationId]);
  const [known] = await tx.query<{ id: number; sent_at: Date }>(
    'SELECT id, sent_at FROM transcript_emails WHERE conversation_id = $1 AND command_id = $2',
    [conversationId, commandId],
  );
  if (known) return { repeat: true, rowId: Number(known.id), sentAt: toIso(known.sent_at) };
  const [recent] = await tx.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM transcript_emails
     WHERE conversation_id = $1 AND sent_at > now() - interval '1 hour'`,
    [conversationId],
  );
  if (Number(recent!.count) >= transcriptsPerHour)
    throw new HubError(
      'rate.limited',
      `at most ${transcriptsPerHour} transcripts per conversation per hour`,
    );
  const [row] = await tx.query<{ id: number; sent_at: Date }>(
    `INSERT INTO transcript_emails (conversation_id, command_id) VALUES ($1, $2)
     RETURNING id, sent_at`,
    [conversationId, commandId],
  );
  return { repeat: false, rowId: Number(row!.id), sentAt: toIso(row!.sent_at) };
}

/** The conversation's visible messages (never internal notes), up to `throughSeq` if given. */
export async function transcriptLines(
  db: Queryable,
  conversationId: string,
  throughSeq = 2 ** 31 - 1,
): Promise<TranscriptLine[]> {
  const rows = await db.query<{
    author_role: 'visitor' | 'agent';
    author_name: string | null;
    text: string;
    created_at: Date | string;
    extras: { attachments?: Array<{ name: string }> } | string | null;
  }>(
    `SELECT author_role, author_name, text, created_at, extras FROM messages
     WHERE conversation_id = $1 AND NOT internal AND seq <= $2 ORDER BY seq`,
    [conversationId, throughSeq],
  );
  return rows.map((row) => {
    const extras = typeof row.extras === 'string' ? JSON.parse(row.extras) : row.extras;
    return {
      role: row.author_role,
      authorName: row.author_name,
      text: row.text,
      at: new Date(toIso(row.created_at)),
      attachmentNames: (extras?.attachments ?? []).map((file: { name: string }) => file.name),
    };
  });
}
