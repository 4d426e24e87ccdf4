import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryRateCounter } from './memory.js';

describe('rate limits counted on one hub node', () => {
  it('refuses a batch that would exceed the window, then allows again in the next window', async () => {
    const limiter = new MemoryRateCounter(60_000);
    assert.equal(await limiter.take('a', 200, 300, 0), true);
    assert.equal(await limiter.take('a', 101, 300, 1000), false);
    assert.equal(await limiter.take('b', 300, 300, 1000), true);
    assert.equal(await limiter.take('a', 100, 300, 2000), true);
    assert.equal(await limiter.take('a', 1, 300, 3000), false);
    assert.equal(await limiter.take('a', 300, 300, 60_000), true);
    // Each site sets its own maximum.
    assert.equal(await limiter.take('c', 301, 1000, 60_000), true);
  });
});
