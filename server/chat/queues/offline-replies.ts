import type { HubConfig } from '../../config/index.js';
import { renderTranscript } from '../../email/transcript.js';
import type { Mailer } from '../../email/transport.js';
import type { Queryable } from '../../storage/index.js';
import { transcriptLines } from '../csat/transcript.js';
import { queueFields, type QueueColumns } from './summary-fields.js';

/**
 * Answers to messages left outside hours go to the visitor by email too: they left, giving
 * their email, and the panel said the answer would come that way as well. An agent's
 * answers the visitor has not read in the panel within `graceMs` (they may be back on the
 * site) are sent together, once: the conversation's `offline_emailed_seq` is claimed before
 * the send (two hub nodes never both send) and given back if SMTP refuses (the next round
 * tries again).
 */
export interface OfflineRepliesOptions {
  db: Queryable;
  config: HubConfig;
  mailer: () => Mailer | null;
  /** How long an answer waits for the visitor to read it in the panel (default 1 min). */
  graceMs?: number;
}

/** Offline conversations older than this get no more emails. */
const recentDays = 30;
const perRound = 20;

/** Sends what is due now; resolves to the number of emails sent. */
export async function emailOfflineReplies(
  { db, config, mailer, graceMs = 60_000 }: OfflineRepliesOptions,
  now = Date.now(),
): Promise<number> {
  const send = mailer();
  if (!send) return 0;
  const due = await db.query<
    QueueColumns & { id: string; site_key: string; emailed: number; last: number }
  >(
    // The visitor's read receipt says what they saw in the panel; what is newer waits
    // `graceMs` after the latest answer, so a few lines in a row go in one email.
    `SELECT c.id, c.site_key, c.queue_id, c.offline_contact, c.offline_emailed_seq AS emailed,
       max(m.seq) AS last
     FROM conversations c
     JOIN messages m ON m.conversation_id = c.id AND m.seq > c.offline_emailed_seq
       AND m.author_role = 'agent' AND NOT m.internal
     LEFT JOIN conversation_receipts r ON r.conversation_id = c.id
       AND r.reader_role = 'visitor' AND r.reader_id = c.visitor_id
     WHERE c.offline_contact IS NOT NULL AND c.created_at > $1
       AND m.seq > COALESCE(r.read_seq, 0)
     GROUP BY c.id, c.site_key, c.queue_id, c.offline_contact, c.offline_emailed_seq
     HAVING max(m.created_at) < $2
     LIMIT ${perRound}`,
    [new Date(now - recentDays * 86_400_000), new Date(now - graceMs)],
  );
  let sent = 0;
  for (const row of due) {
    const last = Number(row.last);
    const claimed = await db.query(
      `UPDATE conversations SET offline_emailed_seq = $3
       WHERE id = $1 AND offline_emailed_seq = $2 RETURNING id`,
      [row.id, row.emailed, last],
    );
    if (!claimed.length) continue; // Another node sends it.
    const contact = queueFields(row).offline!;
    const site = config.sites.find((each) => each.key === row.site_key);
    try {
      await send.send(
        renderTranscript({
          kind: 'reply',
          to: contact.email,
          name: contact.name,
          siteName: site?.name ?? row.site_key,
          lines: await transcriptLines(db, row.id, last),
          ...(contact.locale ? { locale: contact.locale } : {}),
          ...(contact.timeZone ? { timeZone: contact.timeZone } : {}),
        }),
      );
      sent++;
    } catch (error) {
      await db.query(
        'UPDATE conversations SET offline_emailed_seq = $2 WHERE id = $1 AND offline_emailed_seq = $3',
        [row.id, row.emailed, last],
      );
      throw error;
    }
  }
  return sent;
}

/** The longest pause between rounds while they fail. */
const maxPauseMs = 10 * 60_000;

/**
 * The pause before the next round: `intervalMs`, doubled for each round in a row that failed
 * (SMTP refusing or away), at most 10 minutes. Fewer tries at a server that refuses, and
 * fewer lines in the log; the first round that sends brings the interval back.
 */
function nextRoundDelay(intervalMs: number, failuresInARow: number): number {
  return Math.min(intervalMs * 2 ** failuresInARow, Math.max(intervalMs, maxPauseMs));
}

/** Sends every `intervalMs` (default 30 s) until stopped; keeps no process alive. */
export function startOfflineReplies(
  options: OfflineRepliesOptions & { intervalMs?: number; onError(error: unknown): void },
): { stop(): void } {
  const intervalMs = options.intervalMs ?? 30_000;
  let failures = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void round(), nextRoundDelay(intervalMs, failures));
    timer.unref();
  };
  const round = async () => {
    try {
      await emailOfflineReplies(options);
      failures = 0;
    } catch (error) {
      failures++;
      options.onError(error);
    }
    schedule();
  };
  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
