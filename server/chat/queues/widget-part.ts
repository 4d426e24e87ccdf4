import type { HoursWidgetPart } from '../../../protocol/index.js';
import type { SiteConfig } from '../../config/index.js';
import { siteQueues } from './site-queues.js';

/** The `hours` part of the widget settings: each queue open or not now, and when that changes. */
export function hoursWidgetPart(site: SiteConfig, now: Date): HoursWidgetPart {
  return { queues: siteQueues(site).allHours(now) };
}
