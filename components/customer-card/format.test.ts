import { expect } from '@open-wc/testing';
import { formatDateTime } from './format.js';

describe('formatDateTime', () => {
  const now = new Date(2026, 10, 23, 15, 0);
  const at = (...parts: [number, number, number, number, number]) =>
    new Date(...parts).toISOString();

  it('says today and yesterday in words, other days without this year', () => {
    expect(formatDateTime('en', at(2026, 10, 23, 10, 42), now)).to.equal('today 10:42 AM');
    expect(formatDateTime('en', at(2026, 10, 22, 21, 5), now)).to.equal('yesterday 9:05 PM');
    expect(formatDateTime('en', at(2026, 10, 21, 23, 59), now)).to.equal('Nov 21, 11:59 PM');
    expect(formatDateTime('en', at(2025, 2, 3, 10, 42), now)).to.equal('Mar 3, 2025, 10:42 AM');
  });

  it('speaks Korean', () => {
    expect(formatDateTime('ko', at(2026, 10, 23, 10, 42), now)).to.equal('오늘 오전 10:42');
    expect(formatDateTime('ko', at(2026, 10, 22, 21, 5), now)).to.equal('어제 오후 9:05');
    expect(formatDateTime('ko', at(2026, 2, 3, 10, 42), now)).to.equal('3월 3일 오전 10:42');
  });
});
