export type * from './envelope.js';
export type * from './chat.js';
export type * from './messages.js';
