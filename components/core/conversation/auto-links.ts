import { html } from 'lit';

/** A piece of a message: plain text, or a link the tokenizer found safe. */
export type TextToken =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string; external: boolean };

// Candidates only; each is checked again below. Anything else (javascript:, data:, ...) stays text.
const candidates =
  /\b(?:https?:\/\/|www\.)[^\s<>"]+|\bmailto:[^\s<>"]+|\btel:\+?[\d().-]+|\b[\w.%+-]+@[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}\b/gi;
const trailingPunctuation = /[.,;:!?'"]+$/;
const emailAddress = /^[\w.%+-]+@[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}$/i;

/**
 * Splits a message into text and links: http(s) URLs (and "www." ones), mailto: and bare
 * e-mail addresses, tel: numbers. Pure: no DOM, so the rules are tested on their own.
 */
export function linkTokens(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let rest = 0;
  for (const match of text.matchAll(candidates)) {
    const shown = trimmed(match[0]);
    const href = hrefFor(shown);
    if (!href) continue;
    const start = match.index;
    if (start > rest) tokens.push({ kind: 'text', text: text.slice(rest, start) });
    tokens.push({ kind: 'link', text: shown, href, external: /^https?:/i.test(href) });
    rest = start + shown.length;
  }
  if (rest < text.length) tokens.push({ kind: 'text', text: text.slice(rest) });
  return mergeText(tokens);
}

/**
 * Renders a message's text with its links as Lit templates: text stays text, never HTML.
 * `newTabHint` is read after links that open a new tab (e.g. "(opens in a new tab)").
 */
export function renderLinkedText(text: string, newTabHint = '') {
  return linkTokens(text).map((token) => {
    if (token.kind === 'text') return token.text;
    if (!token.external)
      return html`<a href=${token.href} rel="noopener noreferrer nofollow">${token.text}</a>`;
    return html`<a href=${token.href} target="_blank" rel="noopener noreferrer nofollow"
      >${token.text}${newTabHint ? html`<span class="visually-hidden"> ${newTabHint}</span>` : ''}</a
    >`;
  });
}

/** Sentence punctuation and an unbalanced closing bracket after a link belong to the sentence. */
function trimmed(candidate: string): string {
  let text = candidate.replace(trailingPunctuation, '');
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
  ] as const) {
    while (text.endsWith(close) && count(text, close) > count(text, open)) {
      text = text.slice(0, -1).replace(trailingPunctuation, '');
    }
  }
  return text;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The href for a candidate, or null when it is not a link we allow. */
function hrefFor(shown: string): string | null {
  const lower = shown.toLowerCase();
  if (lower.startsWith('mailto:'))
    return emailAddress.test(shown.slice(7).split('?')[0] ?? '') ? shown : null;
  if (lower.startsWith('tel:'))
    return (shown.match(/\d/g)?.length ?? 0) >= 3 ? `tel:${shown.slice(4)}` : null;
  if (!/^(https?:\/\/|www\.)/i.test(shown))
    return emailAddress.test(shown) ? `mailto:${shown}` : null;
  try {
    const url = new URL(lower.startsWith('www.') ? `https://${shown}` : shown);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

function mergeText(tokens: TextToken[]): TextToken[] {
  const merged: TextToken[] = [];
  for (const token of tokens) {
    const last = merged[merged.length - 1];
    if (token.kind === 'text' && last?.kind === 'text') last.text += token.text;
    else merged.push(token);
  }
  return merged;
}
