import type { CannedResponse } from '../../protocol/index.js';

/**
 * The canned responses a draft asks for: while the whole draft is one word starting with
 * "/", those whose shortcut starts with it (case-insensitive), exact match first.
 */
export function cannedMatches(
  draft: string,
  responses: readonly CannedResponse[],
): CannedResponse[] {
  const typed = draft.trim().toLowerCase();
  if (!typed.startsWith('/') || /\s/.test(typed)) return [];
  return responses
    .filter((response) => response.shortcut.toLowerCase().startsWith(typed))
    .sort(
      (a, b) =>
        Number(b.shortcut.toLowerCase() === typed) - Number(a.shortcut.toLowerCase() === typed),
    );
}
