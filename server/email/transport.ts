import nodemailer from 'nodemailer';
import type { EmailConfig } from './config.js';

/** One email as the hub writes it: plain text, and HTML whose text is escaped. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** More header fields, e.g. `List-Unsubscribe`. */
  headers?: Record<string, string>;
}

/** Sends mail; resolves once the SMTP server accepted the message. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** Mail through the configured SMTP server (nodemailer keeps no connection between sends). */
export function smtpMailer(config: EmailConfig): Mailer {
  const { host, port, secure = false, auth } = config.smtp;
  const transport = nodemailer.createTransport({
    host,
    port: port ?? (secure ? 465 : 587),
    secure,
    ...(auth ? { auth } : {}),
    // Fail a command in seconds rather than hold the visitor's request for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(email) {
      await transport.sendMail({ from: config.from, ...email });
    },
    close: () => transport.close(),
  };
}
