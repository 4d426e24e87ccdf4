import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CxAgentInbox } from '../../agent-inbox/cx-agent-inbox.js';
import '../../agent-inbox/index.js';
import type { CxChat } from '../../chat/cx-chat.js';
import '../../chat/index.js';
import { FakeHub } from '../testing/fake-hub.js';

// Set by web-test-runner.config.js, which starts a real hub for this run.
const hubUrl = (globalThis as { __CX_TEST_HUB__?: string }).__CX_TEST_HUB__ ?? '';

/** A valid 1×1 PNG. */
const pngBytes = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
);
const png = (name = 'photo.png') => new File([pngBytes], name, { type: 'image/png' });
const pdf = () => new File(['%PDF-1.4\n%%EOF'], 'invoice.pdf', { type: 'application/pdf' });

async function openChat(hub: FakeHub | null) {
  const root = await fixture(
    hub
      ? html`<div><cx-config .connection=${hub}></cx-config><cx-chat></cx-chat></div>`
      : html`<div><cx-config hub=${hubUrl} site-key="demo"></cx-config><cx-chat></cx-chat></div>`,
  );
  const chat = root.querySelector<CxChat>('cx-chat')!;
  await chat.updateComplete;
  chat.shadowRoot!.querySelector<HTMLButtonElement>('[part="launcher"]')!.click();
  const $ = <T extends Element>(selector: string) => chat.shadowRoot!.querySelector<T>(selector);
  await waitUntil(() => $('[part="attach-button"] input[type="file"]'), 'the picker shows');
  return { chat, $ };
}

/** Chooses files as the browser's file dialog would. */
function choose(input: HTMLInputElement, ...files: File[]) {
  const transfer = new DataTransfer();
  files.forEach((file) => transfer.items.add(file));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const settle = (element: { updateComplete: Promise<unknown> }) =>
  new Promise((resolve) => setTimeout(resolve, 20)).then(() => element.updateComplete);

describe('attachments in cx-chat', () => {
  afterEach(() => localStorage.clear());

  it('shows a chosen file uploading, then ready, then sends it as a thumbnail', async () => {
    const hub = new FakeHub();
    hub.attachments.pause();
    const { chat, $ } = await openChat(hub);
    const input = $<HTMLInputElement>('input[type="file"]')!;
    expect(input.closest('label')!.textContent!.trim()).to.equal('Attach file');
    expect(input.accept).to.contain('image/png');

    choose(input, png());
    await settle(chat);
    const chosen = $('[part="attachments-chosen"]')!;
    expect(chosen.getAttribute('aria-label')).to.equal('Files to send');
    expect(chosen.querySelector('.file-name')!.textContent).to.equal('photo.png');
    expect(chosen.querySelector('progress')!.getAttribute('aria-label')).to.equal('Uploading… 50%');
    await expect(chat).to.be.accessible();

    hub.attachments.resume();
    await waitUntil(() => chosen.querySelector('.upload-state.ready'), 'the upload is done');
    expect(chosen.querySelector('.upload-state.ready')!.textContent).to.equal('Ready to send');
    await expect(chat).to.be.accessible();

    // Files alone make a message: no text needed.
    $<HTMLFormElement>('form.composer')!.requestSubmit();
    await waitUntil(() => $('[part="message"].sent img'), 'the message shows the image');
    const link = $<HTMLAnchorElement>('[part="message"] a.thumbnail')!;
    const image = link.querySelector('img')!;
    expect(image.alt).to.equal('photo.png');
    expect(link.href).to.match(/^blob:/);
    expect($('[part="attachments-chosen"]')).to.equal(null);
    await expect(chat).to.be.accessible();
  });

  it('refuses a file over the site limit before uploading, saying the limit', async () => {
    const hub = new FakeHub({ widget: { attachments: { maxBytes: 50 } } });
    const { chat, $ } = await openChat(hub);
    choose($<HTMLInputElement>('input[type="file"]')!, png('big.png'));
    await settle(chat);
    expect($('[part="attach-problem"]')!.getAttribute('role')).to.equal('alert');
    expect($('[part="attach-problem"]')!.textContent).to.match(
      /^“big.png” is too large: files may be up to .*50.*\.$/,
    );
    expect($('[part="attachments-chosen"]')).to.equal(null);
    await expect(chat).to.be.accessible();
  });

  it('refuses a type the site does not take, naming the ones it does', async () => {
    const hub = new FakeHub({
      widget: { attachments: { types: ['image/png', 'application/pdf'] } },
    });
    const { chat, $ } = await openChat(hub);
    const svg = new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' });
    choose($<HTMLInputElement>('input[type="file"]')!, svg);
    await settle(chat);
    expect($('[part="attach-problem"]')!.textContent).to.equal(
      '“logo.svg” cannot be sent: only PNG or PDF files are accepted.',
    );
    await expect(chat).to.be.accessible();
  });

  it('sends a PDF as a chip with name, size and kind, and lets a chosen file be removed', async () => {
    const { chat, $ } = await openChat(new FakeHub());
    choose($<HTMLInputElement>('input[type="file"]')!, pdf(), png());
    await settle(chat);
    const remove = [...chat.shadowRoot!.querySelectorAll<HTMLButtonElement>('.chosen button')];
    expect(remove.map((button) => button.getAttribute('aria-label'))).to.deep.equal([
      'Remove invoice.pdf',
      'Remove photo.png',
    ]);
    remove[1]!.click();
    await settle(chat);
    expect(chat.shadowRoot!.querySelectorAll('.chosen li')).to.have.length(1);

    $<HTMLTextAreaElement>('textarea')!.value = 'my invoice';
    $<HTMLFormElement>('form.composer')!.requestSubmit();
    await waitUntil(() => $('[part="message"].sent a.file-chip'), 'the PDF chip shows');
    const chip = $<HTMLAnchorElement>('[part="message"] a.file-chip')!;
    expect(chip.querySelector('.chip-kind')!.textContent).to.equal('PDF');
    expect(chip.querySelector('.chip-name')!.textContent).to.equal('invoice.pdf');
    expect(chip.querySelector('.chip-size')!.textContent).to.match(/byte/);
    expect($('[part="message"] .text')!.textContent).to.equal('my invoice');
    await expect(chat).to.be.accessible();
  });

  it('takes a pasted image', async () => {
    const { chat, $ } = await openChat(new FakeHub());
    const transfer = new DataTransfer();
    transfer.items.add(png('clipboard.png'));
    const paste = new ClipboardEvent('paste', {
      clipboardData: transfer,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    $('textarea')!.dispatchEvent(paste);
    await settle(chat);
    expect(paste.defaultPrevented).to.equal(true);
    expect($('.chosen .file-name')!.textContent).to.equal('clipboard.png');
  });

  it('uploads to a real hub, which serves the thumbnail back', async () => {
    const { chat, $ } = await openChat(null);
    choose($<HTMLInputElement>('input[type="file"]')!, png('real.png'));
    await waitUntil(() => $('.chosen .upload-state.ready'), 'uploaded to the hub', {
      timeout: 15000,
    });
    $<HTMLFormElement>('form.composer')!.requestSubmit();
    await waitUntil(() => $('[part="message"].sent img'), 'sent', { timeout: 15000 });
    const image = $<HTMLImageElement>('[part="message"] img')!;
    expect(image.src.startsWith(`${hubUrl}/api/v1/attachments/`)).to.equal(true);
    await waitUntil(() => image.complete && image.naturalWidth === 1, 'the image loads');
    await expect(chat).to.be.accessible();
  });
});

describe('attachments in cx-agent-inbox', () => {
  it("shows the visitor's image as a thumbnail and offers the picker for replies", async () => {
    const hub = new FakeHub();
    const visitor = hub.connect('visitor');
    const id = hub.attachments.add(png('damaged-box.png'), 'visitor-1');
    const { conversationId } = await visitor.command('chat.send', {
      text: 'it arrived like this',
      attachmentIds: [id],
    });
    const agent = hub.connect('agent');
    await agent.command('chat.accept', { conversationId });
    const root = await fixture(
      html`<div>
        <cx-agent-inbox selected-conversation=${conversationId}></cx-agent-inbox>
        <cx-config .connection=${hub}></cx-config>
      </div>`,
    );
    const inbox = root.querySelector<CxAgentInbox>('cx-agent-inbox')!;
    const $ = <T extends Element>(selector: string) => inbox.shadowRoot!.querySelector<T>(selector);
    await waitUntil(() => $('[part="message"] img'), 'the thumbnail shows');
    expect($<HTMLImageElement>('[part="message"] img')!.alt).to.equal('damaged-box.png');
    await waitUntil(() => $('[part="attach-button"]'), 'the reply composer offers files');
    await expect(inbox).to.be.accessible();
  });
});
