import type { FastifyInstance } from 'fastify';
import type { Mailbox, ReceivedMail } from './mailbox.js';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The mail's List-Unsubscribe link, as the mail app's button would follow it. */
function unsubscribeLink(mail: ReceivedMail): string {
  const url = /^<(https?:\/\/[^>]+)>$/.exec(mail.headers['list-unsubscribe'] ?? '')?.[1];
  return url
    ? `\n  <p>Unsubscribe (List-Unsubscribe): <a href="${escape(url)}">${escape(url)}</a></p>`
    : '';
}

/**
 * `GET /demo/mailbox`: the mails the demo hub sent (chat transcripts), newest first, as
 * plain text. Nothing of a mail is ever rendered as HTML.
 */
export function mailboxPage(mailbox: Mailbox) {
  return async (app: FastifyInstance) => {
    app.get('/demo/mailbox', async (_request, reply) => {
      const items = [...mailbox.mails]
        .reverse()
        .map(
          (mail) => `<article>
  <h2>${escape(mail.subject || '(no subject)')}</h2>
  <p>To <strong>${escape(mail.to)}</strong> · from ${escape(mail.from)} · ${escape(mail.receivedAt.toISOString())}</p>
  <pre>${escape(mail.text)}</pre>${unsubscribeLink(mail)}
</article>`,
        )
        .join('\n');
      void reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Demo mailbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}
pre{white-space:pre-wrap;background:#f4f4f5;padding:1rem;border-radius:.5rem}</style></head>
<body><h1>Demo mailbox</h1>
<p>Mail the demo hub sent (for example "Email me the transcript" in the chat). Reload to see new mail.</p>
${items || '<p>No mail yet.</p>'}
</body></html>`;
    });
  };
}
