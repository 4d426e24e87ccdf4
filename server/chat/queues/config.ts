import { Temporal } from 'temporal-polyfill';
import type { BusinessHours, QueueConfig, SiteConfig } from '../../config/types.js';

/** What a site without `queues` gets: one queue, always open. */
export const defaultQueues: readonly QueueConfig[] = [{ id: 'general', name: 'General' }];

/** The site's queues, first is the default. */
export function queuesOf(site: Pick<SiteConfig, 'queues'> | undefined): readonly QueueConfig[] {
  return site?.queues?.length ? site.queues : defaultQueues;
}

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const intervals = {
  type: 'array',
  maxItems: 24,
  items: { type: 'string', minLength: 1, maxLength: 11 },
} as const;

/** `sites[].queues`; interval, date and zone forms are checked in `queuesConfigProblem`. */
export const queuesSchema = {
  type: 'array',
  maxItems: 50,
  items: {
    type: 'object',
    required: ['id', 'name'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' },
      name: { type: 'string', minLength: 1, maxLength: 100 },
      hours: {
        type: 'object',
        required: ['timeZone', 'weekly'],
        additionalProperties: false,
        properties: {
          timeZone: { type: 'string', minLength: 1, maxLength: 100 },
          weekly: {
            type: 'object',
            additionalProperties: false,
            properties: Object.fromEntries(weekdays.map((day) => [day, intervals])),
          },
          holidays: {
            type: 'array',
            maxItems: 1000,
            items: {
              anyOf: [
                { type: 'string', maxLength: 10 },
                {
                  type: 'object',
                  required: ['date', 'hours'],
                  additionalProperties: false,
                  properties: { date: { type: 'string', maxLength: 10 }, hours: intervals },
                },
              ],
            },
          },
        },
      },
    },
  },
} as const;

/** Minutes since midnight by the wall clock; `end` may be 1440 (24:00). */
export interface Interval {
  start: number;
  end: number;
}

/** `"09:00-17:30"` → minutes, or a reason it is not an interval. */
export function parseInterval(text: string): Interval | string {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text);
  if (!match) return 'must look like "09:00-17:00"';
  const [sh, sm, eh, em] = match.slice(1).map(Number) as [number, number, number, number];
  const start = sh * 60 + sm;
  const end = eh * 60 + em;
  if (sh > 23 || sm > 59 || em > 59 || end > 1440) return 'has a time that does not exist';
  if (end <= start) {
    return 'ends before it starts: split a night into "22:00-24:00" and the next day\'s "00:00-06:00"';
  }
  return { start, end };
}

/** Sorted intervals of one day, or the first problem found. */
export function parseDay(texts: readonly string[], field: string): Interval[] | string {
  const parsed: Interval[] = [];
  for (const [j, text] of texts.entries()) {
    const interval = parseInterval(text);
    if (typeof interval === 'string') return `${field}[${j}] ${interval} (got "${text}")`;
    parsed.push(interval);
  }
  parsed.sort((a, b) => a.start - b.start);
  for (let j = 1; j < parsed.length; j++) {
    if (parsed[j]!.start < parsed[j - 1]!.end)
      return `${field} has overlapping intervals (${texts.join(', ')})`;
  }
  return parsed;
}

export function isTimeZone(zone: string): boolean {
  // Offsets ("+09:00") are valid Temporal zones but know no DST: ask for a real IANA name.
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    Temporal.Now.zonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** The first problem of a site's queues (names the field), or undefined. */
export function queuesConfigProblem(
  queues: readonly QueueConfig[],
  field: string,
): string | undefined {
  if (queues.length === 0)
    return `${field} must list at least one queue, or be left out (one "general" queue, always open)`;
  const ids = new Set<string>();
  for (const [i, queue] of queues.entries()) {
    if (ids.has(queue.id)) return `${field}[${i}].id "${queue.id}" is used by another queue`;
    ids.add(queue.id);
    const problem = queue.hours && hoursProblem(queue.hours, `${field}[${i}].hours`);
    if (problem) return problem;
  }
  return undefined;
}

function hoursProblem(hours: BusinessHours, field: string): string | undefined {
  if (!isTimeZone(hours.timeZone)) {
    return `${field}.timeZone must be an IANA time zone like "Europe/Berlin" (got "${hours.timeZone}")`;
  }
  for (const day of weekdays) {
    const problem = parseDay(hours.weekly[day] ?? [], `${field}.weekly.${day}`);
    if (typeof problem === 'string') return problem;
  }
  const dates = new Set<string>();
  for (const [j, holiday] of (hours.holidays ?? []).entries()) {
    const date = typeof holiday === 'string' ? holiday : holiday.date;
    const at = `${field}.holidays[${j}]`;
    if (!isDate(date)) return `${at} must be a date like "2026-12-25" (got "${date}")`;
    if (dates.has(date)) return `${at} "${date}" is listed twice`;
    dates.add(date);
    if (typeof holiday !== 'string') {
      const problem = parseDay(holiday.hours, `${at}.hours`);
      if (typeof problem === 'string') return problem;
    }
  }
  return undefined;
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}
