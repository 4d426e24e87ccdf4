import type { ConversationSummary, PrechatAnswers } from '../../../protocol/index.js';
import { toIso } from '../../streams/index.js';

/** The columns `summarySelect` reads for the pre-chat answers and the rating. */
export interface EndOfChatColumns {
  prechat: PrechatAnswers | string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | string | null;
}

/** Pre-chat answers and rating of a summary row, only where there are some. */
export function endOfChatFields(
  row: EndOfChatColumns,
): Pick<ConversationSummary, 'prechat' | 'rating'> {
  // PGlite and pg both parse jsonb; a string would be a driver that does not.
  const prechat = typeof row.prechat === 'string' ? JSON.parse(row.prechat) : row.prechat;
  return {
    ...(prechat ? { prechat } : {}),
    ...(row.rating !== null && row.rated_at
      ? {
          rating: {
            score: Number(row.rating),
            comment: row.rating_comment,
            ratedAt: toIso(row.rated_at),
          },
        }
      : {}),
  };
}
