export { realtimeRoutes } from './route.js';
export { Heartbeat } from './heartbeat.js';
export type { CommandHandler, FrameView, SessionHooks, StreamAuthorizer } from './command-types.js';
