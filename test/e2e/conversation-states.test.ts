/**
 * The live states of a conversation, end to end in real Chromium against a real hub: the
 * agent types and the customer sees it; the customer's message goes Sent → Read when the
 * agent opens it; the agent offers quick replies and the customer answers with one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { watchForProblems } from './support/browser.js';
import { useBrowserAndHub } from './support/browser-and-hub.js';

const setup = useBrowserAndHub();

test('typing, receipts and quick replies between a customer and an agent', async () => {
  const customer = await (await setup.browser.newContext()).newPage();
  const agent = await (await setup.browser.newContext()).newPage();
  const customerProblems = watchForProblems(customer);
  const agentProblems = watchForProblems(agent);

  await customer.goto(`${setup.hub.url}/`);
  await customer.getByRole('button', { name: 'Open chat' }).click();
  await customer.getByRole('textbox', { name: 'Message' }).fill('Has my order shipped?');
  await customer.getByRole('button', { name: 'Send', exact: true }).click();
  const customerLog = customer.getByRole('log');
  await customerLog.getByText('Has my order shipped?').waitFor();
  await customerLog.getByText('Sent', { exact: true }).waitFor();

  // The agent opens the conversation: the customer's message is read.
  await agent.goto(`${setup.hub.url}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as demo agent' }).click();
  await agent.getByRole('button', { name: 'Accept' }).first().click();
  await agent.getByRole('log').getByText('Has my order shipped?').waitFor();
  await customerLog.getByText('Read', { exact: true }).waitFor();
  await customer.getByText(/^You are chatting with /).waitFor();

  // The agent types: the customer sees it, politely.
  await agent.getByRole('textbox', { name: 'Message' }).fill('Let me look');
  const typing = customer.getByRole('status').filter({ hasText: /is typing…$/ });
  await typing.waitFor();

  // A reply with quick replies; the customer taps one.
  await agent.getByText('Quick replies', { exact: true }).click();
  const label = agent.getByRole('textbox', { name: 'Quick reply button' });
  for (const text of ['Yes, express', 'No, standard is fine']) {
    await label.fill(text);
    await label.press('Enter');
  }
  await agent
    .getByRole('textbox', { name: 'Message' })
    .fill('It ships tomorrow. Upgrade to express? Details: https://example.com/shipping');
  await agent.getByRole('button', { name: 'Send', exact: true }).click();
  await typing.waitFor({ state: 'detached' }).catch(() => {});
  assert.equal(await customer.getByText(/is typing…$/).count(), 0, 'the message ends the typing');

  const replies = customer.getByRole('group', { name: 'Suggested replies' });
  await replies.getByRole('button', { name: 'Yes, express' }).waitFor();
  const link = customerLog.getByRole('link', { name: /example\.com\/shipping/ });
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
  assert.equal(await link.getAttribute('target'), '_blank');
  await replies.getByRole('button', { name: 'Yes, express' }).click();
  await customerLog.getByText('Yes, express', { exact: true }).waitFor();
  await replies.waitFor({ state: 'detached' });
  await agent.getByRole('log').getByText('Yes, express', { exact: true }).waitFor();

  // The customer's panel is open, so the agent's reply shows as read on the desk.
  await agent.getByRole('log').getByText('Read', { exact: true }).waitFor();

  assert.deepEqual(customerProblems, [], 'storefront: no errors and no CSP violations');
  assert.deepEqual(agentProblems, [], 'agent desk: no errors and no CSP violations');
});
