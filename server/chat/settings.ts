import type { CannedResponse } from '../../protocol/index.js';
import type { HubConfig } from '../config/index.js';

export interface DeskSettings {
  maxChatsPerAgent: number;
  cannedResponses: CannedResponse[];
}

export const defaultMaxChatsPerAgent = 3;

/** A site's desk settings with their defaults. */
export type DeskSettingsOf = (siteKey: string) => DeskSettings;

export function deskSettings(config: HubConfig): DeskSettingsOf {
  const bySite = new Map(
    config.sites.map((site) => [
      site.key,
      {
        maxChatsPerAgent: site.maxChatsPerAgent ?? defaultMaxChatsPerAgent,
        cannedResponses: site.cannedResponses ?? [],
      },
    ]),
  );
  return (siteKey) =>
    bySite.get(siteKey) ?? { maxChatsPerAgent: defaultMaxChatsPerAgent, cannedResponses: [] };
}
