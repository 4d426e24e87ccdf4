import type { SiteConfig } from '../config/index.js';
import { attachmentSettings } from './settings.js';

export { attachmentRoutes, type AttachmentRouteDeps } from './routes.js';
export { attachUploads } from './store.js';
export { signedPath } from './signing.js';
export { startUploadCleanup } from './cleanup.js';
export { attachmentSettings } from './settings.js';

/** The `attachments` part of the widget settings: the limits the picker checks before uploading. */
export const attachmentsWidgetPart = (site: SiteConfig) => attachmentSettings(site);
