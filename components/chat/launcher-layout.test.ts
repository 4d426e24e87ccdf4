import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { en } from '../core/i18n/en.js';
import { ko } from '../core/i18n/ko.js';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxChat } from './cx-chat.js';
import { mountChat } from './testing/mount-chat.js';

const mount = async (locale = '', open = false) =>
  (await mountChat(new FakeHub().connect('visitor'), { locale, open })).chat;

const part = (chat: CxChat, name: string) =>
  chat.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;

describe('cx-chat layout', () => {
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    document.documentElement.removeAttribute('dir');
  });

  it('fills a phone-sized screen when open, hides the launcher, stops the page scrolling', async () => {
    await setViewport({ width: 375, height: 667 });
    const chat = await mount('', true);
    const panel = part(chat, 'panel').getBoundingClientRect();
    expect([panel.left, panel.top, panel.width, panel.height]).to.deep.equal([0, 0, 375, 667]);
    expect(part(chat, 'launcher').hidden).to.equal(true);
    expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
    await expect(chat).to.be.accessible();

    chat.open = false;
    await chat.updateComplete;
    expect(getComputedStyle(document.documentElement).overflow).to.equal('visible');
    expect(part(chat, 'launcher').hidden).to.equal(false);
  });

  it('stays a corner panel on a wide screen, the page still scrolling', async () => {
    const chat = await mount('', true);
    const panel = part(chat, 'panel').getBoundingClientRect();
    expect(panel.width).to.be.below(400);
    expect(panel.right).to.equal(800 - 16);
    expect(getComputedStyle(document.documentElement).overflow).to.equal('visible');
  });

  it('mirrors for a right-to-left language: launcher and panel bottom-left', async () => {
    const chat = await mount('ar');
    expect(chat.dir).to.equal('rtl');
    expect(part(chat, 'launcher').getBoundingClientRect().left).to.equal(16);
    await expect(chat).to.be.accessible();
    chat.open = true;
    await chat.updateComplete;
    expect(part(chat, 'panel').getBoundingClientRect().left).to.equal(16);
    await expect(chat).to.be.accessible();
  });

  it('follows a right-to-left page, and turns back for a left-to-right language', async () => {
    document.documentElement.dir = 'rtl';
    const chat = await mount('en');
    expect(getComputedStyle(chat).direction).to.equal('rtl');
    expect(part(chat, 'launcher').getBoundingClientRect().left).to.equal(16);
    chat.parentElement!.querySelector('cx-config')!.setAttribute('locale', 'he');
    await chat.parentElement!.querySelector('cx-config')!.updateComplete;
    expect(chat.dir).to.equal('rtl');
  });

  it('has every chat, launcher and invitation string in Korean', () => {
    const keys = Object.keys(en).filter((key) => /^(chat|composer|invitation|status)\./.test(key));
    const missing = keys.filter((key) => !(key in ko));
    expect(missing).to.deep.equal([]);
  });
});
