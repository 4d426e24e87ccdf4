/** The end of a chat: the visitor's rating and the transcript by email. */
import type { EndOfChatSettings } from '../../../protocol/index.js';
import type { HubConfig, SiteConfig } from '../../config/index.js';

export { chatRate } from './rate.js';
export { chatTranscript } from './transcript.js';

/** Widget settings part `endOfChat`: the panel offers the transcript only when the hub can send it. */
export function endOfChatWidgetPart(
  _site: SiteConfig,
  _now: Date,
  config?: HubConfig,
): EndOfChatSettings {
  return { transcript: !!config?.email };
}
