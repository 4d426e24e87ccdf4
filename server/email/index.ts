/** Outgoing email: the SMTP transport and the transcript the chat sends. */
export { emailConfigFromUrl, hubUrlFromEnv, type EmailConfig } from './config.js';
export { smtpMailer, type Mailer, type OutgoingEmail } from './transport.js';
export { isEmailAddress } from './address.js';

import type { HubConfig } from '../config/index.js';
import { smtpMailer, type Mailer } from './transport.js';

/** The hub's mailer, made on first use; null when the config has no `email`. */
export function lazyMailer(config: HubConfig): () => Mailer | null {
  let mailer: Mailer | null = null;
  return () => (config.email ? (mailer ??= smtpMailer(config.email)) : null);
}
