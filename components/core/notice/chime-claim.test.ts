import { expect } from '@open-wc/testing';
import { claimChime } from './chime-claim.js';

const key = 'cxkit.chat.chimed:test';

describe('claimChime (one chime for several tabs)', () => {
  afterEach(() => localStorage.removeItem(key));

  it('lets exactly one of several tabs claim a message, and each new message once', async () => {
    // Tabs asking at the same moment, as when they all hear the agent's message.
    const first = await Promise.all([1, 2, 3].map(() => claimChime(key, 'c1', 7)));
    expect(first.filter(Boolean)).to.have.length(1);
    expect(await claimChime(key, 'c1', 7)).to.equal(false);
    expect(await claimChime(key, 'c1', 6)).to.equal(false);

    const next = await Promise.all([1, 2].map(() => claimChime(key, 'c1', 9)));
    expect(next.filter(Boolean)).to.have.length(1);
    // Another conversation counts its own messages, and claiming it forgets nothing of c1.
    expect(await claimChime(key, 'c2', 2)).to.equal(true);
    expect(await claimChime(key, 'c1', 9)).to.equal(false);
  });

  it('keeps the claims of the latest 50 subjects', async () => {
    for (let n = 0; n < 60; n++) expect(await claimChime(key, `c${n}`, 1)).to.equal(true);
    expect(Object.keys(JSON.parse(localStorage.getItem(key)!))).to.have.length(50);
    expect(await claimChime(key, 'c59', 1)).to.equal(false);
    // The oldest was forgotten: claimed again (at worst, one more chime).
    expect(await claimChime(key, 'c0', 1)).to.equal(true);
  });
});
