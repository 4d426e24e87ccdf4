import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapCustomer, readPath } from './mapping.js';

const legacy = {
  cust_no: 'C-1',
  profile: { fullName: 'Mina Park', mail: 'mina@example.com' },
  loyalty: { tier: 'Gold' },
  account: { currency: 'EUR' },
  ltv_eur: '1840.50',
  orders: [
    { no: 'A', placed: '2026-09-14', sum: '89.90', state: 'delivered', lines: [{ name: 'Boots' }] },
    { no: 7, placed: '2026-11-02', sum: 249, state: 'shipped', lines: ['Jacket', 'Beanie'] },
    { no: 'C', placed: 'someday', sum: 'a lot', lines: 'not a list' },
    { placed: '2026-12-01', sum: 1 },
  ],
  support: { open: [{ ref: 'T-1' }, { ref: 'T-2' }] },
};

const mapping = {
  name: 'profile.fullName',
  email: 'profile.mail',
  tier: 'loyalty.tier',
  lifetimeValue: 'ltv_eur',
  currency: 'account.currency',
  orders: 'orders',
  openTickets: 'support.open',
  order: { id: 'no', date: 'placed', total: 'sum', status: 'state', items: 'lines' },
};

describe('readPath', () => {
  it('follows dotted paths through objects and arrays, and stops at anything missing', () => {
    assert.equal(readPath(legacy, 'profile.fullName'), 'Mina Park');
    assert.equal(readPath(legacy, 'orders.1.no'), 7);
    assert.equal(readPath(legacy, 'profile.nickname'), undefined);
    assert.equal(readPath(legacy, 'profile.fullName.length'), undefined);
    assert.equal(readPath(null, 'a'), undefined);
    // Inherited properties are not data.
    assert.equal(readPath({}, 'constructor'), undefined);
  });
});

describe('mapCustomer', () => {
  it('maps a legacy shape: nested fields, numeric strings, counted tickets, newest orders first', () => {
    assert.deepEqual(mapCustomer(legacy, mapping), {
      name: 'Mina Park',
      email: 'mina@example.com',
      tier: 'Gold',
      lifetimeValue: 1840.5,
      currency: 'EUR',
      orders: [
        {
          id: '7',
          date: '2026-11-02',
          total: 249,
          currency: 'EUR',
          status: 'shipped',
          items: ['Jacket', 'Beanie'],
        },
        {
          id: 'A',
          date: '2026-09-14',
          total: 89.9,
          currency: 'EUR',
          status: 'delivered',
          items: ['Boots'],
        },
        // Unreadable date last; wrong types left out; the order without an id dropped.
        { id: 'C', date: 'someday', currency: 'EUR' },
      ],
      openTickets: 2,
    });
  });

  it('leaves out missing and mistyped fields instead of guessing', () => {
    const mapped = mapCustomer(
      { profile: { fullName: 42, mail: '' }, ltv: '12abc', tickets: -1, orders: {} },
      {
        name: 'profile.fullName',
        email: 'profile.mail',
        lifetimeValue: 'ltv',
        tier: 'no.such',
        openTickets: 'tickets',
        orders: 'orders',
      },
    );
    assert.deepEqual(mapped, { orders: [] });
    assert.equal('name' in mapped, false);
  });

  it('reads a ticket count given as a number or numeric string', () => {
    assert.equal(mapCustomer({ t: 3 }, { openTickets: 't' }).openTickets, 3);
    assert.equal(mapCustomer({ t: '4' }, { openTickets: 't' }).openTickets, 4);
    assert.equal(mapCustomer({ t: 1.5 }, { openTickets: 't' }).openTickets, undefined);
  });

  it('uses the cxkit field names inside an order when the mapping names none', () => {
    const json = {
      orders: [
        {
          id: 'X1',
          date: '2026-01-01',
          total: '10',
          currency: 'USD',
          status: 'paid',
          items: [{ name: 'Cap' }, { sku: 'no-name' }],
        },
      ],
    };
    assert.deepEqual(mapCustomer(json, { orders: 'orders', currency: 'nope' }).orders, [
      { id: 'X1', date: '2026-01-01', total: 10, currency: 'USD', status: 'paid', items: ['Cap'] },
    ]);
  });

  it('keeps the ten newest orders', () => {
    const orders = Array.from({ length: 12 }, (_, i) => ({
      id: `o${i}`,
      date: `2026-${String(i + 1).padStart(2, '0')}-01`,
    }));
    const mapped = mapCustomer({ orders }, { orders: 'orders' }).orders;
    assert.equal(mapped.length, 10);
    assert.equal(mapped[0]!.id, 'o11');
    assert.equal(mapped[9]!.id, 'o2');
  });

  it('caps runaway text', () => {
    assert.equal(mapCustomer({ n: 'x'.repeat(10_000) }, { name: 'n' }).name!.length, 500);
  });
});
