import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { newCommandId } from '../core/hub/command-id.js';
import { visitorCredentials } from '../core/hub/credentials.js';
import { Outbox } from '../core/hub/outbox.js';
import type { CxChat } from './cx-chat.js';
import './index.js';

// Set by web-test-runner.config.js, which starts a real hub for this run.
const hubUrl = (globalThis as { __CX_TEST_HUB__?: string }).__CX_TEST_HUB__ ?? '';

describe('chat panel outbox (real hub)', () => {
  const outboxKey = Outbox.keyFor(hubUrl, 'demo');
  afterEach(() => localStorage.clear());

  it('shows a message left unsent by the last page as pending, then sends it once', async () => {
    // The last page: a visitor who typed a message that never reached the hub.
    await visitorCredentials(hubUrl, 'demo').token();
    const id = newCommandId();
    const text = 'typed before the reload';
    localStorage.setItem(
      outboxKey,
      JSON.stringify([{ id, text, createdAt: new Date().toISOString() }]),
    );

    const root = await fixture(
      html`<div>
        <cx-config hub=${hubUrl} site-key="demo"></cx-config>
        <cx-chat></cx-chat>
      </div>`,
    );
    const chat = root.querySelector<CxChat>('cx-chat')!;
    await chat.updateComplete;
    chat.shadowRoot!.querySelector<HTMLButtonElement>('[part="launcher"]')!.click();
    const lines = () => [...chat.shadowRoot!.querySelectorAll('[part="message"]')];
    await waitUntil(() => lines().length > 0, 'the kept message is shown');
    expect(lines()[0]!.querySelector('.text')!.textContent).to.equal(text);

    await waitUntil(
      () => lines().some((line) => line.classList.contains('sent')),
      'the kept message is sent',
      { timeout: 10000 },
    );
    // The stream's replay and the ack are one line: the hub stored it once.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines().map((line) => line.querySelector('.text')!.textContent)).to.deep.equal([text]);
    expect(localStorage.getItem(outboxKey)).to.equal(null);
    await expect(chat).to.be.accessible();
  });
});
