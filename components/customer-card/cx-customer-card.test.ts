import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Struggle } from '../../protocol/index.js';
import type { HubConnection } from '../core/hub/hub-connection.js';
import { FakeHub } from '../core/testing/fake-hub.js';
import { sampleContext } from '../core/testing/sample-context.js';
import type { CxCustomerCard } from './cx-customer-card.js';
import './index.js';

async function mount(
  connection: HubConnection | null,
  ids: { conversationId?: string; visitorId?: string } = { visitorId: 'visitor-1' },
  locale = 'en',
) {
  const root = await fixture(
    html`<div>
      <cx-config
        locale=${locale}
        site-key="demo"
        hub="http://127.0.0.1:9"
        .connection=${connection}
      ></cx-config>
      <cx-customer-card
        conversation-id=${ids.conversationId ?? ''}
        visitor-id=${ids.visitorId ?? ''}
      ></cx-customer-card>
    </div>`,
  );
  await root.querySelector('cx-config')!.updateComplete;
  const card = root.querySelector('cx-customer-card')!;
  await card.updateComplete;
  return card;
}

const shadow = (card: CxCustomerCard) => card.shadowRoot!;
const text = (card: CxCustomerCard) => shadow(card).textContent!.replace(/\s+/g, ' ');
const loaded = (card: CxCustomerCard) =>
  waitUntil(() => shadow(card).querySelector('article'), 'context loaded');
const rows = (card: CxCustomerCard) => [...shadow(card).querySelectorAll('.rows > li')];
const buttons = (card: CxCustomerCard, name: string) =>
  [...shadow(card).querySelectorAll('button')].filter((b) =>
    (b.getAttribute('aria-label') ?? b.textContent!.trim()).startsWith(name),
  );
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('cx-customer-card', () => {
  it('says no conversation is selected when given no id', async () => {
    const card = await mount(new FakeHub().connect('agent'), {});
    expect(text(card)).to.contain('No conversation selected');
    await expect(card).to.be.accessible();
  });

  it('shows a loading state until the context arrives', async () => {
    const card = await mount(new FakeHub({ latencyMs: 200 }).connect('agent'));
    expect(shadow(card).querySelector('[role="status"]')!.textContent).to.contain(
      'Loading customer',
    );
    await expect(card).to.be.accessible();
    await loaded(card);
  });

  it('shows identity, CRM, orders, presence, struggles and the timeline', async () => {
    const card = await mount(new FakeHub().connect('agent'));
    await loaded(card);
    const all = text(card);
    expect(shadow(card).querySelector('h2')!.textContent).to.equal('Minji Park');
    expect(all).to.contain('Verified').and.contain('Customer ID cust-1001');
    expect(all).to.contain('minji@example.com').and.contain('Gold').and.contain('$1,284.50');
    expect(all).to.contain('Order A-1042').and.contain('$73.00').and.contain('shipped');
    expect(all).to.contain('Stone Kettle, Mug set (4)');
    expect(all).to.contain('Open tickets');
    expect(all).to.contain('On the site now').and.contain('Shipping help');
    expect(all).to.contain('10% off kettles').and.contain('viewed 3 times');
    expect(all).to.contain('Past conversations').and.contain('Thanks, the refund arrived.');

    const summary = shadow(card).querySelector('[part="struggles"]')!;
    expect(summary.textContent).to.contain('JavaScript error').and.contain('Failed request');
    expect(summary.textContent).to.contain('TypeError: shippingRates is undefined');
    // The summary comes before the rest of the card.
    expect(summary.compareDocumentPosition(shadow(card).querySelector('[part="crm"]')!)).to.equal(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );

    const lines = rows(card).map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(lines[0]).to.match(/^Visit from .*, 9 events$/);
    expect(lines[1]).to.contain('Viewed page').and.contain('Home');
    expect(lines.some((l) => l.includes('Viewed product') && l.includes('Stone Kettle'))).to.equal(
      true,
    );
    // Newest visit first: the earlier visit's search comes after today's events.
    const search = lines.findIndex(
      (l) => l.includes('Searched') && l.includes('“kettle”, 4 results'),
    );
    expect(search).to.be.greaterThan(9);
    await expect(card).to.be.accessible();
  });

  it('highlights struggle events with a text label, not by colour alone', async () => {
    const card = await mount(new FakeHub().connect('agent'));
    await loaded(card);
    const struggles = rows(card).filter((r) => r.getAttribute('part')?.includes('struggle'));
    expect(struggles).to.have.length(2);
    expect(struggles.map((r) => r.querySelector('.badge')!.textContent)).to.deep.equal([
      'Struggle',
      'Struggle',
    ]);
    expect(struggles[1].textContent)
      .to.contain('Failed request')
      .and.contain('POST /api/shipping-rates → 500');
  });

  it('shows "CRM unavailable" with the reason, and the rest of the card', async () => {
    const hub = new FakeHub();
    hub.setCrm('visitor-1', { status: 'unavailable', reason: 'timed out after 2 s' });
    const card = await mount(hub.connect('agent'));
    await loaded(card);
    expect(shadow(card).querySelector('[part="crm-notice"]')!.textContent).to.contain(
      'CRM unavailable: timed out after 2 s',
    );
    expect(text(card)).to.contain('Minji Park').and.contain('On the site now');
    expect(rows(card).length).to.be.greaterThan(5);
    await expect(card).to.be.accessible();
  });

  it('shows quiet lines for no CRM record and "last updated" for a stale one', async () => {
    const hub = new FakeHub();
    hub.setCrm('visitor-1', { status: 'not_found' });
    const card = await mount(hub.connect('agent'));
    await loaded(card);
    expect(text(card)).to.contain('The CRM has no record of this customer.');

    const stale = new FakeHub();
    const crm = stale.context('visitor-1').crm;
    if (crm.status === 'ok') crm.stale = true;
    const staleCard = await mount(stale.connect('agent'));
    await loaded(staleCard);
    expect(text(staleCard)).to.match(/Last updated /);
  });

  it("shows a visitor's name and email from the pre-chat form, marked not verified", async () => {
    const hub = new FakeHub();
    const context = hub.context('visitor-1');
    Object.assign(context, { verified: false, customerId: null, displayName: null });
    context.crm = { status: 'none' };
    const past = context.conversations[0]!;
    context.conversations = [
      { ...past, id: 'conv-now', createdAt: new Date().toISOString(), prechat: { name: 'Jamie' } },
      { ...past, prechat: { name: 'Jay', email: 'jay@example.com' } },
    ];
    const card = await mount(hub.connect('agent'));
    await loaded(card);
    expect(shadow(card).querySelector('h2')!.textContent).to.equal('Jamie');
    expect(text(card)).to.contain('Not verified').and.not.contain('Verified ');
    expect(text(card)).to.contain('Email given in chat: jay@example.com');
    await expect(card).to.be.accessible();

    context.conversations = [];
    const nameless = await mount(hub.connect('agent'));
    await loaded(nameless);
    expect(shadow(nameless).querySelector('h2')!.textContent).to.equal('Anonymous visitor');
    expect(text(nameless)).not.to.contain('Email given in chat');
  });

  it('appends live journey events and announces a new struggle politely', async () => {
    const hub = new FakeHub();
    const card = await mount(hub.connect('agent'));
    await loaded(card);
    const before = rows(card).length;
    hub.appendJourney('visitor-1', [
      {
        type: 'form_error',
        at: new Date().toISOString(),
        url: 'https://shop.example/checkout',
        form: 'address',
        field: 'postcode',
        message: 'Enter a valid postcode',
        struggle: 'form_retries',
      },
    ]);
    await waitUntil(() => rows(card).length === before + 1, 'live row appended');
    const row = rows(card).find((r) => r.textContent!.includes('Enter a valid postcode'))!;
    expect(row.getAttribute('part')).to.equal('event struggle');
    const live = [...shadow(card).querySelectorAll('[role="status"]')].map((e) => e.textContent);
    expect(live.join(' ')).to.contain(
      'New struggle: Form errors, postcode: Enter a valid postcode',
    );
    expect(shadow(card).querySelector('[part="struggles"]')!.textContent).to.contain('Form errors');
  });

  it("leaves off the next person's live browsing at a browser the customer signed out of", async () => {
    const hub = new FakeHub();
    const card = await mount(hub.connect('agent'));
    await loaded(card);
    const page = (path: string) => ({
      type: 'page_view' as const,
      at: new Date().toISOString(),
      url: `https://shop.example${path}`,
      title: path,
    });
    const before = rows(card).length;
    hub.appendJourney('visitor-1', [page('/strangers-page')], undefined, null);
    hub.appendJourney('visitor-1', [page('/customers-page')]);
    await waitUntil(() => rows(card).length === before + 1, "the customer's row appended");
    expect(text(card)).to.contain('/customers-page');
    expect(text(card)).not.to.contain('/strangers-page');
  });

  it('renders only a window of a 10,000-event timeline, and scrolling shows later rows', async () => {
    const hub = new FakeHub();
    hub.setContext(sampleContext('visitor-1', { events: 10_000 }));
    const card = await mount(hub.connect('agent'));
    await loaded(card);
    expect(rows(card).length).to.be.lessThan(60);
    expect(rows(card)[0].getAttribute('aria-setsize')).to.equal(String(10_000 + 9 + 3 + 3));
    const scroller = shadow(card).querySelector<HTMLElement>('.scroller')!;
    expect(scroller.tabIndex).to.equal(0);
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(
      () => rows(card).some((r) => r.textContent!.includes('Catalog page 10000')),
      'the last row is rendered after scrolling',
    );
    await frame();
    expect(rows(card).length).to.be.lessThan(60);
    await expect(card).to.be.accessible();
  });

  it("Send link sends the URL into the agent's conversation", async () => {
    const hub = new FakeHub();
    const { id } = hub.visitorSays('Hi, checkout is broken', 'visitor-1');
    const agent = hub.connect('agent', { id: 'agent-1', name: 'Alex' });
    await agent.command('chat.accept', { conversationId: id });
    const card = await mount(agent, { conversationId: id });
    await loaded(card);
    const send = buttons(card, 'Send link to Stone Kettle')[0];
    expect(send.textContent!.trim()).to.equal('Send link');
    const sent = oneEvent(card, 'cx-link-sent');
    send.click();
    const { detail } = await sent;
    expect(detail).to.include({ conversationId: id, url: 'https://shop.example/products/kt-200' });

    const texts: string[] = [];
    agent.subscribe(`conv:${id}`, 0, {
      onEvent: (f) => f.event.type === 'message.created' && texts.push(f.event.message.text),
    });
    await waitUntil(() => texts.length === 2);
    expect(texts[1]).to.equal('https://shop.example/products/kt-200');
    // The current page can be sent too.
    expect(buttons(card, 'Send link to Shipping help')).to.not.have.length(0);
  });

  it('offers no Send link without a conversation of this agent', async () => {
    const card = await mount(new FakeHub().connect('agent'));
    await loaded(card);
    expect(buttons(card, 'Send link')).to.have.length(0);
  });

  it('fires a cancelable cx-callback-request', async () => {
    const card = await mount(new FakeHub().connect('agent'));
    await loaded(card);
    const request = oneEvent(card, 'cx-callback-request');
    buttons(card, 'Schedule callback')[0].click();
    const event = await request;
    expect(event.cancelable).to.equal(true);
    expect(event.detail).to.deep.equal({
      visitorId: 'visitor-1',
      customerId: 'cust-1001',
      conversationId: null,
    });
  });

  it('renders page titles, names and CRM fields as text', async () => {
    const hub = new FakeHub();
    const attack = '<img src=x onerror="window.__cxPwned=1">';
    const context = hub.context('visitor-1');
    context.displayName = attack;
    context.visits[0].events[0].event = {
      type: 'page_view',
      at: context.visits[0].startedAt,
      url: 'javascript:alert(1)',
      title: attack,
    };
    context.presence.currentTitle = attack;
    context.presence.currentUrl = 'javascript:alert(1)';
    const card = await mount(hub.connect('agent'));
    await loaded(card);
    expect(shadow(card).querySelector('img')).to.equal(null);
    expect(shadow(card).querySelector('a[href^="javascript"]')).to.equal(null);
    expect(shadow(card).querySelector('h2')!.textContent).to.equal(attack);
  });

  it('reloads when the id changes, and shows load errors', async () => {
    const hub = new FakeHub();
    const other = sampleContext('visitor-2');
    other.displayName = 'Joon Lee';
    hub.setContext(other);
    const card = await mount(hub.connect('agent'));
    await loaded(card);
    card.visitorId = 'visitor-2';
    await waitUntil(() => shadow(card).querySelector('h2')?.textContent === 'Joon Lee');
    card.visitorId = '';
    card.conversationId = 'no-such-conversation';
    await waitUntil(() => shadow(card).querySelector('[role="alert"]'), 'error shown');
    expect(text(card)).to.contain('Could not load the customer: No such conversation.');
  });

  it("says each struggle in the agent's language, and a backend's own summary as it is", async () => {
    const hub = new FakeHub();
    const context = hub.context('visitor-1');
    const form: Struggle = {
      kind: 'form_retries',
      summary: 'A form on /checkout failed 3 times; last: card: Please fill out this field.',
      facts: {
        form: '',
        page: '/checkout',
        attempts: 3,
        field: 'card',
        message: 'Please fill out this field.',
      },
      at: context.struggles[0]!.at,
      eventIds: [],
    };
    const cart: Struggle = {
      kind: 'cart_abandoned',
      summary: 'Added Kettle, Mug to the cart but did not check out',
      facts: { products: ['Kettle', 'Mug'] },
      at: form.at,
      eventIds: [],
    };
    const older: Struggle = {
      kind: 'help_pages',
      summary: 'An older hub says this',
      at: form.at,
      eventIds: [],
    };
    context.struggles = [form, cart, older];
    const details = async (locale: string) => {
      const card = await mount(hub.connect('agent'), { visitorId: 'visitor-1' }, locale);
      await loaded(card);
      const items = shadow(card).querySelectorAll('[part="struggles"] .detail');
      return [...items].map((item) => item.textContent);
    };
    expect(await details('en')).to.deep.equal([
      'A form on /checkout refused 3 submits; last: card: Please fill out this field.',
      'Added Kettle and Mug to the cart but did not check out',
      'An older hub says this',
    ]);
    expect(await details('ko')).to.deep.equal([
      '/checkout의 양식 제출이 3번 거부됨. 마지막: card: Please fill out this field.',
      'Kettle 및 Mug을(를) 장바구니에 담고 결제하지 않음',
      'An older hub says this',
    ]);
  });

  it('speaks Korean', async () => {
    const card = await mount(new FakeHub().connect('agent'), { visitorId: 'visitor-1' }, 'ko');
    await loaded(card);
    const all = text(card);
    expect(all).to.contain('인증됨').and.contain('최근 주문').and.contain('지금 사이트에 있음');
    expect(all).to.contain('자바스크립트 오류').and.contain('방문 기록');
    expect(buttons(card, '콜백 예약')).to.have.length(1);
    expect(all).to.contain('US$1,284.50');
    await expect(card).to.be.accessible();
  });
});
