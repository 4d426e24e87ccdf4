/**
 * Sample records of the demo's "legacy CRM", shaped the way an old in-house system might
 * answer (snake_case, nested profile, amounts as strings, no currency per order), so the
 * site's field mapping in cxkit.config.json has real work to do.
 */
export interface LegacyCustomer {
  cust_no: string;
  profile: { fullName: string; mail?: string };
  loyalty?: { tier: string };
  account?: { currency: string };
  ltv_eur?: string | number;
  orders: {
    no: string | number;
    placed: string;
    sum: number | string;
    state: string;
    lines: ({ name: string; qty: number } | string)[];
  }[];
  support: { open: { ref: string; subject: string }[] };
}

export const legacyCustomers: LegacyCustomer[] = [
  {
    cust_no: 'demo-customer-1',
    profile: { fullName: 'Mina Park', mail: 'mina.park@example.com' },
    loyalty: { tier: 'Gold' },
    account: { currency: 'EUR' },
    ltv_eur: '1840.50',
    orders: [
      {
        no: 'SO-48213',
        placed: '2026-09-14',
        sum: '89.90',
        state: 'delivered',
        lines: [{ name: 'Trailhead boots', qty: 1 }],
      },
      {
        no: 'SO-49577',
        placed: '2026-11-02',
        sum: 249,
        state: 'shipped',
        lines: [
          { name: 'Summit down jacket', qty: 1 },
          { name: 'Merino beanie', qty: 2 },
        ],
      },
      {
        no: 'SO-47001',
        placed: '2026-06-30',
        sum: '34.00',
        state: 'returned',
        lines: [{ name: 'Trail socks (3 pack)', qty: 1 }],
      },
    ],
    support: { open: [{ ref: 'T-7781', subject: 'Jacket delivery is late' }] },
  },
  {
    cust_no: 'demo-customer-2',
    profile: { fullName: 'Jonas Weber', mail: 'jonas.weber@example.org' },
    loyalty: { tier: 'Silver' },
    account: { currency: 'EUR' },
    ltv_eur: '412.00',
    orders: [
      {
        no: 50122,
        placed: '2026-11-18',
        sum: '129.00',
        state: 'processing',
        lines: ['Ridge 40 L backpack'],
      },
    ],
    support: { open: [] },
  },
  {
    cust_no: 'C-1001',
    profile: { fullName: 'Ana Souza', mail: 'ana.souza@example.net' },
    loyalty: { tier: 'Platinum' },
    account: { currency: 'EUR' },
    ltv_eur: 5230.75,
    // Twelve orders: more than the card shows, so the newest ten are picked.
    orders: Array.from({ length: 12 }, (_, i) => ({
      no: `SO-4${String(i).padStart(4, '0')}`,
      placed: `2026-${String(i + 1).padStart(2, '0')}-05`,
      sum: 40 + i * 10,
      state: 'delivered',
      lines: [{ name: 'Trail socks (3 pack)', qty: i + 1 }],
    })),
    support: {
      open: [
        { ref: 'T-7702', subject: 'Invoice address' },
        { ref: 'T-7790', subject: 'Boots squeak' },
      ],
    },
  },
  {
    // A bare record: no e-mail, no loyalty tier, no orders yet.
    cust_no: 'C-1002',
    profile: { fullName: 'Lee Seo-yeon' },
    orders: [],
    support: { open: [] },
  },
];
