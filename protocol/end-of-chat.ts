/** Pre-chat form, verified customers and the end of a chat. Types only. */

import type { LocalizedText } from './localized-text.js';

/** The pre-chat form's fields; each site enables the ones it wants. */
export type PrechatFieldName = 'name' | 'email' | 'topic';

/**
 * A topic the visitor may choose; `queueId` sends the conversation to that queue. `label`
 * is what is stored and what agents read; `labels`, if given, is what visitors read in
 * their language.
 */
export interface PrechatTopic {
  label: string;
  labels?: Record<string, string>;
  queueId?: string;
}

export interface PrechatField {
  name: PrechatFieldName;
  /** False unless the site requires it. */
  required: boolean;
  /** `topic` only: the choices, in order. */
  options?: PrechatTopic[];
}

/** Widget settings part `prechat`: absent when the site has no pre-chat form. */
export interface PrechatSettings {
  fields: PrechatField[];
  /** Shown above the form, in the site's words (one language or several). */
  greeting?: LocalizedText;
}

/** Widget settings part `endOfChat`: what the end view offers besides the rating. */
export interface EndOfChatSettings {
  /** The hub can email a transcript (it has SMTP configured). */
  transcript: boolean;
}

/** The visitor's answers as the hub stored them (trimmed; empty answers left out). */
export type PrechatAnswers = Partial<Record<PrechatFieldName, string>>;

/** The visitor's CSAT rating of a conversation. */
export interface ConversationRating {
  /** 1 (very poor) to 5 (excellent). */
  score: number;
  comment: string | null;
  /** ISO 8601. */
  ratedAt: string;
}

/** `visitor.identify`'s result: who the identity token says the visitor is. */
export interface VerifiedCustomer {
  customerId: string;
  name: string | null;
  email: string | null;
}
