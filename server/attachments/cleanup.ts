import type { Queryable } from '../storage/index.js';

const hourMs = 3_600_000;
/**
 * An upload no message took within this long goes. A file is uploaded as the message that
 * carries it is written, and the outbox keeps an unsent message across a reload, not for
 * days: a send that names a purged upload is refused with `attachment.not_found`.
 */
export const unsentUploadHours = 24;

/** Deletes uploads older than `unsentUploadHours` that no message carries; returns how many. */
export async function purgeUnsentUploads(db: Queryable, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - unsentUploadHours * hourMs).toISOString();
  const rows = await db.query(
    'DELETE FROM attachments WHERE attached_to IS NULL AND created_at < $1 RETURNING 1',
    [cutoff],
  );
  return rows.length;
}

/** Purges hourly, the first time an hour after start, until stopped; keeps no process alive. */
export function startUploadCleanup(
  db: Queryable,
  onError: (error: unknown) => void,
): { stop(): void } {
  const timer = setInterval(() => void purgeUnsentUploads(db).catch(onError), hourMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
