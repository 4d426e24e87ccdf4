/** The journey: ingestion, storage, retention and deletion of what `<cx-journey>` recorded. */
export { journeyRoutes } from './routes.js';
export { startRetention, purgeExpired } from './retention.js';
export { authorizeVisitorStream } from './stream-access.js';
export {
  browsingAnonymously,
  readEvents as readJourneyEvents,
  type EventOwner,
} from './event-store.js';
export { journeySettings, defaultJourneySettings, type JourneySettings } from './settings.js';
export { validateBatch, maxEventsPerBatch } from './schemas.js';
export { stripUrl, scrubEvent } from './url-scrub.js';
