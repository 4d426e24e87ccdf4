/** Queues, business hours, places in line and messages left outside hours. Types only. */

/** A queue of a site as widgets and the desk name it. */
export interface QueueRef {
  id: string;
  name: string;
}

/** Whether a queue takes chats now, by its business hours. */
export interface QueueHours extends QueueRef {
  open: boolean;
  /** ISO 8601 instant of the next opening while closed; null while open or when it never opens again. */
  nextOpenAt: string | null;
  /** ISO 8601 instant it closes while open; null while closed or when it never closes (no hours). */
  closesAt: string | null;
}

/** The `hours` part of `GET /api/v1/sites/:siteKey/widget`: every queue of the site, first is the default. */
export interface HoursWidgetPart {
  queues: QueueHours[];
}

/** Who to answer a message left outside business hours. */
export interface OfflineContact {
  name: string;
  email: string;
  /** The visitor's language and zone when they left it: the emailed answer uses them. */
  locale?: string;
  timeZone?: string;
}

/** `chat.status`: a queue's hours and, for a waiting conversation, its place in line. */
export interface ChatStatus {
  queue: QueueHours;
  /** 1 = next in line; null unless the conversation is waiting in the queue. */
  position: number | null;
  /** Estimated seconds until an agent accepts; null when unknown (no history, no agent available). */
  etaSeconds: number | null;
}
