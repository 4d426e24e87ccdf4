import type { VerifiedCustomer } from '../../../protocol/index.js';
import type { HubConfig } from '../../config/index.js';
import { HubError } from '../../errors.js';
import { linkVisitor, verifyIdentityToken, type VerifiedIdentity } from '../../identity/index.js';
import type { EffectCommand } from '../../realtime/command-types.js';
import { commandSchema } from '../../realtime/schemas.js';

export const visitorIdentifySchema = commandSchema(
  'visitor.identify',
  { identityToken: { type: 'string', minLength: 1, maxLength: 4096 } },
  ['identityToken'],
);

/**
 * `visitor.identify`: the chat panel of a signed-in customer hands over the identity token
 * the storefront's backend signed (`<cx-config identity-token>`). The hub links the visitor
 * to the customer, as journey batches do, and marks the visitor's open conversation as the
 * customer's, so the customer's other devices may continue it. The session is then verified
 * as the customer.
 */
export function visitorIdentify(config: HubConfig): EffectCommand {
  return {
    kind: 'effect',
    schema: visitorIdentifySchema,
    async run(tx, principal, command): Promise<{ result: VerifiedCustomer; events: [] }> {
      if (principal.role !== 'visitor')
        throw new HubError('auth.forbidden', 'visitor.identify is for visitors');
      const site = config.sites.find((each) => each.key === principal.siteKey);
      if (!site) throw new HubError('site.unknown', `no site ${principal.siteKey}`);
      const identity = verifyIdentityToken(site, command.identityToken as string);
      await linkVisitor(tx, site.key, principal.id, identity);
      // Only one begun before this browser was first verified as the customer: one begun
      // after they signed out may be the next person's. And one open per customer.
      await tx.query(
        `UPDATE conversations SET customer_id = $3
         WHERE site_key = $1 AND visitor_id = $2 AND status <> 'closed' AND customer_id IS NULL
           AND created_at < (SELECT linked_at FROM visitor_customers
             WHERE site_key = $1 AND visitor_id = $2)
           AND NOT EXISTS (SELECT 1 FROM conversations o WHERE o.site_key = $1
             AND o.visitor_id = $2 AND o.customer_id = $3 AND o.status <> 'closed')`,
        [site.key, principal.id, identity.customerId],
      );
      return { result: identity, events: [] };
    },
    // The session is the customer's from now on, as if its `hello` had carried the token.
    sessionAfter: (principal, result) => ({ ...principal, customer: result as VerifiedIdentity }),
  };
}
