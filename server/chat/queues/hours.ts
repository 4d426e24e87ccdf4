import { Temporal } from 'temporal-polyfill';
import type { BusinessHours } from '../../config/types.js';
import { parseDay, weekdays, type Interval } from './config.js';

/** Open and close times are looked for this far ahead; a queue closed longer "never" opens. */
const horizonDays = 400;

/** A queue's hours, parsed once: intervals per ISO weekday (1 = Monday) and per special date. */
export interface CompiledHours {
  timeZone: string;
  weekly: Interval[][];
  /** Holidays: `[]` closed all day, or that day's own intervals. */
  dates: Map<string, Interval[]>;
}

/** Parses validated hours (the config check already rejected bad intervals). */
export function compileHours(hours: BusinessHours): CompiledHours {
  const day = (texts: readonly string[] | undefined) => parseDay(texts ?? [], '') as Interval[];
  const weekly = [[], ...weekdays.map((name) => day(hours.weekly[name]))];
  const dates = new Map<string, Interval[]>();
  for (const holiday of hours.holidays ?? []) {
    if (typeof holiday === 'string') dates.set(holiday, []);
    else dates.set(holiday.date, day(holiday.hours));
  }
  return { timeZone: hours.timeZone, weekly, dates };
}

export interface OpenState {
  open: boolean;
  nextOpenAt: string | null;
  closesAt: string | null;
}

/**
 * Whether the queue is open at `now`, and when that changes. Intervals are wall-clock
 * times of the zone: an interval is open from the first instant the clock shows its start
 * (the end of a DST gap if the start falls into one) to the last instant it shows its end
 * (the second pass of a repeated hour). Without hours the queue is always open.
 */
export function openState(hours: CompiledHours | undefined, now: Date): OpenState {
  if (!hours) return { open: true, nextOpenAt: null, closesAt: null };
  const at = Temporal.Instant.fromEpochMilliseconds(now.getTime());
  const today = at.toZonedDateTimeISO(hours.timeZone).toPlainDate();
  let current: { start: Temporal.Instant; end: Temporal.Instant } | undefined;
  for (let offset = -1; offset <= horizonDays; offset++) {
    for (const span of daySpans(hours, today.add({ days: offset }))) {
      if (!current) {
        if (Temporal.Instant.compare(span.end, at) <= 0) continue;
        if (Temporal.Instant.compare(span.start, at) > 0)
          return { open: false, nextOpenAt: iso(span.start), closesAt: null };
        current = span;
      } else if (Temporal.Instant.compare(span.start, current.end) <= 0) {
        // Back to back (22:00-24:00, then 00:00-02:00): one opening.
        if (Temporal.Instant.compare(span.end, current.end) > 0)
          current = { ...current, end: span.end };
      } else {
        return { open: true, nextOpenAt: null, closesAt: iso(current.end) };
      }
    }
  }
  return current
    ? { open: true, nextOpenAt: null, closesAt: iso(current.end) }
    : { open: false, nextOpenAt: null, closesAt: null };
}

/** The day's intervals as instants, in order. */
function daySpans(hours: CompiledHours, date: Temporal.PlainDate) {
  const intervals = hours.dates.get(date.toString()) ?? hours.weekly[date.dayOfWeek] ?? [];
  return intervals.map(({ start, end }) => ({
    start: wallInstant(hours.timeZone, date, start, 'first'),
    end: wallInstant(hours.timeZone, date, end, 'last'),
  }));
}

/**
 * The instant the zone's clock shows `minutes` on `date`: the first or last time it does
 * (a repeated hour when clocks go back), or the moment clocks jump past it (a DST gap).
 */
export function wallInstant(
  timeZone: string,
  date: Temporal.PlainDate,
  minutes: number,
  which: 'first' | 'last',
): Temporal.Instant {
  if (minutes === 1440) return date.add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant();
  const wall = date.toPlainDateTime({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  if (!earlier.toPlainDateTime().equals(wall)) {
    // In a gap: the wall time never shows; the first instant after it is the transition.
    return earlier.getTimeZoneTransition('next')!.toInstant();
  }
  if (which === 'first') return earlier.toInstant();
  return wall.toZonedDateTime(timeZone, { disambiguation: 'later' }).toInstant();
}

function iso(instant: Temporal.Instant): string {
  return new Date(instant.epochMilliseconds).toISOString();
}
