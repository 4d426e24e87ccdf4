import type { EventFrame, ServerFrame } from '../../protocol/index.js';

/**
 * Frames as JSON text. A chat message travels in its event, to every subscriber, and in the
 * answer to its sender; it is serialized once and its text goes into both. Serializing it
 * twice was a sixth of the hub's main thread under chat load; this halves that.
 */
const texts = new WeakMap<object, string>();

function once(value: object): string {
  let text = texts.get(value);
  if (text === undefined) texts.set(value, (text = JSON.stringify(value)));
  return text;
}

/** `holder` as JSON, its `message` (when an object) as already serialized, last. */
function withMessage(holder: unknown): string {
  const message = (holder as { message?: unknown } | null)?.message;
  if (typeof message !== 'object' || message === null) return JSON.stringify(holder);
  const rest = JSON.stringify({ ...(holder as object), message: undefined });
  return `${rest.slice(0, -1)}${rest === '{}' ? '' : ','}"message":${once(message)}}`;
}

/** An event, serialized once for all its subscribers. */
export function eventText(frame: ServerFrame): string {
  let text = texts.get(frame);
  if (text === undefined) {
    const { event } = frame as EventFrame;
    const rest = JSON.stringify({ ...frame, event: undefined });
    text = event === undefined ? rest : `${rest.slice(0, -1)},"event":${withMessage(event)}}`;
    texts.set(frame, text);
  }
  return text;
}

/** A command's answer, with the events that ride in it (`Connection.#ack`). */
export function ackText(id: string, result: unknown, events: EventFrame[]): string {
  const answer = `{"v":1,"type":"ack","id":${JSON.stringify(id)}`;
  const withResult = result === undefined ? answer : `${answer},"result":${withMessage(result)}`;
  return events.length === 0
    ? `${withResult}}`
    : `${withResult},"events":[${events.map(eventText).join(',')}]}`;
}
