import type { CannedResponse, QueueRef } from '../../protocol/index.js';
import type { HubConfig, SiteConfig } from '../config/index.js';
import { siteQueues } from './queues/site-queues.js';

export interface DeskSettings {
  maxChatsPerAgent: number;
  cannedResponses: CannedResponse[];
  /** The site's queues, first is the default. */
  queues: QueueRef[];
  /** The hub emails answers visitors miss to the address they gave (it has `email`). */
  emailsAnswers: boolean;
}

export const defaultMaxChatsPerAgent = 3;

/** A site's desk settings with their defaults. */
export interface DeskSettingsOf {
  (siteKey: string): DeskSettings;
  /** The site's whole config, for checks on the hub (never sent to clients). */
  site(siteKey: string): SiteConfig | undefined;
}

export function deskSettings(config: HubConfig): DeskSettingsOf {
  const bySite = new Map(
    config.sites.map((site) => [
      site.key,
      {
        maxChatsPerAgent: site.maxChatsPerAgent ?? defaultMaxChatsPerAgent,
        cannedResponses: site.cannedResponses ?? [],
        queues: siteQueues(site).refs,
        emailsAnswers: !!config.email,
      },
    ]),
  );
  const settingsOf = (siteKey: string) =>
    bySite.get(siteKey) ?? {
      maxChatsPerAgent: defaultMaxChatsPerAgent,
      cannedResponses: [],
      queues: siteQueues(undefined).refs,
      emailsAnswers: !!config.email,
    };
  return Object.assign(settingsOf, {
    site: (siteKey: string) => config.sites.find((site) => site.key === siteKey),
  });
}
