import { expect } from '@open-wc/testing';
import { backoffDelay, backoffFor, defaultBackoff } from './backoff.js';

describe('backoffDelay', () => {
  it('doubles its ceiling with each attempt, from 500 ms up to the 30 s cap', () => {
    const atTop = () => 0.999999;
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 7, 10].map((attempt) =>
      backoffDelay(attempt, defaultBackoff, atTop),
    );
    expect(ceilings).to.deep.equal([499, 999, 1999, 3999, 7999, 15999, 29999, 29999, 29999]);
  });

  it('caps at 5 s while a command waits (someone is sending a message)', () => {
    const atTop = () => 0.999999;
    expect(backoffDelay(10, defaultBackoff, atTop, true)).to.equal(4999);
    expect(backoffDelay(2, defaultBackoff, atTop, true)).to.equal(1999);
    expect(backoffDelay(10, defaultBackoff, atTop, false)).to.equal(29999);
  });

  it("caps an agent desk's wait at 5 s even when it sends nothing", () => {
    const atTop = () => 0.999999;
    expect(backoffDelay(10, backoffFor('agent'), atTop, false)).to.equal(4999);
    expect(backoffDelay(1, backoffFor('agent'), atTop, false)).to.equal(999);
    expect(backoffDelay(10, backoffFor('visitor'), atTop, false)).to.equal(29999);
  });

  it('uses full jitter: anywhere from 0 up to the ceiling', () => {
    expect(backoffDelay(3, defaultBackoff, () => 0)).to.equal(0);
    expect(backoffDelay(3, defaultBackoff, () => 0.5)).to.equal(2000);
    const samples = Array.from({ length: 200 }, () => backoffDelay(4, defaultBackoff));
    for (const delay of samples) expect(delay).to.be.within(0, 7999);
    expect(new Set(samples).size).to.be.greaterThan(150);
    expect(Math.min(...samples)).to.be.below(2000);
    expect(Math.max(...samples)).to.be.above(6000);
  });

  it('grows on average with the attempt number', () => {
    const mean = (attempt: number) =>
      Array.from({ length: 400 }, () => backoffDelay(attempt, defaultBackoff)).reduce(
        (a, b) => a + b,
      ) / 400;
    expect(mean(1)).to.be.below(mean(3));
    expect(mean(3)).to.be.below(mean(5));
  });
});
