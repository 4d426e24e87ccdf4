/** How often a visitor or an agent may do something, per hub node or across nodes (Redis). */
export type { RateCounter } from './types.js';
export { MemoryRateCounter } from './memory.js';
export { RedisRateCounter } from './redis.js';
