import { expect } from '@open-wc/testing';
import { timeOrderedUuid } from '../../../protocol/index.js';
import { newCommandId } from './command-id.js';

describe('command ids', () => {
  it('are UUID v7, unique, and sort in the order they were made', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(newCommandId(), newCommandId());
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    for (const id of ids)
      expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).to.equal(ids.length);
    const times = ids.map((id) => parseInt(id.replace(/-/g, '').slice(0, 12), 16));
    expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    expect(Math.abs(times.at(-1)! - Date.now())).to.be.below(1000);
  });

  it('put the time first, so later ids sort after earlier ones', () => {
    const random = () => crypto.getRandomValues(new Uint8Array(16));
    const earlier = timeOrderedUuid(random(), Date.UTC(2026, 10, 22, 23, 0, 0, 1));
    const later = timeOrderedUuid(random(), Date.UTC(2026, 10, 22, 23, 0, 0, 2));
    expect(earlier.slice(0, 13)).to.equal('01a2057c-e181');
    expect(earlier < later).to.equal(true);
  });
});
