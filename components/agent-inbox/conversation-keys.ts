import type { ConversationSummary } from '../../protocol/index.js';

/** The keys that move between the agent's conversations, as `aria-keyshortcuts` says them. */
export const switchKeys = 'Alt+ArrowDown Alt+ArrowUp';

/**
 * The conversation Alt+↓ (next) or Alt+↑ (previous) moves to among the agent's own, round
 * the list; the first or last when none is open. Null for any other key.
 */
export function conversationAfterKey(
  event: KeyboardEvent,
  mine: readonly ConversationSummary[],
  selected: string,
): string | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || !mine.length) return null;
  const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
  if (!step) return null;
  const at = mine.findIndex((conversation) => conversation.id === selected);
  const next = at < 0 ? (step > 0 ? 0 : mine.length - 1) : (at + step + mine.length) % mine.length;
  return mine[next]!.id;
}
