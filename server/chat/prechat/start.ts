import type { ConversationStart, PrechatAnswers } from '../../../protocol/index.js';
import type { Principal } from '../../auth/index.js';
import type { SiteConfig } from '../../config/index.js';
import type { Queryable } from '../../storage/index.js';
import { checkedPrechat } from './answers.js';

/**
 * The pre-chat part of starting a conversation: stores the checked answers and, for a
 * session verified as a customer, the customer (whose other devices may then continue it)
 * with the name and email from their identity token in place of the form they skipped. The
 * session's, not the visitor's last link: who signed in at this browser before is not who
 * writes now. Returns the answers stored, for the `conversation.queued` summary.
 */
export async function applyPrechat(
  tx: Queryable,
  site: SiteConfig | undefined,
  principal: Principal,
  conversationId: string,
  start: ConversationStart | undefined,
): Promise<{ prechat?: PrechatAnswers }> {
  if (principal.role !== 'visitor') return {};
  const { customer } = principal;
  const answers = checkedPrechat(site?.prechat, start?.prechat, { verified: !!customer });
  if (customer?.name) answers.name = customer.name;
  if (customer?.email) answers.email = customer.email;
  const stored = Object.keys(answers).length ? { prechat: answers } : {};
  if (!customer && !stored.prechat) return stored;
  await tx.query('UPDATE conversations SET prechat = $2, customer_id = $3 WHERE id = $1', [
    conversationId,
    Object.keys(answers).length ? JSON.stringify(answers) : null,
    customer?.customerId ?? null,
  ]);
  return stored;
}
