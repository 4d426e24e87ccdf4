import { HubError } from '../../errors.js';
import type { EffectCommand } from '../../realtime/command-types.js';
import { participantConversation } from '../participant.js';
import { conversationUpdated } from '../desk-events.js';
import { chatRateSchema } from './schemas.js';

/** Longest rating comment, in characters. */
export const maxCommentLength = 1000;
/** How long after rating the visitor may still change their mind. */
export const ratingChangeMinutes = 10;

/**
 * `chat.rate`: the visitor rates a conversation that has ended, 1–5 with an optional comment.
 * One rating per conversation: a second `chat.rate` replaces it within
 * `ratingChangeMinutes` of the first rating and is refused (`rating.final`) after. Agents see it on
 * the desk (`conversation.updated`) and in search results.
 */
export const chatRate: EffectCommand = {
  kind: 'effect',
  schema: chatRateSchema,
  async run(tx, principal, command) {
    if (principal.role !== 'visitor')
      throw new HubError('auth.forbidden', 'only the visitor rates a conversation');
    const id = command.conversationId as string;
    const conversation = await participantConversation(tx, principal, id, { writing: false });
    if (conversation.status !== 'closed')
      throw new HubError('rating.not_closed', 'a conversation is rated once it has ended');
    const comment = ((command.comment as string | undefined) ?? '').trim();
    if ([...comment].length > maxCommentLength)
      throw new HubError(
        'protocol.invalid_message',
        `comment must be at most ${maxCommentLength} characters`,
      );
    const rows = await tx.query(
      `UPDATE conversations SET rating = $2, rating_comment = $3, rated_at = COALESCE(rated_at, now())
       WHERE id = $1 AND (rated_at IS NULL OR rated_at > now() - make_interval(mins => $4))
       RETURNING id`,
      [id, command.score as number, comment || null, ratingChangeMinutes],
    );
    if (rows.length === 0)
      throw new HubError(
        'rating.final',
        `the rating can be changed only within ${ratingChangeMinutes} minutes`,
      );
    const { conversation: summary, frame } = await conversationUpdated(tx, principal.siteKey, id);
    return { result: { rating: summary.rating! }, events: [frame] };
  },
};
