import type { OutgoingEmail } from './transport.js';
import { transcriptLocale, transcriptStrings } from './transcript-strings.js';

/** A visible line of the conversation (never an internal note). */
export interface TranscriptLine {
  role: 'visitor' | 'agent';
  authorName: string | null;
  text: string;
  at: Date;
  attachmentNames: string[];
}

export interface TranscriptRequest {
  to: string;
  siteName: string;
  lines: TranscriptLine[];
  /**
   * `transcript` (asked for in the chat), `reply`: the answer to a message the visitor left
   * outside hours, greeting them by `name`, or `missed`: answers in a chat the visitor left
   * before reading them.
   */
  kind?: 'transcript' | 'reply' | 'missed';
  name?: string;
  /** BCP 47 tag of the visitor's widget, e.g. `ko-KR`. */
  locale?: string;
  /** IANA zone for the times, e.g. `Asia/Seoul`; default UTC. */
  timeZone?: string;
  /** The link that stops the next emails like this one (answers; never a transcript asked for). */
  unsubscribeUrl?: string;
}

/** `text` with each `{name}` replaced by its value (empty when it has none). */
export const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/** `<`, `>`, `&`, quotes: customer text goes into the HTML only as text. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The transcript email: plain text and an HTML version of the same lines. */
export function renderTranscript(request: TranscriptRequest): OutgoingEmail {
  const language = transcriptLocale(request.locale);
  const all = transcriptStrings[language];
  // A reply or missed answers: the same email, its own subject, intro and footer.
  const kind = request.kind === 'transcript' ? undefined : request.kind;
  const words = kind
    ? {
        ...all,
        subject: all[`${kind}Subject`],
        intro: all[`${kind}Intro`],
        footer: all[`${kind}Footer`],
      }
    : all;
  const time = timeFormat(language, request.timeZone);
  const site = { site: request.siteName, name: request.name ?? '' };
  const lines = request.lines.map((line) => ({
    who: line.role === 'visitor' ? words.you : (line.authorName ?? words.agent),
    when: time.format(line.at),
    text: line.text,
    files: line.attachmentNames.map((name) => fill(words.attachment, { name })),
  }));

  const text = [
    fill(words.intro, site),
    '',
    ...lines.flatMap((line) => [
      `[${line.when}] ${line.who}: ${line.text}`,
      ...line.files.map((file) => `    ${file}`),
    ]),
    '',
    '-- ',
    words.footer,
    ...(request.unsubscribeUrl ? [`${words.stop}: ${request.unsubscribeUrl}`] : []),
  ].join('\n');

  const items = lines
    .map(
      (line) =>
        `<li><p><strong>${escapeHtml(line.who)}</strong> <small>${escapeHtml(line.when)}</small></p>` +
        `<p style="white-space:pre-wrap">${escapeHtml(line.text)}</p>` +
        line.files.map((file) => `<p><em>${escapeHtml(file)}</em></p>`).join('') +
        '</li>',
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(fill(words.subject, site))}</title></head>
<body>
<p>${escapeHtml(fill(words.intro, site))}</p>
<ol style="list-style:none;padding:0">
${items}
</ol>
<p><small>${escapeHtml(words.footer)}</small></p>
${request.unsubscribeUrl ? `<p><small><a href="${escapeHtml(request.unsubscribeUrl)}">${escapeHtml(words.stop)}</a></small></p>\n` : ''}</body></html>`;

  const email = { to: request.to, subject: fill(words.subject, site), text, html };
  if (!request.unsubscribeUrl) return email;
  // The mail app's own button: one POST to the link, no page to open (RFC 8058).
  const headers = {
    'List-Unsubscribe': `<${request.unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
  return { ...email, headers };
}

function timeFormat(language: string, timeZone: string | undefined): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone: timeZone || 'UTC' });
  } catch {
    // An unknown zone: UTC rather than no transcript.
    return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
  }
}
