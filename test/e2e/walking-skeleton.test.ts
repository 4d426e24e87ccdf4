/**
 * The walking skeleton, end to end in real Chromium: a customer on the demo storefront
 * says hello, an agent on the demo desk accepts and answers, and both messages survive
 * a hub restart.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchForProblems } from './support/browser.js';
import { useBrowserAndHub } from './support/browser-and-hub.js';
import { startHubProcess } from './support/hub-process.js';

const setup = useBrowserAndHub();

test('a message goes from the storefront to the agent desk and back, and survives a restart', async () => {
  const customer = await (await setup.browser.newContext()).newPage();
  const agent = await (await setup.browser.newContext()).newPage();
  const customerProblems = watchForProblems(customer);
  const agentProblems = watchForProblems(agent);

  await customer.goto(`${setup.hub.url}/`);
  await customer.getByRole('button', { name: 'Open chat' }).click();
  await customer.getByRole('textbox', { name: 'Message' }).fill('hello');
  await customer.getByRole('button', { name: 'Send', exact: true }).click();
  await customer.getByRole('log').getByText('hello').waitFor();

  await agent.goto(`${setup.hub.url}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as demo agent' }).click();
  await agent.getByRole('button', { name: 'Accept' }).first().click();
  await agent.getByRole('log').getByText('hello').waitFor();
  await agent.getByRole('textbox', { name: 'Message' }).fill('Hi! How can I help?');
  await agent.getByRole('button', { name: 'Send', exact: true }).click();

  await customer.getByRole('log').getByText('Hi! How can I help?').waitFor();

  assert.deepEqual(customerProblems, [], 'storefront: no errors and no CSP violations');
  assert.deepEqual(agentProblems, [], 'agent desk: no errors and no CSP violations');

  assert.equal(await setup.hub.stop(), 0, 'the hub stops cleanly on SIGTERM');
  setup.hub = await startHubProcess(setup.dataDir, setup.hub.port);

  // While the hub was down the browser logged refused reconnects; only what follows counts.
  customerProblems.length = 0;
  agentProblems.length = 0;
  await customer.reload();
  await customer.getByRole('button', { name: 'Open chat' }).click();
  await customer.getByRole('log').getByText('hello').waitFor();
  await customer.getByRole('log').getByText('Hi! How can I help?').waitFor();

  await agent.reload();
  const signIn = agent.getByRole('button', { name: 'Sign in as demo agent' });
  if (await signIn.isVisible()) await signIn.click();
  // The desk lists the conversation by its latest message.
  await agent.getByRole('button', { name: 'Hi! How can I help?' }).click();
  await agent.getByRole('log').getByText('Hi! How can I help?').waitFor();
  await agent.getByRole('log').getByText('hello').waitFor();

  assert.deepEqual(customerProblems, [], 'storefront: no errors and no CSP violations');
  assert.deepEqual(agentProblems, [], 'agent desk: no errors and no CSP violations');
});
