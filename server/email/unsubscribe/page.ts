import { createHash } from 'node:crypto';
import { escapeHtml, fill } from '../transcript.js';
import { unsubscribeStrings, type UnsubscribeLanguage } from './strings.js';

/** What the page says: the question with its button, the answer, or that the link is bad. */
export type PageState = 'ask' | 'done' | 'invalid';

const css =
  'body{font:1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}' +
  'button{font:inherit;padding:.5rem 1rem}';

/** Nothing but this page's own form and style: no script, nothing from elsewhere, no framing. */
export const pageSecurityPolicy =
  `default-src 'none'; style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'; ` +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The page, every value in it escaped. `action` is the link itself, for the button's POST. */
export function unsubscribePage(
  state: PageState,
  language: UnsubscribeLanguage,
  values: { site: string; email: string; action: string },
): string {
  const words = unsubscribeStrings[language];
  const say = (text: string) => escapeHtml(fill(text, values));
  const title = values.site ? words.title : words.anyTitle;
  const body =
    state === 'ask'
      ? `<p>${say(words.ask)}</p>
<form method="post" action="${escapeHtml(values.action)}"><button type="submit">${say(words.button)}</button></form>`
      : `<p role="status">${say(state === 'done' ? words.done : words.invalid)}</p>`;
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${say(title)}</title><style>${css}</style></head>
<body><main>
<h1>${say(title)}</h1>
${body}
<p>${say(words.footer)}</p>
</main></body></html>`;
}
