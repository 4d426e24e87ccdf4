import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as the demo mailbox received it. */
export interface ReceivedMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Every header field by its lower-case name, unfolded (`list-unsubscribe`, …). */
  headers: Record<string, string>;
  receivedAt: Date;
}

export interface Mailbox {
  /** SMTP port on 127.0.0.1. */
  port: number;
  /** `smtp://127.0.0.1:PORT`, for CXKIT_SMTP_URL. */
  url: string;
  /** Newest last; the oldest are dropped past `keep`. */
  readonly mails: ReceivedMail[];
  /** While true, every mail is refused with a temporary error (451), as by a server in trouble. */
  refusing: boolean;
  /** Resolves with the first mail (already received or next) that matches. */
  next(match?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * An SMTP server on loopback that accepts any mail and keeps it in memory, parsed: the
 * demo's mailbox (so a newcomer sees a transcript arrive) and the tests' SMTP peer.
 */
export async function startMailbox({ port = 0, keep = 50 } = {}): Promise<Mailbox> {
  const mails: ReceivedMail[] = [];
  let waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to offer.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      if (mailbox.refusing) {
        stream.resume();
        stream.on('end', () =>
          done(Object.assign(new Error('mailbox unavailable, try later'), { responseCode: 451 })),
        );
        return;
      }
      simpleParser(stream).then(
        (parsed) => {
          mails.push({
            from: parsed.from?.text ?? '',
            to: [parsed.to ?? []]
              .flat()
              .map((address) => address.text)
              .join(', '),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers: Object.fromEntries(
              parsed.headerLines.map(({ key, line }) => [
                key,
                line
                  .slice(line.indexOf(':') + 1)
                  .replace(/\r?\n/g, '')
                  .trim(),
              ]),
            ),
            receivedAt: new Date(),
          });
          if (mails.length > keep) mails.shift();
          waiters.forEach((wake) => wake());
          done();
        },
        (error: Error) => done(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.server.address() as AddressInfo).port;
  const mailbox: Mailbox = {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    mails,
    refusing: false,
    next(match = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const mail = mails.find(match);
          if (!mail) return;
          clearTimeout(timer);
          waiters = waiters.filter((wake) => wake !== check);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((wake) => wake !== check);
          reject(new Error(`no matching mail within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return mailbox;
}
