import type { Queryable } from '../../storage/index.js';
import type { Unsubscriber } from './link.js';

/**
 * Records that `whom` wants no more answer emails; doing it twice changes nothing. Addresses
 * are kept as `emailStopped` compares them, without case: `Mina@Example.com` stopped is
 * `mina@example.com` stopped.
 */
export async function recordUnsubscribe(db: Queryable, whom: Unsubscriber): Promise<void> {
  await db.query(
    `INSERT INTO email_unsubscribes (site_key, email) VALUES ($1, lower(trim($2)))
     ON CONFLICT (site_key, email) DO NOTHING`,
    [whom.siteKey, whom.email],
  );
}

/**
 * SQL that is true when the address the conversation `c` emails (the one left with a message,
 * else the pre-chat form's) stopped the site's answer emails.
 */
export const emailStopped = (c: string) =>
  `EXISTS (SELECT 1 FROM email_unsubscribes u WHERE u.site_key = ${c}.site_key
     AND u.email = lower(trim(COALESCE(${c}.offline_contact->>'email', ${c}.prechat->>'email'))))`;
