/** The link in answer emails that stops the next ones, and the page behind it. */
export { unsubscribeUrl, type Unsubscriber } from './link.js';
export { unsubscribeRoutes } from './routes.js';
export { emailStopped } from './store.js';
