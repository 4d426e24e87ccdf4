import { expect } from '@open-wc/testing';
import { formatDuration } from './intl-format.js';

describe('formatDuration', () => {
  const second = 1000;
  const minute = 60 * second;
  const hour = 60 * minute;

  it('says a duration in the largest unit that keeps it a small number', () => {
    const say = (ms: number) => formatDuration('en', ms);
    expect(say(45 * second)).to.equal('45 sec');
    expect(say(3 * minute + 20 * second)).to.equal('3 min');
    expect(say(151 * minute)).to.equal('2 hr');
    expect(say(47 * hour)).to.equal('47 hr');
    expect(say(3 * 24 * hour)).to.equal('3 days');
  });

  it('speaks Korean, and never goes below zero', () => {
    expect(formatDuration('ko', 151 * minute)).to.equal('2시간');
    expect(formatDuration('en', -5 * second)).to.equal('0 sec');
  });
});
