export type * from './envelope.js';
export type * from './chat.js';
export type * from './messages.js';
export type * from './journey.js';
export type * from './context.js';
export type * from './widget.js';
