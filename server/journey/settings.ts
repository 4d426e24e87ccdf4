import type { InterestRule, SiteConfig } from '../config/types.js';

/** A site's journey settings with every default filled in. */
export interface JourneySettings {
  requireConsent: boolean;
  stripParams: string[];
  retentionDays: number;
  helpPages: string[];
  interestRules: InterestRule[];
  eventsPerMinute: number;
}

export const defaultJourneySettings: JourneySettings = {
  requireConsent: false,
  stripParams: ['token', 'email', 'password', 'session', 'auth', 'code'],
  retentionDays: 30,
  helpPages: ['/help*', '/contact*', '/faq*', '/support*'],
  interestRules: [],
  eventsPerMinute: 300,
};

export function journeySettings(site: SiteConfig): JourneySettings {
  return { ...defaultJourneySettings, ...site.journey };
}
