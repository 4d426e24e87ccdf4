/**
 * The launcher on a real storefront page against a real hub process: unread messages while
 * the panel is closed (badge, title, also on the next page), a proactive invitation after
 * some seconds on a matching page, and a full-screen panel on a phone-sized screen.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { watchForProblems } from './support/browser.js';
import { useBrowserAndHub } from './support/browser-and-hub.js';

const invitationText = 'Looking for an answer? Ask us here.';

// The demo site with an invitation on the help page, without the pre-chat form.
const setup = useBrowserAndHub({
  prechat: undefined,
  invitations: {
    minutesBetween: 30,
    rules: [{ pages: ['/help*'], afterSeconds: 2, message: { en: invitationText } }],
  },
});
async function agentDesk(): Promise<Page> {
  const agent = await (await setup.browser.newContext()).newPage();
  await agent.goto(`${setup.hub.url}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as demo agent' }).click();
  return agent;
}

async function agentSays(agent: Page, text: string) {
  await agent.getByRole('textbox', { name: 'Message' }).fill(text);
  await agent.getByRole('button', { name: 'Send', exact: true }).click();
  await agent.getByRole('log').getByText(text).waitFor();
}

test('an agent writes while the panel is closed: badge and title, also on the next page', async () => {
  const customer = await (await setup.browser.newContext()).newPage();
  const problems = watchForProblems(customer);
  await customer.goto(`${setup.hub.url}/`);
  const pageTitle = await customer.title();
  await customer.getByRole('button', { name: 'Open chat' }).click();
  await customer.getByRole('textbox', { name: 'Message' }).fill('Is the jacket waterproof?');
  await customer.getByRole('button', { name: 'Send', exact: true }).click();
  await customer.getByRole('log').getByText('Is the jacket waterproof?').waitFor();
  await customer.keyboard.press('Escape');
  await customer.getByRole('button', { name: 'Open chat', exact: true }).waitFor();

  const agent = await agentDesk();
  await agent.getByRole('button', { name: 'Accept' }).first().click();
  await agentSays(agent, 'Yes, fully taped seams.');

  await customer.getByRole('button', { name: 'Open chat, 1 unread message' }).waitFor();
  await customer.waitForFunction(
    (title) => document.title === `(1) New message · ${title}`,
    pageTitle,
  );

  // The next page connects in the background and keeps counting.
  await customer.goto(`${setup.hub.url}/search.html`);
  await customer.getByRole('button', { name: 'Open chat, 1 unread message' }).waitFor();
  await agentSays(agent, 'Anything else?');
  await customer.getByRole('button', { name: 'Open chat, 2 unread messages' }).click();
  await customer.getByRole('log').getByText('Anything else?').waitFor();
  await customer.keyboard.press('Escape');
  await customer.getByRole('button', { name: 'Open chat', exact: true }).waitFor();
  assert.equal(await customer.title(), await customer.evaluate(() => document.title));
  assert.doesNotMatch(await customer.title(), /New message/);

  assert.deepEqual(problems, [], 'storefront: no errors');
  await agent.context().close();
  await customer.context().close();
});

test('a rule invites after some seconds on a matching page; accepting opens the chat', async () => {
  const customer = await (await setup.browser.newContext()).newPage();
  const problems = watchForProblems(customer);
  await customer.goto(`${setup.hub.url}/`);
  await customer.goto(`${setup.hub.url}/help.html`);
  const invitation = customer.getByRole('dialog', { name: 'Invitation to chat' });
  await invitation.getByText(invitationText).waitFor();
  // Shown only once the rule's time on the page had passed.
  const shownAfter = await customer.evaluate(() => performance.now());
  assert.ok(shownAfter >= 2000, `shown after ${shownAfter} ms on the page`);
  // It does not take focus away from the page.
  assert.equal(await customer.evaluate(() => document.activeElement?.tagName), 'BODY');

  await invitation.getByRole('button', { name: 'Chat now' }).click();
  await customer.getByRole('dialog', { name: 'Chat with us' }).getByText(invitationText).waitFor();
  await customer.getByRole('textbox', { name: 'Message' }).waitFor();
  assert.deepEqual(problems, [], 'storefront: no errors');
  await customer.context().close();
});

test('a phone-sized screen gets a full-screen panel', async () => {
  // A phone: a page wider than the screen would widen the layout viewport and push the
  // fixed launcher off screen, so every demo page must fit.
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  const context = await setup.browser.newContext(phone);
  const customer = await context.newPage();
  for (const page of ['/search.html', '/cart.html', '/checkout.html', '/help.html', '/']) {
    await customer.goto(`${setup.hub.url}${page}`);
    assert.equal(await customer.evaluate(() => innerWidth), 390, `${page} fits the screen`);
  }
  const launcher = customer.getByRole('button', { name: 'Open chat' });
  const box = await launcher.boundingBox();
  assert.ok(box && box.x + box.width <= 390 && box.y + box.height <= 844, 'launcher on screen');
  await launcher.click();
  const panel = customer.getByRole('dialog', { name: 'Chat with us' });
  await panel.waitFor();
  assert.deepEqual(await panel.boundingBox(), { x: 0, y: 0, width: 390, height: 844 });
  assert.equal(await launcher.isVisible(), false, 'the launcher hides while open');
  assert.equal(
    await customer.evaluate(() => getComputedStyle(document.documentElement).overflow),
    'hidden',
    'the page behind does not scroll',
  );
  await customer.keyboard.press('Escape');
  await launcher.waitFor();
  await context.close();
});
