import type { Queryable } from '../../storage/index.js';
import type { Unsubscriber } from './link.js';

/** Addresses compare without case: `Mina@Example.com` stopped is `mina@example.com` stopped. */
const normalized = (email: string) => email.trim().toLowerCase();

/** Records that `whom` wants no more answer emails; doing it twice changes nothing. */
export async function recordUnsubscribe(db: Queryable, whom: Unsubscriber): Promise<void> {
  await db.query(
    `INSERT INTO email_unsubscribes (site_key, email) VALUES ($1, $2)
     ON CONFLICT (site_key, email) DO NOTHING`,
    [whom.siteKey, normalized(whom.email)],
  );
}

/** SQL that is true when the address `email` (an SQL expression) stopped the site's emails. */
export const unsubscribed = (siteKey: string, email: string) =>
  `EXISTS (SELECT 1 FROM email_unsubscribes u
     WHERE u.site_key = ${siteKey} AND u.email = lower(trim(${email})))`;
