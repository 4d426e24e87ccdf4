import type { CrmData, CrmOrder } from '../../protocol/context.js';
import type { CrmMapping } from '../config/types.js';

/** What the mapping yields; the lookup adds `status` and `fetchedAt`. */
export type MappedCustomer = Omit<Extract<CrmData, { status: 'ok' }>, 'status' | 'fetchedAt'>;

export const maxOrders = 10;
const maxItems = 50;
/** CRM text is shown to agents; a runaway field must not flood the card. */
const maxTextLength = 500;

/** Reads a dotted path (`profile.fullName`, `orders.0.no`); undefined when any step is missing. */
export function readPath(root: unknown, path: string): unknown {
  let node = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, maxTextLength) : undefined;
}

/** Numbers, and numeric strings such as "1840.50" (legacy systems often send those). */
function number(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

function count(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  const n = number(value);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function itemNames(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = value
    .map((item) => text(item !== null && typeof item === 'object' ? readPath(item, 'name') : item))
    .filter((name): name is string => name !== undefined);
  return names.slice(0, maxItems);
}

/** Copies only the fields that are present, so absent stays absent rather than `undefined`. */
function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}

function mapOrder(raw: unknown, paths: CrmMapping['order'] = {}): CrmOrder | undefined {
  const at = (field: keyof NonNullable<CrmMapping['order']>) =>
    readPath(raw, paths[field] ?? field);
  const rawId = at('id');
  // Order numbers are often numeric in legacy systems.
  const id = typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : text(rawId);
  if (id === undefined) return undefined;
  return defined<CrmOrder>({
    id,
    date: text(at('date')),
    total: number(at('total')),
    currency: text(at('currency')),
    status: text(at('status')),
    items: itemNames(at('items')),
  });
}

/** Newest first; orders without a readable date go last, in the CRM's order. */
function newestFirst(orders: CrmOrder[]): CrmOrder[] {
  const time = (order: CrmOrder) => (order.date ? Date.parse(order.date) : NaN);
  return orders
    .map((order, index) => ({ order, index, time: time(order) }))
    .sort((a, b) => {
      const aKnown = !Number.isNaN(a.time);
      const bKnown = !Number.isNaN(b.time);
      if (aKnown && bKnown && a.time !== b.time) return b.time - a.time;
      if (aKnown !== bKnown) return aKnown ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ order }) => order);
}

/** Applies a site's mapping to the CRM's JSON. Missing paths and wrong types leave fields out. */
export function mapCustomer(json: unknown, mapping: CrmMapping): MappedCustomer {
  const at = (path: string | undefined) => (path ? readPath(json, path) : undefined);
  const currency = text(at(mapping.currency));
  const rawOrders = at(mapping.orders);
  const orders = Array.isArray(rawOrders)
    ? rawOrders
        .map((raw) => mapOrder(raw, mapping.order))
        .filter((order): order is CrmOrder => order !== undefined)
        // An order without its own currency is in the customer's.
        .map((order) => (order.currency || !currency ? order : { ...order, currency }))
    : [];
  return defined<MappedCustomer>({
    name: text(at(mapping.name)),
    email: text(at(mapping.email)),
    tier: text(at(mapping.tier)),
    lifetimeValue: number(at(mapping.lifetimeValue)),
    currency,
    orders: newestFirst(orders).slice(0, maxOrders),
    openTickets: count(at(mapping.openTickets)),
  });
}
