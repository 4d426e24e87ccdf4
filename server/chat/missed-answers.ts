import type { HubConfig } from '../config/index.js';
import { renderTranscript } from '../email/transcript.js';
import { emailStopped, unsubscribeUrl, type Unsubscriber } from '../email/unsubscribe/index.js';
import type { Mailer } from '../email/transport.js';
import type { Queryable } from '../storage/index.js';
import { transcriptLines } from './csat/transcript.js';
import { queueFields, type QueueColumns } from './queues/summary-fields.js';

/**
 * Answers a visitor misses in the panel go to them by email, when they gave one: with a
 * message left outside hours (the form said the answer would come that way too), in the
 * pre-chat form (whose email field says so), or as a verified customer. An agent's answers
 * the visitor has not read in the panel within the grace (they may be back on the site) are
 * sent together, once: the conversation's `emailed_seq` is claimed before the send (two hub
 * nodes never both send) and given back if SMTP refuses (a later round tries again).
 * With `email.hubUrl`, each email carries a link that stops the next ones to its address;
 * an address stopped gets none.
 */
export interface MissedAnswersOptions {
  db: Queryable;
  config: HubConfig;
  mailer: () => Mailer | null;
  /** Signs the links that stop the emails. */
  tokenSecret: string;
  /** How long an answer to a message left outside hours waits to be read (default 1 min). */
  offlineGraceMs?: number;
  /**
   * How long an answer in a live chat waits (default 5 min): the visitor may still be on the
   * site, the panel closed, its badge counting.
   */
  liveGraceMs?: number;
}

/** Conversations older than this get no more emails. */
const recentDays = 30;
const perRound = 20;

type DueRow = QueueColumns & {
  id: string;
  site_key: string;
  emailed: number;
  last: number;
  prechat_name: string | null;
  prechat_email: string | null;
  locale: string | null;
  time_zone: string | null;
};

/** Sends what is due now; resolves to the number of emails sent. */
export async function emailMissedAnswers(
  {
    db,
    config,
    mailer,
    tokenSecret,
    offlineGraceMs = 60_000,
    liveGraceMs = 300_000,
  }: MissedAnswersOptions,
  now = Date.now(),
): Promise<number> {
  const send = mailer();
  if (!send) return 0;
  const due = await db.query<DueRow>(
    // The visitor's read receipt says what they saw in the panel; what is newer waits out
    // the grace after the latest answer, so a few lines in a row go in one email. Each kind
    // of conversation with an email has its own partial index on created_at.
    `SELECT c.id, c.site_key, c.queue_id, c.offline_contact, c.emailed_seq AS emailed,
       c.prechat->>'name' AS prechat_name, c.prechat->>'email' AS prechat_email,
       c.locale, c.time_zone, max(m.seq) AS last
     FROM conversations c
     JOIN messages m ON m.conversation_id = c.id AND m.seq > c.emailed_seq
       AND m.author_role = 'agent' AND NOT m.internal
     LEFT JOIN conversation_receipts r ON r.conversation_id = c.id
       AND r.reader_role = 'visitor' AND r.reader_id = c.visitor_id
     WHERE c.created_at > $1 AND (c.offline_contact IS NOT NULL OR c.prechat ? 'email')
       AND m.seq > COALESCE(r.read_seq, 0)
       AND NOT ${emailStopped('c')}
     GROUP BY c.id, c.site_key, c.queue_id, c.offline_contact, c.emailed_seq, c.prechat,
       c.locale, c.time_zone
     HAVING max(m.created_at)
       < CASE WHEN c.offline_contact IS NOT NULL THEN $2::timestamptz ELSE $3::timestamptz END
     LIMIT ${perRound}`,
    [
      new Date(now - recentDays * 86_400_000),
      new Date(now - offlineGraceMs),
      new Date(now - liveGraceMs),
    ],
  );
  let sent = 0;
  for (const row of due) {
    const last = Number(row.last);
    const claimed = await db.query(
      `UPDATE conversations SET emailed_seq = $3
       WHERE id = $1 AND emailed_seq = $2 RETURNING id`,
      [row.id, row.emailed, last],
    );
    if (!claimed.length) continue; // Another node sends it.
    const site = config.sites.find((each) => each.key === row.site_key);
    const to = recipient(row);
    try {
      await send.send(
        renderTranscript({
          ...to,
          siteName: site?.name ?? row.site_key,
          lines: await transcriptLines(db, row.id, last),
          ...stopLink(config, tokenSecret, { siteKey: row.site_key, email: to.to }),
        }),
      );
      sent++;
    } catch (error) {
      await db.query(
        'UPDATE conversations SET emailed_seq = $2 WHERE id = $1 AND emailed_seq = $3',
        [row.id, row.emailed, last],
      );
      throw error;
    }
  }
  return sent;
}

/** The link that stops the next emails to the address, when the hub knows where it is. */
function stopLink(
  config: HubConfig,
  tokenSecret: string,
  whom: Unsubscriber,
): { unsubscribeUrl?: string } {
  const hubUrl = config.email?.hubUrl;
  return hubUrl ? { unsubscribeUrl: unsubscribeUrl(hubUrl, tokenSecret, whom) } : {};
}

/** Who the email goes to, in which words, language and zone. */
function recipient(row: DueRow) {
  const left = queueFields(row).offline;
  if (left) {
    const { name, email, locale, timeZone } = left;
    return { kind: 'reply' as const, to: email, name, locale, timeZone };
  }
  return {
    kind: 'missed' as const,
    to: row.prechat_email!,
    ...(row.prechat_name ? { name: row.prechat_name } : {}),
    ...(row.locale ? { locale: row.locale } : {}),
    ...(row.time_zone ? { timeZone: row.time_zone } : {}),
  };
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
export function startMissedAnswers(
  options: MissedAnswersOptions & { intervalMs?: number; onError(error: unknown): void },
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
      await emailMissedAnswers(options);
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
