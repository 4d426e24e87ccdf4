import type { Queryable } from '../storage/index.js';
import type { VerifiedIdentity } from './verify.js';

export interface CustomerLink {
  customerId: string;
  name: string | null;
  email: string | null;
}

/**
 * Links a visitor to the customer it was verified as, and hands the customer the visitor's
 * anonymous events that are theirs, so the history follows the customer across devices:
 * at the browser's first sign-in all of them; at a later one (the browser was someone's
 * before, maybe someone else's), those of the visit that signs in (`visitId`), what the
 * customer browsed just before signing in.
 */
export async function linkVisitor(
  tx: Queryable,
  siteKey: string,
  visitorId: string,
  identity: VerifiedIdentity,
  visitId?: string,
): Promise<void> {
  const [previous] = await tx.query<{ customer_id: string }>(
    'SELECT customer_id FROM visitor_customers WHERE site_key = $1 AND visitor_id = $2',
    [siteKey, visitorId],
  );
  await tx.query(
    `INSERT INTO visitor_customers (site_key, visitor_id, customer_id, name, email)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (site_key, visitor_id) DO UPDATE
     SET customer_id = $3, name = $4, email = $5, verified_at = now(),
       linked_at = CASE WHEN visitor_customers.customer_id = $3
         THEN visitor_customers.linked_at ELSE now() END`,
    [siteKey, visitorId, identity.customerId, identity.name, identity.email],
  );
  if (previous && visitId === undefined) return;
  await tx.query(
    `UPDATE journey_events SET customer_id = $3
     WHERE site_key = $1 AND visitor_id = $2 AND customer_id IS NULL
       AND ($4::text IS NULL OR visit_id = $4)`,
    [siteKey, visitorId, identity.customerId, previous ? visitId : null],
  );
}

export async function findLink(
  db: Queryable,
  siteKey: string,
  visitorId: string,
): Promise<CustomerLink | null> {
  const [row] = await db.query<{ customer_id: string; name: string | null; email: string | null }>(
    'SELECT customer_id, name, email FROM visitor_customers WHERE site_key = $1 AND visitor_id = $2',
    [siteKey, visitorId],
  );
  return row ? { customerId: row.customer_id, name: row.name, email: row.email } : null;
}

/** The visitors verified as this customer, most recently verified first. */
export async function visitorsOfCustomer(
  db: Queryable,
  siteKey: string,
  customerId: string,
  limit = 50,
): Promise<Array<{ visitorId: string; name: string | null }>> {
  const rows = await db.query<{ visitor_id: string; name: string | null }>(
    `SELECT visitor_id, name FROM visitor_customers WHERE site_key = $1 AND customer_id = $2
     ORDER BY verified_at DESC, visitor_id LIMIT $3`,
    [siteKey, customerId, limit],
  );
  return rows.map((row) => ({ visitorId: row.visitor_id, name: row.name }));
}
