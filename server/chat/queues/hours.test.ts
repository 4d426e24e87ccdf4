import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BusinessHours } from '../../config/types.js';
import { ConfigError, validateConfig } from '../../config/index.js';
import { compileHours, openState } from './hours.js';
import { estimateWait } from './positions.js';

const berlinOffice: BusinessHours = {
  timeZone: 'Europe/Berlin',
  weekly: {
    mon: ['09:00-12:00', '13:00-17:00'],
    tue: ['09:00-17:00'],
    wed: ['09:00-17:00'],
    thu: ['09:00-17:00'],
    fri: ['09:00-17:00'],
  },
  holidays: ['2026-12-25', { date: '2026-12-24', hours: ['09:00-12:00'] }],
};

const at = (hours: BusinessHours, iso: string) => openState(compileHours(hours), new Date(iso));

describe('business hours', () => {
  it('is always open without hours', () => {
    assert.deepEqual(openState(undefined, new Date()), {
      open: true,
      nextOpenAt: null,
      closesAt: null,
    });
  });

  it('is open inside an interval by the zone clock and says when it closes', () => {
    // Tuesday 2026-11-24 10:00 in Berlin (CET, +01:00).
    assert.deepEqual(at(berlinOffice, '2026-11-24T09:00:00Z'), {
      open: true,
      nextOpenAt: null,
      closesAt: '2026-11-24T16:00:00.000Z',
    });
  });

  it('is closed over lunch and at the end of the day, and names the next opening', () => {
    assert.deepEqual(at(berlinOffice, '2026-11-23T11:30:00Z'), {
      open: false,
      nextOpenAt: '2026-11-23T12:00:00.000Z',
      closesAt: null,
    });
    // Friday 17:00 sharp is closed; next is Monday 09:00.
    assert.deepEqual(at(berlinOffice, '2026-11-27T16:00:00Z'), {
      open: false,
      nextOpenAt: '2026-11-30T08:00:00.000Z',
      closesAt: null,
    });
  });

  it('skips a holiday and keeps a date with its own hours', () => {
    // Thursday 24 Dec: only 09:00-12:00.
    assert.equal(at(berlinOffice, '2026-12-24T10:00:00Z').closesAt, '2026-12-24T11:00:00.000Z');
    // After it closes: Friday 25 Dec is a holiday, the weekend follows, so Monday 28 Dec.
    assert.equal(at(berlinOffice, '2026-12-24T12:00:00Z').nextOpenAt, '2026-12-28T08:00:00.000Z');
  });

  it('opens when clocks jump past an opening time that falls into a DST gap', () => {
    // Sunday 2026-03-29: Berlin clocks go from 02:00 CET to 03:00 CEST (01:00Z).
    const night: BusinessHours = { timeZone: 'Europe/Berlin', weekly: { sun: ['02:30-05:00'] } };
    assert.deepEqual(at(night, '2026-03-29T00:30:00Z'), {
      open: false,
      nextOpenAt: '2026-03-29T01:00:00.000Z',
      closesAt: null,
    });
    assert.deepEqual(at(night, '2026-03-29T01:00:00Z'), {
      open: true,
      nextOpenAt: null,
      closesAt: '2026-03-29T03:00:00.000Z',
    });
  });

  it('stays open through the repeated hour when clocks go back', () => {
    // Sunday 2026-10-25: Berlin clocks go from 03:00 CEST back to 02:00 CET (01:00Z).
    const early: BusinessHours = { timeZone: 'Europe/Berlin', weekly: { sun: ['01:00-02:30'] } };
    // 02:15 on the second pass (CET): still open, until the last 02:30.
    assert.deepEqual(at(early, '2026-10-25T01:15:00Z'), {
      open: true,
      nextOpenAt: null,
      closesAt: '2026-10-25T01:30:00.000Z',
    });
    assert.equal(at(early, '2026-10-25T01:30:00Z').open, false);
    // An opening inside the repeated hour counts from its first pass (CEST).
    const late: BusinessHours = { timeZone: 'Europe/Berlin', weekly: { sun: ['02:30-04:00'] } };
    assert.equal(at(late, '2026-10-24T22:00:00Z').nextOpenAt, '2026-10-25T00:30:00.000Z');
  });

  it('joins intervals that meet at midnight into one opening', () => {
    const nights: BusinessHours = {
      timeZone: 'Asia/Seoul',
      weekly: { mon: ['22:00-24:00'], tue: ['00:00-02:00'] },
    };
    // Monday 2026-11-23 23:00 in Seoul (+09:00) is 14:00Z; it closes Tuesday 02:00 (17:00Z).
    assert.equal(at(nights, '2026-11-23T14:00:00Z').closesAt, '2026-11-23T17:00:00.000Z');
  });

  it('never opens when no interval is configured', () => {
    const never: BusinessHours = { timeZone: 'Asia/Seoul', weekly: {} };
    assert.deepEqual(at(never, '2026-11-23T14:00:00Z'), {
      open: false,
      nextOpenAt: null,
      closesAt: null,
    });
  });
});

describe('queue config', () => {
  const site = (queues: unknown) => ({
    sites: [{ key: 'demo', name: 'Demo', origins: [], queues }],
  });
  const problem = (queues: unknown) => {
    try {
      validateConfig(site(queues));
      return undefined;
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      return error.message;
    }
  };
  const hours = (extra: object) => [
    { id: 'general', name: 'General' },
    { id: 'returns', name: 'Returns', hours: { timeZone: 'Europe/Berlin', weekly: {}, ...extra } },
  ];

  it('accepts queues with hours and holidays', () => {
    assert.equal(problem([{ id: 'general', name: 'General', hours: berlinOffice }]), undefined);
  });

  it('names the field of each mistake', () => {
    assert.match(
      problem(hours({ timeZone: 'Europe/Berln' }))!,
      /sites\[0\]\.queues\[1\]\.hours\.timeZone must be an IANA time zone/,
    );
    assert.match(problem(hours({ timeZone: '+09:00' }))!, /IANA time zone/);
    assert.match(
      problem(hours({ weekly: { mon: ['17:00-09:00'] } }))!,
      /weekly\.mon\[0\] ends before it starts/,
    );
    assert.match(
      problem(hours({ weekly: { tue: ['09:00-13:00', '12:00-17:00'] } }))!,
      /weekly\.tue has overlapping intervals/,
    );
    assert.match(problem(hours({ weekly: { wed: ['9-5'] } }))!, /must look like "09:00-17:00"/);
    assert.match(problem(hours({ weekly: { wed: ['09:00-24:30'] } }))!, /does not exist/);
    assert.match(problem(hours({ holidays: ['2026-02-30'] }))!, /holidays\[0\] must be a date/);
    assert.match(problem(hours({ weekly: { caturday: [] } }))!, /caturday is not a known field/);
    assert.match(
      problem([
        { id: 'a', name: 'A' },
        { id: 'a', name: 'B' },
      ])!,
      /queues\[1\]\.id "a" is used by another queue/,
    );
    assert.match(problem([])!, /at least one queue/);
  });
});

describe('estimated wait', () => {
  it('scales the median by rounds of available agents, unknown without history or agents', () => {
    assert.equal(estimateWait(60, 1, 1), 60);
    assert.equal(estimateWait(60, 3, 1), 180);
    assert.equal(estimateWait(60, 3, 2), 120);
    assert.equal(estimateWait(null, 1, 2), null);
    assert.equal(estimateWait(60, 1, 0), null);
  });
});
