import { expect } from '@open-wc/testing';
import type { EventFrame } from '../../../protocol/index.js';
import { linkTokens } from './auto-links.js';
import { dayKey, dayLabel, formatFullTime } from './message-time.js';
import { ReceiptPositions } from './receipts.js';
import { TypingReporter, TypingWatcher, typingThrottleMs } from './typing.js';

const links = (text: string) =>
  linkTokens(text).flatMap((token) =>
    token.kind === 'link' ? [{ text: token.text, href: token.href, external: token.external }] : [],
  );

describe('auto-links tokenizer', () => {
  it('links http, https, www., mailto:, bare addresses and tel:', () => {
    expect(linkTokens('see https://shop.example/a?b=1 now')).to.deep.equal([
      { kind: 'text', text: 'see ' },
      {
        kind: 'link',
        text: 'https://shop.example/a?b=1',
        href: 'https://shop.example/a?b=1',
        external: true,
      },
      { kind: 'text', text: ' now' },
    ]);
    expect(links('http://a.example')[0]!.href).to.equal('http://a.example/');
    expect(links('www.shop.example/x')[0]).to.deep.equal({
      text: 'www.shop.example/x',
      href: 'https://www.shop.example/x',
      external: true,
    });
    expect(links('mailto:help@shop.example?subject=Hi')[0]!.href).to.equal(
      'mailto:help@shop.example?subject=Hi',
    );
    expect(links('write to help@shop.example.')[0]).to.deep.equal({
      text: 'help@shop.example',
      href: 'mailto:help@shop.example',
      external: false,
    });
    expect(links('call tel:+1-555-0100!')[0]).to.deep.equal({
      text: 'tel:+1-555-0100',
      href: 'tel:+1-555-0100',
      external: false,
    });
  });

  it('keeps every other scheme as text, javascript: above all', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox',
      'file:///etc/passwd',
      'ftp://files.example',
      '<a href="x">x</a>',
      'tel:12',
      'http://',
    ]) {
      expect(links(text), text).to.deep.equal([]);
      expect(
        linkTokens(text)
          .map((token) => token.text)
          .join(''),
        text,
      ).to.equal(text);
    }
  });

  it('leaves sentence punctuation and unbalanced brackets out of a link', () => {
    expect(links('Go to https://a.example/x.')[0]!.text).to.equal('https://a.example/x');
    expect(links('(see https://a.example/x)')[0]!.text).to.equal('https://a.example/x');
    expect(links('https://en.wikipedia.org/wiki/Lit_(library)')[0]!.text).to.equal(
      'https://en.wikipedia.org/wiki/Lit_(library)',
    );
    expect(links('"https://a.example/q",')[0]!.text).to.equal('https://a.example/q');
  });

  it('refuses deceptive credentials in a URL and keeps the whole text', () => {
    const text = 'https://bank.example@evil.example/login';
    expect(links(text)).to.deep.equal([]);
    expect(
      linkTokens(text)
        .map((token) => token.text)
        .join(''),
    ).to.equal(text);
  });
});

describe('typing', () => {
  it('sends "typing" at most once per throttle window and "stopped" once', () => {
    let now = 0;
    const sent: boolean[] = [];
    const reporter = new TypingReporter(
      (active) => sent.push(active),
      () => now,
    );
    reporter.input(true);
    now += 1000;
    reporter.input(true);
    now += typingThrottleMs;
    reporter.input(true);
    expect(sent).to.deep.equal([true, true]);
    reporter.input(false);
    reporter.stop();
    expect(sent).to.deep.equal([true, true, false]);
  });

  it('shows who types until they stop or send, and never oneself', () => {
    let changes = 0;
    const watcher = new TypingWatcher(
      () => 'visitor-1',
      () => changes++,
    );
    const author = { role: 'agent' as const, id: 'agent-2', name: 'Sam' };
    watcher.signal({ type: 'typing', conversationId: 'c', author, active: true });
    watcher.signal({
      type: 'typing',
      conversationId: 'c',
      author: { role: 'visitor', id: 'visitor-1' },
      active: true,
    });
    expect(watcher.typists).to.deep.equal([author]);
    watcher.ended('agent-2');
    expect(watcher.typists).to.deep.equal([]);
    watcher.signal({ type: 'typing', conversationId: 'c', author, active: true });
    watcher.signal({ type: 'typing', conversationId: 'c', author, active: false });
    expect(watcher.typists).to.deep.equal([]);
    expect(changes).to.equal(4);
    watcher.clear();
  });
});

describe('receipt positions', () => {
  const receipt = (role: 'agent' | 'visitor', id: string, deliveredSeq: number, readSeq: number) =>
    ({
      v: 1,
      type: 'event',
      stream: 'conv:c',
      seq: 99,
      at: '',
      event: {
        type: 'conversation.receipt',
        conversationId: 'c',
        reader: { role, id },
        deliveredSeq,
        readSeq,
      },
    }) as EventFrame;

  it('tells sent, delivered and read per seq, from the other side only', () => {
    const positions = new ReceiptPositions();
    expect(positions.stateOf(1, 'agent')).to.equal('sent');
    positions.apply(receipt('visitor', 'v', 9, 9));
    expect(positions.stateOf(1, 'agent')).to.equal('sent');
    positions.apply(receipt('agent', 'a', 3, 1));
    expect(positions.stateOf(1, 'agent')).to.equal('read');
    expect(positions.stateOf(3, 'agent')).to.equal('delivered');
    expect(positions.stateOf(4, 'agent')).to.equal('sent');
    // An older event replayed late never moves a position back.
    positions.apply(receipt('agent', 'a', 2, 0));
    expect(positions.of('agent', 'a')).to.deep.equal({ deliveredSeq: 3, readSeq: 1 });
  });
});

describe('message times', () => {
  it("formats in the reader's locale and zone, and names today and yesterday", () => {
    const iso = '2025-06-03T23:30:00Z';
    expect(dayKey(iso, 'UTC')).to.equal('2025-06-03');
    expect(dayKey(iso, 'Asia/Seoul')).to.equal('2025-06-04');
    expect(formatFullTime('en', iso, 'UTC')).to.contain('June 3, 2025');
    expect(formatFullTime('ko', iso, 'Asia/Seoul')).to.contain('2025년 6월 4일');
    const now = new Date('2025-06-04T10:00:00Z');
    expect(dayLabel('en', '2025-06-04T01:00:00Z', now, 'UTC')).to.deep.equal({ relative: 'today' });
    expect(dayLabel('en', iso, now, 'UTC')).to.deep.equal({ relative: 'yesterday' });
    expect(dayLabel('en', '2025-06-01T10:00:00Z', now, 'UTC')).to.deep.equal({
      date: 'Sun, June 1, 2025',
    });
  });
});
