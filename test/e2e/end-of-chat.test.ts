/**
 * The pre-chat form, the end of a chat and a verified customer's second device, end to end
 * in real Chromium against a real hub process that mails through an in-process SMTP peer.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startMailbox, type Mailbox } from '../../demo/mailbox/mailbox.js';
import { launchChromium, watchForProblems } from './support/browser.js';
import {
  makeDataDir,
  startHubProcess,
  writeDemoConfig,
  type HubProcess,
} from './support/hub-process.js';

let browser: Browser;
let hub: HubProcess;
let mailbox: Mailbox;
const dataDir = makeDataDir();
const configDir = makeDataDir();

before(async () => {
  mailbox = await startMailbox();
  browser = await launchChromium();
  const config = writeDemoConfig(configDir.path, {
    prechat: {
      fields: {
        name: { required: true },
        email: {},
        topic: { options: [{ label: 'An order' }, { label: 'Something else' }] },
      },
    },
  });
  hub = await startHubProcess(dataDir.path, 0, {
    CXKIT_CONFIG: config,
    CXKIT_SMTP_URL: `${mailbox.url}?from=Demo%20Store%20%3Cchat%40demo.test%3E`,
  });
});

after(async () => {
  await browser?.close();
  await hub?.stop();
  await mailbox?.close();
  dataDir.remove();
  configDir.remove();
});

async function agentDesk(): Promise<Page> {
  const agent = await (await browser.newContext()).newPage();
  await agent.goto(`${hub.url}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as demo agent' }).click();
  return agent;
}

test('pre-chat form, chat, the agent closes, the customer rates it and gets the transcript', async () => {
  const customer = await (await browser.newContext()).newPage();
  const problems = watchForProblems(customer);
  await customer.goto(`${hub.url}/`);
  await customer.getByRole('button', { name: 'Open chat' }).click();

  // The name is required: sending first asks for it, and keeps the message.
  const message = customer.getByRole('textbox', { name: 'Message' });
  await message.fill('Do the trailhead boots run small?');
  await customer.getByRole('button', { name: 'Send', exact: true }).click();
  await customer.getByText('Please enter your name.').waitFor();
  assert.equal(await message.inputValue(), 'Do the trailhead boots run small?');
  await customer.getByRole('textbox', { name: 'Name' }).fill('Ada Lovelace');
  await customer.getByRole('textbox', { name: /^Email/ }).fill('ada@example.com');
  await customer.getByRole('combobox', { name: /^Topic/ }).selectOption('An order');
  await customer.getByRole('button', { name: 'Send', exact: true }).click();
  await customer.getByRole('log').getByText('Do the trailhead boots run small?').waitFor();
  await customer.locator('[part="prechat-form"]').waitFor({ state: 'detached' });

  const agent = await agentDesk();
  await agent.getByRole('button', { name: 'Accept' }).first().click();
  await agent.getByRole('heading', { name: 'Conversation with Ada Lovelace' }).waitFor();
  await agent.locator('[part="conversation-facts"]').getByText('ada@example.com').waitFor();
  await agent.getByRole('textbox', { name: 'Message' }).fill('They run true to size <really>.');
  await agent.getByRole('button', { name: 'Send', exact: true }).click();
  await customer.getByRole('log').getByText('They run true to size <really>.').waitFor();
  await agent.getByRole('button', { name: 'Close conversation' }).click();

  await customer.getByRole('heading', { name: 'This chat has ended' }).waitFor();
  await customer.getByRole('radio', { name: '4 — Good' }).check();
  await customer.getByRole('textbox', { name: 'Comment (optional)' }).fill('quick help');
  await customer.getByRole('button', { name: 'Send rating' }).click();
  await customer.getByText('Thank you for your feedback!').waitFor();

  const email = customer.getByRole('textbox', { name: 'Email me the transcript' });
  assert.equal(await email.inputValue(), 'ada@example.com');
  await customer.getByRole('button', { name: 'Send transcript' }).click();
  await customer.getByText('The transcript is on its way to ada@example.com.').waitFor();
  const mail = await mailbox.next((m) => m.to === 'ada@example.com');
  assert.equal(mail.subject, 'Your chat with Demo Store');
  assert.match(mail.text, /You: Do the trailhead boots run small\?/);
  assert.match(mail.text, /Demo Agent: They run true to size <really>\./);
  assert.ok(mail.html.includes('They run true to size &lt;really&gt;.'));

  // The agent finds the rating with the conversation.
  await agent.getByRole('searchbox').fill('trailhead');
  await agent.getByRole('button', { name: 'Search' }).click();
  await agent.locator('[part="search-results"]').getByText('★ 4 — “quick help”').waitFor();

  await customer.getByRole('button', { name: 'Start a new chat' }).click();
  await customer.getByRole('textbox', { name: 'Message' }).waitFor();
  assert.deepEqual(problems, [], 'storefront: no errors');
});

test('a verified customer continues the conversation from another device', async () => {
  const signedIn = async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${hub.url}/`);
    await page.getByRole('button', { name: 'Sign in as Mina (demo)' }).click();
    await page.getByRole('button', { name: 'Signed in as Mina Park' }).waitFor();
    await page.getByRole('button', { name: 'Open chat' }).click();
    return page;
  };
  const laptop = await signedIn();
  // Verified: no form, the message box at once.
  await laptop.getByRole('textbox', { name: 'Message' }).fill('Started on my laptop');
  assert.equal(await laptop.locator('[part="prechat-form"]').count(), 0);
  await laptop.getByRole('button', { name: 'Send', exact: true }).click();
  await laptop.getByRole('log').getByText('Started on my laptop').waitFor();

  const phone = await signedIn();
  await phone.getByRole('log').getByText('Started on my laptop').waitFor();
  // Her own line from the other device is hers: "You", not "Visitor".
  const fromLaptop = phone
    .getByRole('log')
    .locator('li.message', { hasText: 'Started on my laptop' });
  assert.equal((await fromLaptop.locator('.author').textContent())?.trim(), 'You');
  await phone.getByRole('textbox', { name: 'Message' }).fill('Continued on my phone');
  await phone.getByRole('button', { name: 'Send', exact: true }).click();
  await laptop.getByRole('log').getByText('Continued on my phone').waitFor();

  // An anonymous visitor in a third browser sees none of it.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`${hub.url}/`);
  await stranger.getByRole('button', { name: 'Open chat' }).click();
  await stranger.locator('[part="prechat-form"]').waitFor();
  assert.equal(await stranger.getByRole('log').getByText('Started on my laptop').count(), 0);

  const agent = await agentDesk();
  await agent.getByRole('button', { name: 'Accept' }).first().click();
  await agent.getByRole('log').getByText('Continued on my phone').waitFor();
  await agent.locator('[part="conversation-facts"]').getByText('Mina Park').waitFor();

  // Mina signs out on the laptop: whoever uses it next sees none of her chat, also after a reload.
  await laptop.getByRole('button', { name: 'Sign out' }).click();
  await laptop.getByRole('button', { name: 'Sign in as Mina (demo)' }).waitFor();
  await laptop.locator('[part="prechat-form"]').waitFor();
  assert.equal(await laptop.getByRole('log').getByText('Continued on my phone').count(), 0);
  await laptop.reload();
  await laptop.getByRole('button', { name: 'Open chat' }).click();
  await laptop.locator('[part="prechat-form"]').waitFor();
  assert.equal(await laptop.getByRole('log').getByText('Started on my laptop').count(), 0);
  // Her phone still has it.
  await phone.getByRole('log').getByText('Continued on my phone').waitFor();
});

test("a sign-out that forgets nothing still keeps the customer's chat from the next person", async () => {
  const shared = await (await browser.newContext()).newPage();
  await shared.goto(`${hub.url}/`);
  await shared.getByRole('button', { name: 'Sign in as Mina (demo)' }).click();
  await shared.getByRole('button', { name: 'Signed in as Mina Park' }).waitFor();
  await shared.getByRole('button', { name: 'Open chat' }).click();
  await shared.getByRole('textbox', { name: 'Message' }).fill('My card ends in 4242');
  await shared.getByRole('button', { name: 'Send', exact: true }).click();
  await shared.getByRole('log').getByText('My card ends in 4242').waitFor();
  // Stored on the hub: nothing left in the outbox.
  await shared.waitForFunction(
    () => !Object.keys(localStorage).some((key) => key.startsWith('cxkit:outbox:')),
  );

  // A storefront whose sign-out drops its own session only: the visitor token, the open
  // conversation and the rest stay in this browser.
  await shared.evaluate(() => {
    sessionStorage.removeItem('cx-demo-identity');
    document.querySelector('cx-config')!.removeAttribute('identity-token');
  });
  await shared.reload();
  await shared.getByRole('button', { name: 'Sign in as Mina (demo)' }).waitFor();
  await shared.getByRole('button', { name: 'Open chat' }).click();
  // The next person: the form of an anonymous visitor, none of Mina's chat.
  await shared.locator('[part="prechat-form"]').waitFor();
  assert.equal(await shared.getByRole('log').getByText('My card ends in 4242').count(), 0);
});
