import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { HubConnection, HubConnectionSource } from '../../core/hub/hub-connection.js';
import type { CxChat } from '../cx-chat.js';
import '../index.js';

export interface MountOptions {
  locale?: string;
  identityToken?: string;
  /** `<cx-chat open>`: the panel open from the start. */
  open?: boolean;
  /** `<cx-chat queue>`. */
  queue?: string;
}

/**
 * A `<cx-config>` on `connection` (one fake hub connection, or a source of them such as
 * the fake hub itself) beside a `<cx-chat>`, both settled: the chat tests' page.
 */
export async function mountChat(
  connection: HubConnection | HubConnectionSource,
  options: MountOptions = {},
) {
  const root = await fixture<HTMLElement>(
    html`<div>
      <cx-config
        .connection=${connection}
        locale=${options.locale ?? ''}
        identity-token=${options.identityToken ?? ''}
      ></cx-config>
      <cx-chat ?open=${options.open} queue=${ifDefined(options.queue)}></cx-chat>
    </div>`,
  );
  const config = root.querySelector('cx-config')!;
  const chat = root.querySelector('cx-chat')!;
  await config.updateComplete;
  await chat.updateComplete;
  return { root, config, chat };
}

/** Opens the panel with the launcher and waits until `ready` (by default the message box) shows. */
export async function openPanel(chat: CxChat, ready = 'textarea'): Promise<void> {
  chat.shadowRoot!.querySelector<HTMLButtonElement>('[part="launcher"]')!.click();
  await waitUntil(() => chat.shadowRoot!.querySelector(ready), 'panel open');
}
