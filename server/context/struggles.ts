import type {
  JourneyEvent,
  StoredJourneyEvent,
  Struggle,
  StruggleFacts,
  StruggleKind,
} from '../../protocol/index.js';

/** Repeated visits to help pages within one visit that count as a struggle. */
const helpVisitsThreshold = 2;
/** Refused submits of one form within one visit that count as a struggle. */
const formAttemptsThreshold = 2;
/**
 * A form's errors this close to the one before belong to the same submit: a refused submit
 * reports each invalid field, and sites often check twice (`checkValidity()`, then
 * `reportValidity()`), so one click on a form with three empty fields gave six errors.
 */
const sameAttemptMs = 1000;

export interface StruggleReport {
  struggles: Struggle[];
  /** The input events, those a struggle is about marked with its kind. */
  events: StoredJourneyEvent[];
}

/**
 * Finds where the customer struggled. `events` are oldest first; visits are judged one by
 * one, and an abandoned cart only in the latest visit (earlier ones may have ended in a
 * purchase on another device). Struggles come newest first.
 */
export function detectStruggles(
  events: StoredJourneyEvent[],
  helpPages: readonly string[],
): StruggleReport {
  const isHelpPage = helpPageMatcher(helpPages);
  const visits = new Map<string, StoredJourneyEvent[]>();
  for (const stored of events) {
    const visit = visits.get(stored.visitId) ?? [];
    visit.push(stored);
    visits.set(stored.visitId, visit);
  }
  const latestVisitId = events.at(-1)?.visitId;
  const struggles: Struggle[] = [];
  for (const [visitId, visit] of visits) {
    struggles.push(
      ...grouped(visit, 'js_error', (e) => e.message, jsErrors),
      ...grouped(
        visit,
        'request_failed',
        (e) => `${e.method.toUpperCase()} ${pathOf(e.target)} ${e.status}`,
        failedRequests,
      ),
      ...helpPageVisits(visit, isHelpPage),
      ...formRetries(visit),
    );
    if (visitId === latestVisitId) struggles.push(...abandonedCart(visit));
  }
  struggles.sort((a, b) => Math.max(...b.eventIds) - Math.max(...a.eventIds));

  const marks = new Map<number, StruggleKind>();
  for (const struggle of struggles)
    for (const id of struggle.eventIds) marks.set(id, struggle.kind);
  return {
    struggles,
    events: events.map((stored) => {
      const kind = marks.get(stored.id);
      return kind ? { ...stored, struggle: kind } : stored;
    }),
  };
}

type EventOf<T extends JourneyEvent['type']> = Extract<JourneyEvent, { type: T }>;

function ofType<T extends JourneyEvent['type']>(visit: StoredJourneyEvent[], type: T) {
  return visit.filter((stored) => stored.event.type === type) as Array<
    StoredJourneyEvent & { event: EventOf<T> }
  >;
}

/** One struggle per distinct key (the same error 5 times is one struggle, "5 times"). */
function grouped<T extends 'js_error' | 'request_failed'>(
  visit: StoredJourneyEvent[],
  kind: T,
  keyOf: (event: EventOf<T>) => string,
  struggle: (event: EventOf<T>, count: number) => Facts<T>,
): Struggle[] {
  const groups = new Map<string, Array<StoredJourneyEvent & { event: EventOf<T> }>>();
  for (const stored of ofType(visit, kind)) {
    const key = keyOf(stored.event);
    groups.set(key, [...(groups.get(key) ?? []), stored]);
  }
  return [...groups.values()].map((group) =>
    struggleOf(kind, group, struggle(group.at(-1)!.event, group.length)),
  );
}

function jsErrors(event: EventOf<'js_error'>, count: number): Facts<'js_error'> {
  const message = short(event.message);
  return { facts: { message, count }, summary: `${message}${times(count)}` };
}

function failedRequests(event: EventOf<'request_failed'>, count: number): Facts<'request_failed'> {
  const facts = {
    method: event.method.toUpperCase(),
    path: short(pathOf(event.target)),
    status: event.status,
    count,
  };
  const summary = `${facts.method} ${facts.path} failed with ${facts.status}${times(count)}`;
  return { facts, summary };
}

function helpPageVisits(
  visit: StoredJourneyEvent[],
  isHelpPage: (url: string) => boolean,
): Struggle[] {
  const views = ofType(visit, 'page_view').filter((stored) => isHelpPage(stored.event.url));
  if (views.length < helpVisitsThreshold) return [];
  const paths = [...new Set(views.map((stored) => short(pathOf(stored.event.url))))];
  const count = views.length;
  return [
    struggleOf('help_pages', views, {
      facts: { count, paths },
      summary: `Visited help or contact pages ${count} times: ${short(paths.join(', '))}`,
    }),
  ];
}

/**
 * Forms whose submits were refused twice or more in the visit. Errors are one form's when
 * they share its id or name, or, for unnamed forms, the page.
 */
function formRetries(visit: StoredJourneyEvent[]): Struggle[] {
  const byForm = new Map<string, Array<StoredJourneyEvent & { event: EventOf<'form_error'> }>>();
  for (const stored of ofType(visit, 'form_error')) {
    const { form, url } = stored.event;
    const key = form ? `form ${form}` : `page ${pathOf(url)}`;
    byForm.set(key, [...(byForm.get(key) ?? []), stored]);
  }
  return [...byForm.values()].flatMap((errors) => {
    const attempts = errors.filter(
      (stored, i) =>
        i === 0 ||
        Date.parse(stored.event.at) - Date.parse(errors[i - 1]!.event.at) > sameAttemptMs,
    ).length;
    if (attempts < formAttemptsThreshold) return [];
    const last = errors.at(-1)!.event;
    const facts = {
      form: short(last.form),
      page: short(pathOf(last.url)),
      attempts,
      field: short(last.field),
      message: short(last.message),
    };
    const which = facts.form ? `Form "${facts.form}"` : `A form on ${facts.page}`;
    const summary = `${which} failed ${attempts} times; last: ${facts.field}: ${facts.message}`;
    return [struggleOf('form_retries', errors, { facts, summary })];
  });
}

/** A checkout step without a later purchase, or items added without any checkout after. */
function abandonedCart(visit: StoredJourneyEvent[]): Struggle[] {
  const lastPurchase = ofType(visit, 'purchase').at(-1);
  const since = lastPurchase ? visit.slice(visit.indexOf(lastPurchase) + 1) : visit;
  const steps = ofType(since, 'checkout_step');
  const lastStep = steps.at(-1);
  if (lastStep) {
    const step = short(lastStep.event.step);
    return [
      struggleOf('cart_abandoned', [lastStep], {
        facts: { step },
        summary: `Left checkout at step "${step}"`,
      }),
    ];
  }
  const adds = ofType(since, 'cart_add');
  if (adds.length === 0) return [];
  const products = [
    ...new Set(adds.map(({ event }) => short(event.product.name ?? event.product.sku))),
  ];
  return [
    struggleOf('cart_abandoned', adds, {
      facts: { products },
      summary: `Added ${short(products.join(', '))} to the cart but did not check out`,
    }),
  ];
}

/** A struggle's facts, and the same in an English sentence. */
interface Facts<K extends StruggleKind> {
  facts: StruggleFacts[K];
  summary: string;
}

function struggleOf<K extends StruggleKind>(
  kind: K,
  about: StoredJourneyEvent[],
  { facts, summary }: Facts<K>,
): Struggle {
  const eventIds = about.map((stored) => stored.id);
  // TypeScript does not see that a `K` and its own facts make one member of the union.
  return { kind, summary, facts, at: about.at(-1)!.event.at, eventIds } as Struggle;
}

/** `/help*` → matches the URL's path `/help`, `/help/returns`; `*` matches anything. */
export function helpPageMatcher(patterns: readonly string[]): (url: string) => boolean {
  const regexes = patterns.map(
    (pattern) =>
      new RegExp(
        `^${pattern
          .split('*')
          .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
        'i',
      ),
  );
  return (url) => {
    const path = pathOf(url);
    return regexes.some((regex) => regex.test(path));
  };
}

function pathOf(url: string): string {
  try {
    return new URL(url, 'http://relative.invalid').pathname;
  } catch {
    return url;
  }
}

function times(count: number): string {
  return count > 1 ? ` (${count} times)` : '';
}

function short(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
