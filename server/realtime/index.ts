export { realtimeRoutes } from './route.js';
export { Heartbeat } from './heartbeat.js';
export type { CommandHandler, StreamAuthorizer } from './command-types.js';
