/**
 * Attachments end to end in real Chromium, under the demo pages' strict CSP: a customer
 * attaches a real PNG and a PDF in the demo panel, the agent sees the image as a thumbnail
 * and the PDF as a chip, and downloading gives the bytes with the safe headers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tinyPdf, tinyPng } from '../../server/attachments/fixtures.js';
import { watchForProblems } from './support/browser.js';
import { useBrowserAndHub } from './support/browser-and-hub.js';

const setup = useBrowserAndHub();

test('a customer sends a PNG and a PDF; the agent sees the thumbnail and downloads it safely', async () => {
  const customer = await (await setup.browser.newContext()).newPage();
  const agent = await (await setup.browser.newContext()).newPage();
  const customerProblems = watchForProblems(customer);
  const agentProblems = watchForProblems(agent);

  await customer.goto(`${setup.hub.url}/`);
  await customer.getByRole('button', { name: 'Open chat' }).click();
  await customer.getByLabel('Attach file').setInputFiles([
    { name: 'broken-zip.png', mimeType: 'image/png', buffer: tinyPng },
    { name: 'receipt.pdf', mimeType: 'application/pdf', buffer: tinyPdf },
  ]);
  const chosen = customer.getByRole('list', { name: 'Files to send' });
  await chosen.getByText('Ready to send').nth(1).waitFor();
  await customer.getByRole('textbox', { name: 'Message' }).fill('the zip broke');
  await customer.getByRole('button', { name: 'Send', exact: true }).click();
  const customerLog = customer.getByRole('log');
  await customerLog.getByRole('img', { name: 'broken-zip.png' }).waitFor();
  await customerLog.getByRole('link', { name: /PDF\s*receipt\.pdf/ }).waitFor();

  await agent.goto(`${setup.hub.url}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as demo agent' }).click();
  await agent.getByRole('button', { name: 'Accept' }).first().click();
  const agentLog = agent.getByRole('log');
  const thumbnail = agentLog.getByRole('img', { name: 'broken-zip.png' });
  await thumbnail.waitFor();
  // Loaded under the desk's CSP (img-src 'self'): the image decoded to its 1×1 pixels.
  await agent.waitForFunction(
    (image) =>
      (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth === 1,
    await thumbnail.elementHandle(),
  );
  const pdfChip = agentLog.getByRole('link', { name: /PDF\s*receipt\.pdf/ });
  await pdfChip.waitFor();

  const imageLink = agentLog.getByRole('link', { name: 'broken-zip.png' });
  const href = (await imageLink.getAttribute('href'))!;
  const download = await agent.request.get(href);
  assert.equal(download.status(), 200);
  assert.deepEqual(await download.body(), tinyPng);
  const headers = download.headers();
  assert.equal(headers['content-type'], 'image/png');
  assert.equal(
    headers['content-disposition'],
    `attachment; filename="broken-zip.png"; filename*=UTF-8''broken-zip.png`,
  );
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['content-security-policy'], "default-src 'none'; sandbox");

  // Clicking the chip downloads the PDF (Content-Disposition: attachment), never renders it.
  const [pdf] = await Promise.all([agent.waitForEvent('download'), pdfChip.click()]);
  assert.equal(pdf.suggestedFilename(), 'receipt.pdf');

  // A link with a changed signature is refused.
  const forged = new URL(href);
  forged.searchParams.set('sig', 'A'.repeat(43));
  const refused = await agent.request.get(forged.href);
  assert.equal(refused.status(), 403);
  assert.equal((await refused.json()).code, 'attachment.link_invalid');

  assert.deepEqual(customerProblems, [], 'storefront: no errors and no CSP violations');
  assert.deepEqual(agentProblems, [], 'agent desk: no errors and no CSP violations');
});
