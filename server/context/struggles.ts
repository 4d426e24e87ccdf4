import type {
  JourneyEvent,
  StoredJourneyEvent,
  Struggle,
  StruggleKind,
} from '../../protocol/index.js';

/** Repeated visits to help pages within one visit that count as a struggle. */
const helpVisitsThreshold = 2;
/** Form errors on one form within one visit that count as a struggle. */
const formErrorsThreshold = 2;

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
      ...grouped(
        visit,
        'js_error',
        (e) => e.message,
        (e, n) => `${short(e.message)}${times(n)}`,
      ),
      ...grouped(
        visit,
        'request_failed',
        (e) => `${e.method.toUpperCase()} ${pathOf(e.target)} ${e.status}`,
        (e, n) =>
          `${e.method.toUpperCase()} ${short(pathOf(e.target))} failed with ${e.status}${times(n)}`,
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
  summarize: (event: EventOf<T>, count: number) => string,
): Struggle[] {
  const groups = new Map<string, Array<StoredJourneyEvent & { event: EventOf<T> }>>();
  for (const stored of ofType(visit, kind)) {
    const key = keyOf(stored.event);
    groups.set(key, [...(groups.get(key) ?? []), stored]);
  }
  return [...groups.values()].map((group) =>
    struggleOf(kind, group, summarize(group.at(-1)!.event, group.length)),
  );
}

function helpPageVisits(
  visit: StoredJourneyEvent[],
  isHelpPage: (url: string) => boolean,
): Struggle[] {
  const views = ofType(visit, 'page_view').filter((stored) => isHelpPage(stored.event.url));
  if (views.length < helpVisitsThreshold) return [];
  const paths = [...new Set(views.map((stored) => pathOf(stored.event.url)))];
  return [
    struggleOf(
      'help_pages',
      views,
      `Visited help or contact pages ${views.length} times: ${short(paths.join(', '))}`,
    ),
  ];
}

function formRetries(visit: StoredJourneyEvent[]): Struggle[] {
  const byForm = new Map<string, Array<StoredJourneyEvent & { event: EventOf<'form_error'> }>>();
  for (const stored of ofType(visit, 'form_error')) {
    byForm.set(stored.event.form, [...(byForm.get(stored.event.form) ?? []), stored]);
  }
  return [...byForm.entries()]
    .filter(([, errors]) => errors.length >= formErrorsThreshold)
    .map(([form, errors]) => {
      const last = errors.at(-1)!.event;
      return struggleOf(
        'form_retries',
        errors,
        `Form "${short(form)}" failed ${errors.length} times; last: ${short(last.field)}: ${short(last.message)}`,
      );
    });
}

/** A checkout step without a later purchase, or items added without any checkout after. */
function abandonedCart(visit: StoredJourneyEvent[]): Struggle[] {
  const lastPurchase = ofType(visit, 'purchase').at(-1);
  const since = lastPurchase ? visit.slice(visit.indexOf(lastPurchase) + 1) : visit;
  const steps = ofType(since, 'checkout_step');
  const lastStep = steps.at(-1);
  if (lastStep) {
    return [
      struggleOf(
        'cart_abandoned',
        [lastStep],
        `Left checkout at step "${short(lastStep.event.step)}"`,
      ),
    ];
  }
  const adds = ofType(since, 'cart_add');
  if (adds.length === 0) return [];
  const names = [
    ...new Set(adds.map((stored) => stored.event.product.name ?? stored.event.product.sku)),
  ];
  return [
    struggleOf(
      'cart_abandoned',
      adds,
      `Added ${short(names.join(', '))} to the cart but did not check out`,
    ),
  ];
}

function struggleOf(kind: StruggleKind, about: StoredJourneyEvent[], summary: string): Struggle {
  return { kind, summary, at: about.at(-1)!.event.at, eventIds: about.map((stored) => stored.id) };
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
