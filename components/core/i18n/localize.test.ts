import { expect, fixture, html } from '@open-wc/testing';
import '../../chat/index.js';
import type { CxChat } from '../../chat/cx-chat.js';
import { FakeHub } from '../testing/fake-hub.js';
import { registerTranslation } from './catalogs.js';

const launcherText = (chat: CxChat) =>
  chat.shadowRoot!.querySelector('[part="launcher"]')!.textContent!.trim();

async function mount(locale: string) {
  const root = await fixture(
    html`<div>
      <cx-config locale=${locale} .connection=${new FakeHub().connect('visitor')}></cx-config>
      <cx-chat></cx-chat>
    </div>`,
  );
  const config = root.querySelector('cx-config')!;
  const chat = root.querySelector('cx-chat')!;
  await config.updateComplete;
  await chat.updateComplete;
  return { config, chat };
}

describe('localization', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('switches English → Korean by cx-config locale', async () => {
    const { config, chat } = await mount('en');
    expect(launcherText(chat)).to.equal('Open chat');
    config.locale = 'ko';
    await config.updateComplete;
    await chat.updateComplete;
    expect(launcherText(chat)).to.equal('채팅 열기');
    chat.shadowRoot!.querySelector<HTMLButtonElement>('[part="launcher"]')!.click();
    await chat.updateComplete;
    const labels = [...chat.shadowRoot!.querySelectorAll('label, button, h2')].map((e) =>
      e.textContent!.trim(),
    );
    expect(labels).to.include.members(['메시지', '보내기', '채팅 닫기']);
  });

  it('follows <html lang> when cx-config sets no locale, also when it changes', async () => {
    document.documentElement.lang = 'ko-KR';
    const { chat } = await mount('');
    expect(launcherText(chat)).to.equal('채팅 열기');
    document.documentElement.lang = 'en';
    await new Promise((resolve) => setTimeout(resolve)); // MutationObserver, then render
    await chat.updateComplete;
    expect(launcherText(chat)).to.equal('Open chat');
  });

  it('prefers cx-config locale over <html lang>', async () => {
    document.documentElement.lang = 'en';
    const { chat } = await mount('ko');
    expect(launcherText(chat)).to.equal('채팅 열기');
  });

  it('falls back to English per missing key', async () => {
    registerTranslation('xx', { 'chat.open': 'Xopen' });
    const { chat } = await mount('xx');
    expect(launcherText(chat)).to.equal('Xopen');
    chat.shadowRoot!.querySelector<HTMLButtonElement>('[part="launcher"]')!.click();
    await chat.updateComplete;
    expect(chat.shadowRoot!.querySelector('.header button')!.textContent!.trim()).to.equal(
      'Close chat',
    );
  });

  it('has a Korean string for every English key', async () => {
    const [{ en }, { ko }] = await Promise.all([import('./en.js'), import('./ko.js')]);
    expect(Object.keys(ko).sort()).to.deep.equal(Object.keys(en).sort());
  });
});
