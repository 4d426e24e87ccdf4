/**
 * Queues and business hours, end to end in real Chromium against a real hub process: two
 * customers wait in line and the second moves up when the first is accepted; outside hours
 * the help page's chat (`queue="returns"`) offers to leave a message, which an agent finds
 * under "Offline messages" and answers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { watchForProblems } from './support/browser.js';
import { useBrowserAndHub } from './support/browser-and-hub.js';

// The demo site, with a returns queue that is closed whenever the test runs, and without
// the pre-chat form (end-of-chat.test.ts covers it).
const setup = useBrowserAndHub({
  prechat: undefined,
  queues: [
    { id: 'general', name: 'General' },
    { id: 'returns', name: 'Returns', hours: { timeZone: 'Europe/Berlin', weekly: {} } },
  ],
});

async function customerSays(path: string, text: string): Promise<Page> {
  const page = await (await setup.browser.newContext()).newPage();
  await page.goto(`${setup.hub.url}${path}`);
  await page.getByRole('button', { name: 'Open chat' }).click();
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('log').getByText(text).waitFor();
  return page;
}

test('a waiting customer sees their place in line move up when the one ahead is accepted', async () => {
  const first = await customerSays('/', 'hello from the first customer');
  const second = await customerSays('/', 'hello from the second customer');
  const problems = watchForProblems(second);
  // The line on screen comes first; a polite live region repeats it for screen readers.
  await second
    .getByText(/You are number 2 in line/)
    .first()
    .waitFor();
  await first
    .getByText(/You are number 1 in line/)
    .first()
    .waitFor();

  const agent = await (await setup.browser.newContext()).newPage();
  await agent.goto(`${setup.hub.url}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as demo agent' }).click();
  // The oldest waiting conversation is listed first.
  await agent.getByRole('button', { name: 'Accept' }).first().click();
  await agent.getByRole('log').getByText('hello from the first customer').waitFor();

  await second
    .getByText(/You are number 1 in line/)
    .first()
    .waitFor();
  // Accepted: no place in line any more.
  await first
    .getByText(/You are number/)
    .first()
    .waitFor({ state: 'detached' });
  assert.deepEqual(problems, [], 'storefront: no errors');
  await agent.context().close();
  await first.context().close();
  await second.context().close();
});

test('outside hours the customer leaves a message, which an agent answers later', async () => {
  const customer = await (await setup.browser.newContext()).newPage();
  const problems = watchForProblems(customer);
  await customer.goto(`${setup.hub.url}/help.html`);
  await customer.getByRole('button', { name: 'Open chat' }).click();
  const form = customer.getByRole('form', { name: /We're closed/ });
  await form.waitFor();
  assert.equal(await customer.getByRole('textbox', { name: 'Message' }).count(), 1);
  await form.getByRole('textbox', { name: 'Name' }).fill('Mina Park');
  await form.getByRole('textbox', { name: 'Email' }).fill('mina@example.com');
  await form.getByRole('textbox', { name: 'Message' }).fill('Can I return boots after 40 days?');
  await form.getByRole('button', { name: 'Send message' }).click();
  await customer
    .getByText(/Thanks! We got your message/)
    .first()
    .waitFor();
  await customer.getByRole('log').getByText('Can I return boots after 40 days?').waitFor();

  const agent = await (await setup.browser.newContext()).newPage();
  const agentProblems = watchForProblems(agent);
  await agent.goto(`${setup.hub.url}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as demo agent' }).click();
  await agent.getByRole('heading', { name: 'Offline messages' }).waitFor();
  await agent.getByText('Mina Park (mina@example.com)').waitFor();
  await agent.getByRole('button', { name: 'Answer' }).click();
  await agent.getByRole('log').getByText('Can I return boots after 40 days?').waitFor();
  await agent.getByRole('textbox', { name: 'Message' }).fill('Yes, as an exception.');
  await agent.getByRole('button', { name: 'Send', exact: true }).click();

  // The customer comes back later and reads the answer.
  await customer.reload();
  await customer.getByRole('button', { name: 'Open chat' }).click();
  await customer.getByRole('log').getByText('Yes, as an exception.').waitFor();
  assert.deepEqual(problems, [], 'storefront: no errors');
  assert.deepEqual(agentProblems, [], 'agent desk: no errors');
});
