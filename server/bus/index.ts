export type { EventBus } from './types.js';
export { MemoryBus } from './memory-bus.js';
export { RedisBus, type RedisBusOptions } from './redis-bus.js';
